// Integer arithmetic for the engine. Points are carried as integer hundredths (0.01 point), rates
// as integer basis points (0.01 %), figures as integer ten-thousandths; a quotient is rounded once,
// half up (towards +infinity), at the places documented in docs/standards.md. Doubles are never
// compared against thresholds, so 89.995 vs 90 has one defined answer.

/** Tolerance when checking that a decimal typed by a person has at most N decimals. */
const DECIMAL_TOLERANCE = 1e-6;

/** Integer hundredths of a value known to have at most two decimals, or null if it has more. */
export function toHundredths(value: number): number | null {
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) <= DECIMAL_TOLERANCE ? rounded : null;
}

/** Integer hundredths, rounding anything finer to the nearest hundredth (half up). */
export function roundToHundredths(value: number): number {
  return Math.round(value * 100 + 1e-9);
}

/** A figure (any decimal) to integer ten-thousandths, rounded to the nearest (half up). */
export function toTenThousandths(value: number): number {
  return Math.round(value * 10000 + 1e-9);
}

/** floor(n / d) for safe integers, d > 0, exact even where n / d as a double is not. */
export function floorDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
  }
  return q;
}

/** round(n / d) half up (towards +infinity), for safe integers and d > 0. */
export function roundHalfUpDiv(n: number, d: number): number {
  const q = floorDiv(n, d);
  const r = n - q * d;
  return 2 * r >= d ? q + 1 : q;
}

/** The same rounding for BigInt operands, used where products may pass 2^53. */
export function roundHalfUpDivBig(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  return 2n * r >= d ? q + 1n : q;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function lcm(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return (Math.abs(a) / gcd(a, b)) * Math.abs(b);
}

/** Hundredths as a decimal string with two places: 8999 → "89.99", -5 → "-0.05". */
export function formatHundredths(h: number): string {
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** An exact fraction n / d (d > 0) as a decimal string with `places` digits, truncated. */
export function formatFraction(n: bigint, d: bigint, places: number): string {
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const whole = abs / d;
  let rest = abs % d;
  let digits = '';
  for (let i = 0; i < places; i++) {
    rest *= 10n;
    digits += (rest / d).toString();
    rest %= d;
  }
  return `${sign}${whole.toString()}${places > 0 ? '.' : ''}${digits}${rest === 0n ? '' : '…'}`;
}
