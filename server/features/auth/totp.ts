// TOTP second factor (RFC 6238) through the otpauth library, and single-use recovery codes.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const issuer = '五星级乡村党组织创建';
const period = 30;

function totpOf(secretBase32: string, username: string): TOTP {
  return new TOTP({ issuer, label: username, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secretBase32) });
}

/** 160 random bits, the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The code for a moment (tests and the enrolment check). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpOf(secretBase32, '').generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, accepting one step of clock drift either way, or null. The
 * caller stores the step so the same code cannot be used twice.
 */
export function matchTotp(secretBase32: string, code: string, at: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32, '').validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / period) + delta;
}

export function currentStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / period);
}

// Crockford-like alphabet without 0/O and 1/I/L, so codes read back from paper are unambiguous.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Ten codes of 10 characters (about 49 bits each), shown once, stored only as keyed digests. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What the user typed, in the form that was digested (case, spaces and dashes ignored). */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
