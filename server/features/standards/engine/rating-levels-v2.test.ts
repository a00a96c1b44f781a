import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateCampaign } from './rating-engine.js';
import { campaignArb, tumen } from './test-arbitraries.js';
import { inputOf, smallStandard, uniformVillage } from './test-fixtures.js';
import { upgradeStandard } from './standard-upgrade.js';
import { validateStandard, type StandardError } from './standard-validate.js';

// Format 2 levels: scales above five stars, the higher tier of a named star, and outcome labels.

const v2 = (s: Standard): Standard => upgradeStandard(s);

function errorsOf(doc: Standard): StandardError[] {
  const result = validateStandard(doc);
  return result.ok ? [] : result.errors;
}

function eightStars(): Standard {
  return {
    ...v2(smallStandard()),
    levelScheme: {
      type: 'thresholds',
      minStars: 1,
      thresholds: [95, 90, 85, 80, 75, 70, 65].map((minScore, k) => ({ stars: 8 - k, minScore })),
    },
  };
}

/** Two named stars (50 points each) with a higher tier at 45; 2 = 优秀 (both at the higher tier), 1 = 达标, 0 = 未达标. */
function tiered(): Standard {
  const base = v2(smallStandard());
  return {
    ...base,
    dimensions: base.dimensions.map((d) => ({ ...d, namedStar: { name: `${d.name}星`, minPoints: 40, higher: { name: `${d.name}优秀星`, minPoints: 45 } } })),
    levelScheme: {
      type: 'namedStars',
      minStars: 0,
      levels: [
        { stars: 2, minNamedStars: 2, minHigherNamedStars: 2, minScore: 90 },
        { stars: 1, minNamedStars: 2, minScore: 80 },
      ],
    },
    outcomes: { display: 'labels', labels: [{ stars: 2, label: '优秀' }, { stars: 1, label: '达标' }, { stars: 0, label: '未达标' }] },
    vetoes: [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } }],
  };
}

describe('scales above five stars', () => {
  it('when a village scores 96 under an eight-star scale, then it has eight stars; 86 gives six', () => {
    const result = rateCampaign(eightStars(), inputOf([uniformVillage('a', 0.96), uniformVillage('b', 0.86)]));
    expect(result.villages.map((v) => [v.id, v.stars])).toEqual([
      ['a', 8],
      ['b', 6],
    ]);
  });

  it('when last year is given above the scale of the standard, then it is an input error, not clipped', () => {
    expect(() => rateCampaign(v2(smallStandard()), inputOf([uniformVillage('a', 0.9, { lastYearStars: 6 })]))).toThrow(/lastYearStars rating.stars_out_of_range/);
    expect(rateCampaign(eightStars(), inputOf([uniformVillage('a', 0.9, { lastYearStars: 8 })])).villages[0]?.stars).toBe(7);
  });

  it('when a format-1 file has a level above five, then it must say formatVersion 2', () => {
    const doc = { ...eightStars(), formatVersion: undefined, stages: smallStandard().stages };
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: 'levelScheme.thresholds[0].stars', code: 'standard.needs_format_2' }));
  });
});

