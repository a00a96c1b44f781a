import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import { ratingInputSchema } from './rating-input.js';
import type { RatingResult, VillageResult } from './rating-result.js';
import { assertValidStandard } from './standard-validate.js';
import { readJson } from './test-fixtures.js';

// The three shipped standards rated on their example inputs. The expected numbers were worked
// out by hand from the example files (the derivation is in the comments), not copied from output.

function rateShipped(id: string): RatingResult {
  const standard = assertValidStandard(readJson(`standards/${id}.json`));
  const input = ratingInputSchema.parse(readJson(`standards/examples/${id}.input.json`));
  return rateCampaign(standard, input);
}

type Row = [id: string, finalScore: number, stars: number | null, rankInCity: number | null, rankInTown: number | null];

function rows(result: RatingResult): Row[] {
  return result.villages.map((v) => [v.id, v.finalScore, v.stars, v.rankInCity, v.rankInTown]);
}

function village(result: RatingResult, id: string): VillageResult {
  return result.villages.find((v) => v.id === id) as VillageResult;
}

describe('golden: tumen-2022', () => {
  const result = rateShipped('tumen-2022');

  it('when the example campaign is rated, then scores, stars and ranks are the hand-worked ones', () => {
    // Scored indicators give 81 points at full marks; formula indicators 19.
    // bailong: deficits 0.2×1 + 0.3×1 + 0.5×0.5 = 0.75 → 80.25; formulas 7 + 6 + 5 = 18; bonus 2 → 100.25
    // hedong: deficits 0.005 + 0.4 + 3 (arena, department only) + 0.6 + 1 = 5.005 → 75.995; formulas 5.5 + 6 + 2.5 → 89.995 → 90.00
    // mapai: deficits 0.4 + 0.6 + 0.375 + 0.5 + 0.3125 + 1 = 3.1875 → 77.8125; formulas 6 + 4 + 3.75 → 91.5625 → 91.56
    // tingyan: deficits 5.625 → 75.375; formulas 4 + 4 + 2.5 → 85.875; deduction 3 → 82.875 → 82.88
    // zhongxing: deficits 13.85 → 67.15; formulas 8 + 5 + 5 → 85.15
    // shuinan: half marks 40.5, minus the missing mutual score (2.5 × 20 %) → 40; formulas 2 + 2 + 1.25 → 45.25; deductions 15 capped at 10 → 35.25
    // qinglong: deficit 1.5 → 79.5; formulas 8 + 6 + 3.125 → 3.13 → 96.63
    expect(rows(result)).toEqual([
      ['bailong', 100.25, 5, 1, 1],
      ['hedong', 90, 5, 2, 1],
      ['mapai', 91.56, 4, 3, 2],
      ['tingyan', 82.88, 4, 4, 2],
      ['zhongxing', 85.15, 2, 5, 3],
      ['shuinan', 35.25, 1, 6, 4],
      ['qinglong', 96.63, null, null, null],
    ]);
  });

  it('when a rule changed a village, then its explanation says which and with what numbers', () => {
    expect(village(result, 'hedong').explanation.find((s) => s.rule === 'score_round')).toMatchObject({ exact: '89.995000', after: 90 });
    expect(village(result, 'mapai').explanation.find((s) => s.rule === 'prerequisite')).toMatchObject({ actual: 3, required: 4, before: 5, after: 4 });
    expect(village(result, 'zhongxing').explanation.find((s) => s.rule === 'veto')).toMatchObject({ category: 'petition', before: 4, after: 2 });
    expect(village(result, 'qinglong')).toMatchObject({ vetoed: true, levelFromScore: 5, notes: ['一票否决：违反党规党纪'] });
    expect(village(result, 'shuinan').explanation.find((s) => s.rule === 'deduction')).toMatchObject({ claimed: 15, cap: 10 });
    expect(village(result, 'bailong').stageScores).toEqual({ mutual: 64, department: 76, city: 77.5 });
  });

  it('when the towns are rated, then own score and village share decide', () => {
    // yueqing: 92 own; villages 5, 4, vetoed → share ≥3 stars 2/3 = 66.67 % (< 80 %, ≥ 60 %) → 3; veto cap 3
    // liangshui: 78.5 own (< 80); share 2/4 = 50 % (< 60 %) → 2
    expect(result.towns.map((t) => [t.id, t.stars, t.averageVillageStars])).toEqual([
      ['yueqing', 3, 3],
      ['liangshui', 2, 3],
    ]);
    expect(result.summary).toEqual({ villages: 7, vetoed: 1, byStars: { '1': 1, '2': 1, '4': 2, '5': 2 }, atLeastThreeStarsPercent: 57.14, townsByStars: { '2': 1, '3': 1 } });
  });
});

