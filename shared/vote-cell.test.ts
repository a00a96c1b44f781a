import { describe, expect, it } from 'vitest';
import { checkVoteCell, isVoteCount, voteRowProblem } from './vote-cell.js';

describe('a vote count cell', () => {
  it('when blank, then it is not entered; when a whole number in range, then it is kept', () => {
    expect(checkVoteCell(' ')).toEqual({ ok: true, points: null });
    expect(checkVoteCell('0')).toEqual({ ok: true, points: 0 });
    expect(checkVoteCell('1000000')).toEqual({ ok: true, points: 1_000_000 });
  });
  it('when a fraction, negative, text or too large, then it is refused, never rounded', () => {
    for (const t of ['1.5', '-1', 'abc', '1000001']) expect(checkVoteCell(t)).toEqual({ ok: false, reason: `“${t}”不是 0 至 1000000 之间的整数` });
    expect([1.5, -1, '3', Number.NaN, 1_000_001].some(isVoteCount)).toBe(false);
  });
});

describe('a village’s vote row', () => {
  it('when wholly blank or whole and not all zero, then it may be stored', () => {
    expect(voteRowProblem({ excellent: null, good: null, fair: null, poor: null })).toBeNull();
    expect(voteRowProblem({ excellent: 0, good: 0, fair: 1, poor: 0 })).toBeNull();
  });
  it('when partly filled or all zero, then the rule is named', () => {
    expect(voteRowProblem({ excellent: 3, good: null, fair: 1, poor: 0 })?.code).toBe('democratic.incomplete');
    expect(voteRowProblem({ excellent: 0, good: 0, fair: 0, poor: 0 })?.code).toBe('democratic.empty');
  });
});