describe('named stars with a higher tier and outcome labels', () => {
  it('when both named stars reach the higher tier and the total 90, then the outcome is 优秀; at 88 both tiers miss', () => {
    const result = rateCampaign(tiered(), inputOf([uniformVillage('top', 0.95), uniformVillage('mid', 0.88), uniformVillage('low', 0.7)]));
    const by = new Map(result.villages.map((v) => [v.id, v]));
    expect(by.get('top')).toMatchObject({ stars: 2, label: '优秀', higherNamedStars: ['branch', 'industry'] });
    expect(by.get('mid')).toMatchObject({ stars: 1, label: '达标', higherNamedStars: [] });
    expect(by.get('low')).toMatchObject({ stars: 0, label: '未达标', namedStars: [] });
    expect(result.summary.byLabel).toEqual({ 优秀: 1, 达标: 1, 未达标: 1 });
    const named = by.get('top')?.explanation.find((s) => s.rule === 'named_stars');
    expect(named?.text).toContain('其中 2 颗达到第二档');
    expect(by.get('top')?.explanation.at(-1)).toMatchObject({ rule: 'outcome', label: '优秀', text: '最终等级 2：优秀' });
  });

  it('when one dimension is at the higher tier and the other just below it, then the higher level is not given', () => {
    // branch 50 × 0.95 = 47.5 ≥ 45; industry: c 30 × 0.8 = 24, f from rate 100 → 20: 44 < 45. Total 91.5.
    const v = uniformVillage('edge', 0.95, { scores: { mutual: { a: 23.75, b: 23.75, c: 24 }, department: { a: 23.75, b: 23.75, c: 24 }, city: { a: 23.75, b: 23.75, c: 24 } }, figures: { rate: 100 } });
    const r = rateCampaign(tiered(), inputOf([v])).villages[0];
    expect(r).toMatchObject({ finalScore: 91.5, stars: 1, label: '达标', higherNamedStars: ['branch'] });
  });

  it('when a village is vetoed, then it has no label and the outcome step says so', () => {
    const r = rateCampaign(tiered(), inputOf([uniformVillage('x', 1, { violations: [{ category: 'discipline', reason: '违纪' }] })])).villages[0];
    expect(r).toMatchObject({ stars: null, label: null });
    expect(r?.explanation.at(-1)).toMatchObject({ rule: 'outcome', label: null });
  });

  it('when a standard has no outcomes, then results carry no label fields (format-1 results unchanged)', () => {
    const r = rateCampaign(v2(smallStandard()), inputOf([uniformVillage('a', 0.9)]));
    expect(r.villages[0]).not.toHaveProperty('label');
    expect(r.villages[0]).not.toHaveProperty('higherNamedStars');
    expect(r.summary).not.toHaveProperty('byLabel');
  });

  it('when labels leave out a possible level, repeat one or name an impossible one, then each error points at its place', () => {
    const doc = tiered();
    doc.outcomes = { display: 'labels', labels: [{ stars: 2, label: '优秀' }, { stars: 2, label: '优秀' }, { stars: 5, label: '五星' }] };
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'outcomes.labels', code: 'standard.label_missing' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'outcomes.labels[1].stars', code: 'standard.duplicate_label' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'outcomes.labels[2].stars', code: 'standard.unknown_level' }));
    expect(errors.find((e) => e.code === 'standard.label_missing')?.message).toContain('0、1');
  });

  it('when a higher tier is below the named star or above the dimension, then the tier is named', () => {
    const doc = tiered();
    doc.dimensions[0]!.namedStar!.higher!.minPoints = 30;
    doc.dimensions[1]!.namedStar!.higher!.minPoints = 60;
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'dimensions[0].namedStar.higher.minPoints', code: 'standard.named_star_tier_order' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'dimensions[1].namedStar.higher.minPoints', code: 'standard.threshold_unreachable' }));
  });

  it('when a cap can lower a village below the lowest level, then that level needs a label too', () => {
    const doc = tiered();
    doc.levelScheme.minStars = 1;
    doc.levelScheme = { type: 'namedStars', minStars: 1, levels: [{ stars: 2, minNamedStars: 2 }] };
    doc.vetoes = [{ category: 'petition', name: '违规上访', effect: { type: 'capStars', maxStars: 0 } }];
    doc.outcomes = { display: 'labels', labels: [{ stars: 2, label: '优秀' }, { stars: 1, label: '达标' }] };
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ code: 'standard.label_missing' }));
  });

  it('property: under labels, every rated village carries the label of its final level', () => {
    const labelled: Standard = {
      ...v2(tumen),
      outcomes: { display: 'starsAndLabels', labels: [5, 4, 3, 2, 1].map((n) => ({ stars: n, label: ['', '不合格', '基本合格', '合格', '合格', '先进'][n] as string })) },
    };
    expect(errorsOf(labelled)).toEqual([]);
    fc.assert(
      fc.property(campaignArb(tumen, 1, 8), (input) => {
        const plain = rateCampaign(v2(tumen), input);
        const result = rateCampaign(labelled, input);
        result.villages.forEach((v, k) => {
          expect(v.stars).toBe(plain.villages[k]?.stars);
          expect(v.label).toBe(v.stars === null ? null : labelled.outcomes?.labels.find((l) => l.stars === v.stars)?.label);
        });
      }),
      { numRuns: 30 },
    );
  });
});