describe('golden: satisfaction-weighted', () => {
  const result = rateShipped('satisfaction-weighted');

  it('when the example campaign is rated, then satisfaction, caps, vetoes and the 10 %/30 % quotas apply', () => {
    // base = 28 × department share + 62 × city share + requests (50 % → 0, 100 % → 10)
    // s01: 86.9 + 10 = 96.9; rate 95 + 0.8 × 5 = 99 % → 0.7 × 96.9 + 0.3 × 99 = 97.53 → 5 (1 five-star place of 10)
    // s02: 95.5 × 0.7 + 98 × 0.3 = 96.25 → 5, quota → 4
    // s03: 90 × 0.7 + 96 × 0.3 = 91.8 → 5, no innovation project → 4
    // s04: 87.9 × 0.7 + 92 × 0.3 = 89.13, bonus 2 → 91.13 → 5, no innovation project → 4
    // s05: 84.5 × 0.7 + 93 × 0.3 = 87.05 → 4; four-star pool s02, s03, s04, s05 > 3 places → s05 → 3
    // s08, s09: 70 × 0.7 + 88 × 0.3 = 75.4 → 3, equal on every key → shared rank 6
    // s06: 91 × 0.7 + 78 × 0.3 = 87.1 → 4; safety cap 3, integrity lowers 1 → 2
    // s07: 95.5 × 0.7 + 56 × 0.3 = 83.65 → 4; satisfaction 56 % < 60 % → 2
    // s10: 59 × 0.7 + 76 × 0.3 = 64.1, deduction 3 → 61.1; crime → unrated
    expect(rows(result)).toEqual([
      ['s01', 97.53, 5, 1, 1],
      ['s02', 96.25, 4, 2, 2],
      ['s03', 91.8, 4, 3, 3],
      ['s04', 91.13, 4, 4, 4],
      ['s05', 87.05, 3, 5, 5],
      ['s09', 75.4, 3, 6, 1],
      ['s08', 75.4, 3, 6, 1],
      ['s06', 87.1, 2, 8, 3],
      ['s07', 83.65, 2, 9, 4],
      ['s10', 61.1, null, null, null],
    ]);
    expect(village(result, 's02').explanation.find((s) => s.rule === 'quota')).toMatchObject({ stars: 5, limit: 1, base: 10, position: 2, kept: false });
    expect(village(result, 's07').explanation.find((s) => s.rule === 'satisfaction_cap')).toMatchObject({ rate: 56, before: 4, after: 2 });
    expect(village(result, 's01').stageScores.mutual).toBe(40);
  });

  it('when the towns are rated, then the average village stars decide', () => {
    // donghua: 93 own, villages 5, 4, 4, 4, 3 → average 4.00 → 5
    // xiling: 80 own, villages 2, 2, 3, 3, unrated → average 2.00, share ≥3 stars 40 % → 2
    expect(result.towns.map((t) => [t.id, t.stars, t.averageVillageStars])).toEqual([
      ['donghua', 5, 4],
      ['xiling', 2, 2],
    ]);
  });
});

describe('golden: named-stars-500', () => {
  const result = rateShipped('named-stars-500');

  it('when the example campaign is rated, then named stars and the 450 pass mark decide the level', () => {
    // n1: 92 + 93 + 88 + 90 + 84 = 447 (all five named stars) + bonus 5 = 452 ≥ 450 → 5
    // n3: 85 × 5 = 425 → 4 (five named stars, < 450); safety cap → 3
    // n2: branch 78 (no 支部过硬星) → 4 and 3 need it → 2 (one or more named stars, 438 ≥ 300)
    // n4: branch 80, safety 80 → two named stars, 365 − 10 = 355 → 2
    // n6: 60 + 55 (48.25 + 6.75 from 4.5 万元) + 70 + 65 + 50 = 300, no named star → 1; integrity cannot go below 1
    // n5: 440, discipline → unrated
    expect(rows(result)).toEqual([
      ['n1', 452, 5, 1, 1],
      ['n3', 425, 3, 2, 2],
      ['n2', 438, 2, 3, 3],
      ['n4', 355, 2, 4, 1],
      ['n6', 300, 1, 5, 2],
      ['n5', 440, null, null, null],
    ]);
    expect(village(result, 'n2').namedStars).toEqual(['industry', 'ecology', 'safety', 'civility']);
    expect(village(result, 'n4').namedStars).toEqual(['branch', 'safety']);
    expect(village(result, 'n6').dimensionScores.industry).toBe(55);
    // city: 447 − 25 from the formula = 422; department (reference only) scored 1 less on each of 19 indicators
    expect(village(result, 'n1').stageScores).toEqual({ department: 403, city: 422 });
  });

  it('when the towns are rated, then the village share decides', () => {
    // nanhu: 88 own, villages 5, 3, 2 → average 3.33 (< 3.5), share ≥3 stars 66.67 % ≥ 60 % → 3
    // beishan: 72 own, villages 2, 1, unrated → share 0 % → own ≥ 60 → 2
    expect(result.towns.map((t) => [t.id, t.stars, t.averageVillageStars])).toEqual([
      ['nanhu', 3, 3.33],
      ['beishan', 2, 1],
    ]);
  });
});
