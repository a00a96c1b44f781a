import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import { checkAndRate } from './rating-input-check.js';
import { type RatingInputError } from './rating-input.js';
import type { ExplanationStep, RatingResult, VillageResult } from './rating-result.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { inputOf, readJson, smallStandard, uniformVillage } from './test-fixtures.js';

// The engine and docs/standards.md agree: over-maximum items are clipped and said so, every input
// problem is listed at once, tie-breaks and rounding are explained, one spelling of "N 星".

function village(r: RatingResult, id: string): VillageResult {
  return r.villages.find((v) => v.id === id) as VillageResult;
}
function step<R extends ExplanationStep['rule']>(v: VillageResult, rule: R): (ExplanationStep & { rule: R }) | undefined {
  return v.explanation.find((s) => s.rule === rule) as (ExplanationStep & { rule: R }) | undefined;
}

const withBonus = (): Standard => ({
  ...smallStandard(),
  bonus: { cap: 3, items: [{ id: 'honors', name: '荣誉表彰', maxPoints: 1, guidance: '每项1分，最多3分' }, { id: 'projects', name: '创新项目', maxPoints: 2, guidance: '' }] },
});

describe('a bonus above its item maximum', () => {
  it('when an item is given above its maximum, then it counts at the maximum and the explanation says so', () => {
    const r = rateCampaign(withBonus(), inputOf([uniformVillage('v', 0.8, { bonus: { honors: 2.5, projects: 1 } })]));
    const v = village(r, 'v');
    expect(v.bonusPoints).toBe(2);
    expect(v.finalScore).toBe(82);
    const bonus = step(v, 'bonus');
    expect(bonus).toMatchObject({ items: { honors: 1, projects: 1 }, claimed: 2, clipped: [{ id: 'honors', name: '荣誉表彰', given: 2.5, maxPoints: 1 }] });
    expect(bonus?.text).toContain('荣誉表彰填报 2.5 分，本项最多 1 分，按 1 分计');
  });

  it('when items are within their maxima, then nothing is marked clipped', () => {
    const v = village(rateCampaign(withBonus(), inputOf([uniformVillage('v', 0.8, { bonus: { honors: 1 } })])), 'v');
    expect(step(v, 'bonus')).toMatchObject({ clipped: [], claimed: 1 });
  });

  it('when a bonus is negative or has three decimals, then the input is refused with the item path', () => {
    try {
      rateCampaign(withBonus(), inputOf([uniformVillage('v', 0.8, { bonus: { honors: -1, projects: 0.125 } })]));
      expect.unreachable('a negative bonus must be refused');
    } catch (error) {
      expect((error as RatingInputError).issues.map((i) => [i.path, i.code])).toEqual([
        ['villages[0].bonus.honors', 'rating.score_out_of_range'],
        ['villages[0].bonus.projects', 'rating.too_many_decimals'],
      ]);
    }
  });
});

describe('every input problem at once', () => {
  it('when some villages are malformed and others break the standard, then both kinds are listed with the original positions', () => {
    const good = uniformVillage('ok', 0.9);
    const json = {
      towns: [{ id: 't1', name: '一镇' }],
      villages: [
        { ...uniformVillage('a', 0.9), lastYearStars: 9 },
        { ...uniformVillage('b', 0.9), name: '' },
        uniformVillage('c', 0.9, { scores: { city: { a: 999 } } }),
        good,
        uniformVillage('d', 0.9, { townId: 'nowhere' }),
      ],
    };
    const checked = checkAndRate(smallStandard(), json);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => [p.path, p.code])).toEqual([
      ['villages[0].lastYearStars', 'input.too_big'],
      ['villages[1].name', 'input.too_small'],
      ['villages[2].scores.city.a', 'rating.score_out_of_range'],
      ['villages[4].townId', 'rating.unknown_town'],
    ]);
  });

  it('when the input is well formed and valid, then it is rated', () => {
    const checked = checkAndRate(smallStandard(), inputOf([uniformVillage('a', 0.9)]));
    expect(checked.ok && checked.result.villages[0]?.stars).toBe(5);
  });
});

