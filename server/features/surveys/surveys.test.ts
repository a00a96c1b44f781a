// The phone survey's pure rules: the code's check character, the answer window, merged counts.
import { describe, expect, it } from 'vitest';
import { checkCharacter, codeAlphabet, displayCode, parseCode } from '../../../shared/survey-code.js';
import { answerState, mergedCounts, newCode, responseRate, sourceExplanation } from './surveys.js';

const windows = { mutual: { opens: '2026-03-01', closes: '2026-03-31' }, department: { opens: '2026-04-01', closes: '2026-04-30' }, city: { opens: '2026-05-01', closes: '2026-05-31' } };

describe('household codes', () => {
  it('when a code is made, then it has 16 random characters and a check character, and parses back', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCode()));
    expect(codes.size).toBe(1000);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{17}$/);
      expect(parseCode(c)).toBe(c);
      expect(parseCode(displayCode(c).toLowerCase())).toBe(c);
    }
  });

  it('when any one character is mistyped or two neighbours swapped, then the check character catches it', () => {
    const code = newCode();
    for (let i = 0; i < 17; i++) {
      for (const ch of codeAlphabet) {
        if (ch === code[i]) continue;
        expect(parseCode(code.slice(0, i) + ch + code.slice(i + 1))).toBeNull();
      }
    }
    const body = 'ABCDEFGHJKMNPQRS';
    const swapped = 'BACDEFGHJKMNPQRS';
    expect(checkCharacter(body)).not.toBe(checkCharacter(swapped));
    // Crockford reading: O is 0, I and L are 1.
    const withZero = '0000111122223333';
    expect(parseCode(`OOOO-IIII-2222-3333-${checkCharacter(withZero)}`)).toBe(withZero + checkCharacter(withZero));
  });
});

describe('when a code may be answered', () => {
  it('only inside stage 1 of a campaign in stage 1, and never for a closed village', () => {
    expect(answerState('draft', windows, '2026-03-05', false)).toBe('not_open');
    expect(answerState('mutual', windows, '2026-02-28', false)).toBe('not_open');
    expect(answerState('mutual', windows, '2026-03-01', false)).toBe('open');
    expect(answerState('mutual', windows, '2026-03-31', false)).toBe('open');
    expect(answerState('mutual', windows, '2026-04-01', false)).toBe('ended');
    expect(answerState('department', windows, '2026-03-20', false)).toBe('ended');
    expect(answerState('mutual', windows, '2026-03-20', true)).toBe('village_closed');
  });
});

describe('merged counts', () => {
  it('when phone answers and paper counts exist, then they are added and the source says so', () => {
    const phone = { satisfied: 2, basicallySatisfied: 1, unsatisfied: 0 };
    const paper = { sampleSize: 40, satisfied: 30, basicallySatisfied: 2, unsatisfied: 8 };
    expect(mergedCounts(phone, null)).toEqual({ counts: { sampleSize: 3, ...phone }, source: 'phone' });
    expect(mergedCounts(null, paper)).toEqual({ counts: paper, source: 'paper' });
    expect(mergedCounts({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 }, paper)?.source).toBe('paper');
    expect(mergedCounts(null, null)).toBeNull();
    const m = mergedCounts(phone, paper);
    expect(m).toEqual({ counts: { sampleSize: 43, satisfied: 32, basicallySatisfied: 3, unsatisfied: 8 }, source: 'merged' });
    expect(sourceExplanation('merged', m!.counts, 3)).toContain('手机 3 份 + 纸质 40 份');
    expect(responseRate(3, 7)).toBe(42.9);
    expect(responseRate(0, 0)).toBeNull();
  });
});
