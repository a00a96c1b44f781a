// The phone survey's pure rules: the code's check character, the answer window, merged counts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCharacter, codeAlphabet, displayCode, parseCode } from '../../../shared/survey-code.js';
import { chinaDate } from '../../../shared/dates.js';
import { answersDue, answersKeptUntil, answerState, mergedCounts, newCode, responseRate, sourceExplanation } from './surveys.js';
import { scheduleSurveyPurge } from './retention.service.js';

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

describe('how long answers are kept', () => {
  const final = { status: 'final' as const, noticeEnds: '2026-05-12', updatedAt: new Date('2026-05-13T02:00:00Z') };

  it('when the campaign is final, then the answers are kept through the notice’s last day plus the period, and due the day after', () => {
    expect(answersKeptUntil(final, 365, chinaDate)).toBe('2027-05-12');
    expect(answersDue('2027-05-12', '2027-05-12')).toBe(false);
    expect(answersDue('2027-05-12', '2027-05-13')).toBe(true);
    expect(answersKeptUntil(final, 1, chinaDate)).toBe('2026-05-13');
  });

  it('when the campaign is not final (the notice still running, or earlier), then its answers are kept whatever the date', () => {
    for (const status of ['draft', 'mutual', 'department', 'city', 'notice'] as const) {
      expect(answersKeptUntil({ ...final, status }, 1, chinaDate)).toBeNull();
    }
    expect(answersDue(null, '2099-01-01')).toBe(false);
  });

  it('when a final campaign has no notice dates, then the period counts from its last change, as a date in China', () => {
    // 20:00 UTC on 13 May is already 14 May in China.
    expect(answersKeptUntil({ ...final, noticeEnds: null, updatedAt: new Date('2026-05-13T20:00:00Z') }, 10, chinaDate)).toBe('2026-05-24');
  });
});

describe('the server’s daily purge', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the server starts, then it runs once at once and then once a day, never two runs at a time; a failed run is reported and the next still comes', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: () => void = () => {};
    const errors: unknown[] = [];
    const run = () => {
      runs++;
      if (runs === 2) return Promise.reject(new Error('database away'));
      if (runs === 3) return new Promise<void>((resolve) => (release = resolve));
      return Promise.resolve();
    };
    const schedule = scheduleSurveyPurge(run, { onError: (e) => errors.push(e) });
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 3600_000 - 1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(runs).toBe(3);
    // The third run is still going a day later: the tick is skipped, not stacked.
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(runs).toBe(3);
    release();
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(runs).toBe(4);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(3 * 24 * 3600_000);
    expect(runs).toBe(4);
  });
});