describe('tie-breaks at a quota boundary', () => {
  const quota = (): Standard => ({ ...smallStandard(), quotas: { scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 50 }] } });

  it('when two villages are equal on every key, then both explanations name the tie and that the name decided', () => {
    const r = rateCampaign(quota(), inputOf([uniformVillage('乙', 0.95), uniformVillage('甲', 0.95)]));
    const kept = step(village(r, '乙'), 'quota');
    const dropped = step(village(r, '甲'), 'quota');
    expect(kept).toMatchObject({ kept: true, tieBreak: { with: '甲村', equalOn: ['最终得分'], decidedBy: '村名（按字符编码排序）' } });
    expect(dropped).toMatchObject({ kept: false, after: 4, tieBreak: { with: '乙村', decidedBy: '村名（按字符编码排序）' } });
    expect(dropped?.text).toContain('与乙村在最终得分上并列，按村名（按字符编码排序）区分，降为 4 星');
  });

  it('when the first key already separates them, then no tie is claimed', () => {
    const r = rateCampaign(quota(), inputOf([uniformVillage('a', 0.96), uniformVillage('b', 0.95)]));
    expect(step(village(r, 'b'), 'quota')).toMatchObject({ kept: false, tieBreak: null });
    expect(step(village(r, 'b'), 'quota')?.text).toContain('按星级、最终得分排第 2，降为 4 星');
  });
});

describe('rounding of shown dimension scores', () => {
  it('when the rounded dimensions add to more than the score, then a step explains the difference', () => {
    // branch: a 0.01 × 20 % + 0.01 × 30 % = 0.005 → 0.01; industry: c the same → 0.01; shown 0.02, exact 0.01
    const v = uniformVillage('v', 0, { scores: { mutual: { a: 0.01, b: 0, c: 0.01 }, department: { a: 0.01, b: 0, c: 0.01 }, city: { a: 0, b: 0, c: 0 } } });
    const r = village(rateCampaign(smallStandard(), inputOf([v])), 'v');
    expect(r.dimensionScores).toEqual({ branch: 0.01, industry: 0.01 });
    expect(r.baseScore).toBe(0.01);
    expect(step(r, 'dimension_round')).toMatchObject({ shownSum: 0.02, after: 0.01 });
  });

  it('when the dimensions add up exactly, then there is no rounding step', () => {
    expect(step(village(rateCampaign(smallStandard(), inputOf([uniformVillage('v', 0.9)])), 'v'), 'dimension_round')).toBeUndefined();
  });
});

describe('wording', () => {
  it('when a village has no survey and the standard caps on satisfaction, then the step says there was no survey', () => {
    const standard: Standard = { ...smallStandard(), satisfaction: { weightPercent: 0, caps: [{ belowPercent: 60, maxStars: 2 }] } };
    const v = village(rateCampaign(standard, inputOf([uniformVillage('v', 0.95)])), 'v');
    expect(step(v, 'satisfaction_cap')?.text).toBe('无群众满意度测评（按 0 计），低于 60.00%，最多 2 星：5 星 → 2 星');
    expect(v.notes).toContain('无群众满意度测评（按 0 计），最多 2 星');
  });

  it.each(['tumen-2022', 'satisfaction-weighted', 'named-stars-500'])('when %s is rated, then every star count is written "N 星"', (id) => {
    const r = rateCampaign(readJson(`standards/${id}.json`) as Standard, readJson(`standards/examples/${id}.input.json`) as never);
    const texts = [...r.villages.flatMap((v) => [...v.notes, ...v.explanation.map((s) => s.text)]), ...r.towns.flatMap((t) => t.explanation.map((s) => s.text))];
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => /\d星/.test(t))).toEqual([]);
  });
});
