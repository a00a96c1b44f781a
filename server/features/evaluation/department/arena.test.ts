import { describe, expect, it } from 'vitest';
import { arenaPointsValid, arenaTrimmedMean, resolveArenaIndicator } from './arena.js';
import { loadShippedStandards } from '../../standards/shipped-standards.js';

describe('arena trimmed mean', () => {
  it('when nobody has scored, then there is no result', () => {
    expect(arenaTrimmedMean([])).toBeNull();
  });

  it('when four judges score, then nothing is dropped and the plain mean is rounded half up', () => {
    // 2.50 + 2.60 + 2.70 + 2.85 = 10.65 → 2.6625 → 2.66
    expect(arenaTrimmedMean([250, 260, 270, 285])).toEqual({ meanH: 266, trimmed: false, dropped: null });
    // 1 + 2 + 2 + 2.5 = 7.5 / 4 = 1.875 → 1.88 (half up)
    expect(arenaTrimmedMean([100, 200, 200, 250])?.meanH).toBe(188);
  });

  it('when five judges score, then one highest and one lowest are dropped', () => {
    // drop 0.5 and 3: (2 + 2.2 + 2.4) / 3 = 2.2
    expect(arenaTrimmedMean([300, 50, 220, 200, 240])).toEqual({ meanH: 220, trimmed: true, dropped: { highestH: 300, lowestH: 50 } });
  });

  it('when the highest and the lowest scores are tied, then only one of each is dropped', () => {
    // 3, 3, 2, 1, 1 → drop one 3 and one 1: (3 + 2 + 1) / 3 = 2
    expect(arenaTrimmedMean([300, 300, 200, 100, 100])).toEqual({ meanH: 200, trimmed: true, dropped: { highestH: 300, lowestH: 100 } });
    // all equal: the mean is the common score
    expect(arenaTrimmedMean([250, 250, 250, 250, 250, 250])?.meanH).toBe(250);
  });

  it('when a mean has a third decimal of exactly five, then it rounds up', () => {
    // six judges, drop 0 and 3: (1 + 1 + 1 + 1.01) / 4 = 1.0025 → 1.00; (1 + 1 + 1.01 + 1.01)/4 = 1.005 → 1.01
    expect(arenaTrimmedMean([0, 100, 100, 100, 101, 300])?.meanH).toBe(100);
    expect(arenaTrimmedMean([0, 100, 100, 101, 101, 300])?.meanH).toBe(101);
  });

  it('when a judge types more than two decimals or above the maximum, then the score is invalid', () => {
    expect(arenaPointsValid(2.5, 3)).toBe(true);
    expect(arenaPointsValid(3.01, 3)).toBe(false);
    expect(arenaPointsValid(1.234, 3)).toBe(false);
    expect(arenaPointsValid(-0.5, 3)).toBe(false);
  });
});

describe('arena indicator of a campaign', () => {
  it('when the campaign sets nothing, then the standard’s arenaCompetition indicator is used; when it names none, there is no arena', async () => {
    const [tumen, , named] = await loadShippedStandards();
    expect(resolveArenaIndicator(tumen!, undefined)).toEqual({ indicator: { id: 'arenaCompetition', name: '擂台比武表现', maxPoints: 3 }, source: 'default' });
    expect(resolveArenaIndicator(tumen!, { indicatorId: null })).toEqual({ indicator: null, source: 'none' });
    expect(resolveArenaIndicator(tumen!, { indicatorId: 'localExperts' }).indicator?.id).toBe('localExperts');
    // a city-only indicator can never hold an arena result
    expect(resolveArenaIndicator(tumen!, { indicatorId: 'btxStandard' }).source).toBe('none');
    expect(resolveArenaIndicator(named!, undefined)).toEqual({ indicator: null, source: 'none' });
  });
});
