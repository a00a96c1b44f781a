import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  floorDiv,
  formatFraction,
  formatHundredths,
  lcm,
  roundHalfUpDiv,
  roundHalfUpDivBig,
  toHundredths,
  toTenThousandths,
} from './exact-math.js';

describe('exact arithmetic', () => {
  it('when a quotient is exactly half a hundredth, then it rounds up', () => {
    expect(roundHalfUpDiv(89995, 1000)).toBe(90); // 89.995 → 90
    expect(roundHalfUpDiv(89994, 1000)).toBe(90); // 89.994 → 90 (nearest)
    expect(roundHalfUpDiv(89494, 1000)).toBe(89);
    expect(roundHalfUpDiv(5, 10)).toBe(1);
    expect(roundHalfUpDiv(4, 10)).toBe(0);
  });

  it('when the numerator is negative, then floorDiv floors and half rounds towards +infinity', () => {
    expect(floorDiv(-1, 3)).toBe(-1);
    expect(floorDiv(-3, 3)).toBe(-1);
    expect(roundHalfUpDiv(-5, 10)).toBe(0);
    expect(roundHalfUpDiv(-6, 10)).toBe(-1);
  });

  it('when typed values have at most two decimals, then toHundredths is exact; otherwise null', () => {
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(89.99)).toBe(8999);
    expect(toHundredths(1.005)).toBeNull();
    expect(toTenThousandths(88.88888)).toBe(888889);
  });

  it('when numbers and BigInts hold the same safe integers, then both roundings agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        expect(roundHalfUpDiv(n, d)).toBe(Number(roundHalfUpDivBig(BigInt(n), BigInt(d))));
        const q = floorDiv(n, d);
        expect(q * d <= n && n < (q + 1) * d).toBe(true);
      }),
    );
  });

  it('when formatting, then hundredths and fractions print without binary noise', () => {
    expect(formatHundredths(8999)).toBe('89.99');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(-5)).toBe('-0.05');
    expect(formatFraction(179990n, 2000n, 4)).toBe('89.9950');
    expect(formatFraction(1n, 3n, 3)).toBe('0.333…');
    expect(lcm(100, 80)).toBe(400);
  });
});
