import { describe, expect, it } from 'vitest';
import { allowedRangeText, checkCell, columnLetter, parseClipboardBlock, pointsProblem, pointsRefusalText } from './score-cell.js';

describe('a score cell', () => {
  it('when blank, then it clears the cell', () => {
    expect(checkCell('  ', 5)).toEqual({ ok: true, points: null });
  });
  it('when a number inside the range with two decimals, then it is kept exactly', () => {
    expect(checkCell('4.35', 5)).toEqual({ ok: true, points: 4.35 });
    expect(checkCell('5', 5)).toEqual({ ok: true, points: 5 });
    expect(checkCell('0', 5)).toEqual({ ok: true, points: 0 });
  });
  it('when above the maximum or negative, then it is refused, not clamped', () => {
    expect(checkCell('5.01', 5)).toEqual({ ok: false, reason: '应在 0 至 5 分之间' });
    expect(checkCell('-1', 5)).toEqual({ ok: false, reason: '应在 0 至 5 分之间' });
  });
  it('when three decimals, then it is refused, not rounded', () => {
    expect(checkCell('4.355', 5)).toEqual({ ok: false, reason: '最多保留两位小数' });
  });
  it('when not a number, then it says so', () => {
    expect(checkCell('优', 5)).toEqual({ ok: false, reason: '“优”不是数字' });
    expect(checkCell('1e2', 500)).toMatchObject({ ok: false });
  });
});

describe('a stored score value', () => {
  it('when inside 0..max with at most two decimals, then it is accepted as it is', () => {
    expect([0, 4.35, 6].map((v) => pointsProblem(v, 6))).toEqual([null, null, null]);
  });
  it('when 999, -3, abc or 1.234, then each is refused for its own reason, never clamped or rounded', () => {
    expect(pointsProblem(999, 6)).toBe('above_max');
    expect(pointsProblem(6.01, 6)).toBe('above_max');
    expect(pointsProblem(-3, 6)).toBe('negative');
    expect(pointsProblem(-0.01, 6)).toBe('negative');
    expect(pointsProblem('abc', 6)).toBe('not_a_number');
    expect(pointsProblem('3', 6)).toBe('not_a_number');
    expect(pointsProblem(Number.NaN, 6)).toBe('not_a_number');
    expect(pointsProblem(Number.POSITIVE_INFINITY, 6)).toBe('not_a_number');
    expect(pointsProblem(undefined, 6)).toBe('not_a_number');
    expect(pointsProblem(1.234, 6)).toBe('too_many_decimals');
  });
  it('when refused, then the sentence names the field, the value and the allowed range', () => {
    expect(allowedRangeText(6)).toBe('0–6 分，最多 2 位小数');
    expect(pointsRefusalText('村级组织建设', 999, 6, 'above_max')).toBe('「村级组织建设」999 超过满分，应为 0–6 分，最多 2 位小数');
    expect(pointsRefusalText('擂台比武', 'abc', 3, 'not_a_number')).toBe('「擂台比武」abc 不是数字，应为 0–3 分，最多 2 位小数');
  });
});

describe('a block pasted from Excel or WPS', () => {
  it('when copied with CRLF and a trailing newline, then rows and cells come back without an empty last row', () => {
    expect(parseClipboardBlock('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
  });
  it('when one cell, then one row of one cell', () => {
    expect(parseClipboardBlock('7')).toEqual([['7']]);
  });
  it('when an empty cell sits inside the block, then it stays in its place', () => {
    expect(parseClipboardBlock('1\t\t3')).toEqual([['1', '', '3']]);
  });
});

describe('column letters', () => {
  it('when numbered, then named as Excel names them', () => {
    expect([1, 3, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'BA']);
  });
});
