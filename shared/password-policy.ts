// The password rule of SECURITY.md item 2, used by the server (authoritative) and the admin UI
// (so users learn it before they submit).
import { commonPasswords, commonPasswordWords } from './common-passwords.js';

export const passwordMinLength = 12;
export const passwordMaxLength = 128;
/** The published password of the demo accounts: never accepted in production. */
export const demoPassword = 'Fivestar@2026';

export type PasswordProblem = 'too_weak' | 'contains_username' | 'too_common' | 'demo_password';

const common = new Set(commonPasswords.map((p) => p.toLowerCase()));
const commonWords = new Set(commonPasswordWords);

/** The first rule the password breaks, or null. */
export function passwordProblem(password: string, opts: { username?: string; production?: boolean } = {}): PasswordProblem | null {
  if (password.length < passwordMinLength || password.length > passwordMaxLength) return 'too_weak';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'too_weak';
  const lower = password.toLowerCase();
  const username = opts.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return 'contains_username';
  // A common word among digits and symbols (Password@2026, a1234567890A) is as guessable as the word.
  const letters = lower.replace(/[^a-z]/g, '');
  if (common.has(lower) || commonWords.has(letters)) return 'too_common';
  if (opts.production && password === demoPassword) return 'demo_password';
  return null;
}

/** The error code each problem answers with (shared/errors.ts). */
export const passwordErrorCode = {
  too_weak: 'password.too_weak',
  contains_username: 'password.contains_username',
  too_common: 'password.too_common',
  demo_password: 'password.demo_password',
} as const satisfies Record<PasswordProblem, string>;

/** Length and character classes only; see passwordProblem for the whole rule. */
export function isStrongPassword(password: string): boolean {
  return passwordProblem(password) === null;
}
