import { describe, expect, it } from 'vitest';
import { hasAtMostTwoDecimals, sheetProblems } from './sheets.js';

const indicators = [{ id: 'a', name: 'A', dimensionName: 'D', maxPoints: 6, guidance: '', evidence: [] }];

describe('score sheet values', () => {
  it('when a score has two decimals that floating point cannot hold exactly (4.35), then it is accepted', () => {
    expect(hasAtMostTwoDecimals(4.35)).toBe(true);
    expect(hasAtMostTwoDecimals(0.07)).toBe(true);
    expect(sheetProblems(indicators, { a: 4.35 })).toEqual([]);
  });

  it('when a score has three decimals, is negative, above the maximum or unknown, then it is a problem of its own kind', () => {
    expect(hasAtMostTwoDecimals(4.355)).toBe(false);
    expect(sheetProblems(indicators, { a: 4.355 })).toEqual([{ indicatorId: 'a', reason: 'out_of_range', problem: 'too_many_decimals', value: 4.355, text: '「A」4.355 小数位数过多，应为 0–6 分，最多 2 位小数' }]);
    expect(sheetProblems(indicators, { a: -1 })).toMatchObject([{ indicatorId: 'a', reason: 'out_of_range', problem: 'negative' }]);
    expect(sheetProblems(indicators, { a: 6.01 })).toMatchObject([{ indicatorId: 'a', reason: 'out_of_range', problem: 'above_max' }]);
    expect(sheetProblems(indicators, { a: 'abc' })).toMatchObject([{ indicatorId: 'a', reason: 'out_of_range', problem: 'not_a_number' }]);
    expect(sheetProblems(indicators, { b: 1 })).toEqual([{ indicatorId: 'b', reason: 'unknown' }]);
  });
});
