export const passwordMinLength = 12;
export const passwordMaxLength = 128;

/** At least 12 characters drawn from at least three of: upper, lower, digit, symbol. */
export function isStrongPassword(password: string): boolean {
  if (password.length < passwordMinLength || password.length > passwordMaxLength) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
