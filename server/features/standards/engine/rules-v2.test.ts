import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateCampaign } from './rating-engine.js';
import { RatingInputError, type RatingInput } from './rating-input.js';
import { inputOf, smallStandard, uniformVillage } from './test-fixtures.js';
import { upgradeStandard } from './standard-upgrade.js';
import { validateStandard, type StandardError } from './standard-validate.js';

// Format 2 rules: yellow card vs veto in one category, counted bonuses, a bonus towards one
// named star, and rules from recorded data.

function standard(): Standard {
  const base = upgradeStandard(smallStandard());
  return {
    ...base,
    figures: [...(base.figures ?? []), { id: 'newMembers3y', name: '近三年发展党员数', unit: '人' }],
    dimensions: base.dimensions.map((d) => ({ ...d, namedStar: { name: `${d.name}星`, minPoints: 45 } })),
    bonus: {
      cap: 10,
      items: [
        { id: 'honours', name: '国家级、省级荣誉', maxPoints: 10, guidance: '每项 5 分，最多 10 分', perCount: 5 },
        { id: 'industryAward', name: '产业发展表彰', maxPoints: 3, guidance: '', dimension: 'industry' },
      ],
    },
    vetoes: [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' }, yellowCard: { name: '黄牌警告', maxStars: 3 } }],
    dataRules: [{ name: '连续三年未发展党员', figure: 'newMembers3y', min: 1, effect: { type: 'noRating' } }],
  };
}

const village = (id: string, share: number, extra: Parameters<typeof uniformVillage>[2] = {}) =>
  uniformVillage(id, share, { figures: { rate: share * 100, newMembers3y: 2 }, ...extra });

function rate(input: RatingInput) {
  return rateCampaign(standard(), input);
}

function issues(input: RatingInput) {
  try {
    rate(input);
  } catch (e) {
    if (e instanceof RatingInputError) return e.issues;
    throw e;
  }
  return [];
}

function errorsOf(doc: Standard): StandardError[] {
  const result = validateStandard(doc);
  return result.ok ? [] : result.errors;
}

describe('yellow card and veto in one category', () => {
  it('when a discipline case is a yellow card, then the stars are capped at 3; a full case removes the rating', () => {
    const yellow = village('y', 0.95, { violations: [{ category: 'discipline', reason: '诫勉谈话', severity: 'yellowCard' }] });
    const both = village('b', 0.95, { violations: [{ category: 'discipline', reason: '诫勉谈话', severity: 'yellowCard' }, { category: 'discipline', reason: '党内警告处分' }] });
    const r = rate(inputOf([yellow, both]));
    const y = r.villages.find((v) => v.id === 'y');
    expect(y).toMatchObject({ stars: 3, vetoed: false });
    expect(y?.explanation.find((s) => s.rule === 'veto')).toMatchObject({ name: '黄牌警告', effect: 'capStars', before: 5, after: 3 });
    expect(r.villages.find((v) => v.id === 'b')).toMatchObject({ stars: null, vetoed: true });
  });

  it('when a yellow card is given for a category without one, then it is an input error at its severity', () => {
    const doc = standard();
    const v = village('x', 0.9, { violations: [{ category: 'discipline', reason: '违纪', severity: 'yellowCard' }] });
    doc.vetoes = [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } }];
    expect(() => rateCampaign(doc, inputOf([v]))).toThrow(/violations\[0\]\.severity rating\.no_yellow_card/);
  });
});

describe('counted bonuses', () => {
  it('when two honours are entered as a count, then they give 10 points; three give 15, counted at 10 and said so', () => {
    const r = rate(inputOf([village('two', 0.8, { bonus: { honours: 2 } }), village('three', 0.8, { bonus: { honours: 3 } })]));
    const two = r.villages.find((v) => v.id === 'two');
    const three = r.villages.find((v) => v.id === 'three');
    expect(two?.bonusPoints).toBe(10);
    expect(three?.bonusPoints).toBe(10);
    const step = three?.explanation.find((s) => s.rule === 'bonus');
    expect(step).toMatchObject({ clipped: [{ id: 'honours', count: 3, given: 15, maxPoints: 10 }] });
    expect(step?.text).toContain('填报 3 次，合 15 分');
  });

  it('when a count is not a whole number, then it is an input error, not rounded', () => {
    expect(issues(inputOf([village('a', 0.8, { bonus: { honours: 1.5 } })]))).toContainEqual(
      expect.objectContaining({ code: 'rating.count_not_integer', path: 'villages[0].bonus.honours' }),
    );
  });

  it('property: a counted bonus is count × 5 up to 10, whatever the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (n) => {
        const v = rate(inputOf([village('a', 0.5, { bonus: { honours: n } })])).villages[0];
        expect(v?.bonusPoints).toBe(Math.min(10, n * 5));
      }),
      { numRuns: 30 },
    );
  });
});

describe('a bonus towards one named star', () => {
  it('when the industry award adds 3 points, then the industry star is earned from 43 indicator points', () => {
    // industry: c 30 × 0.86 = 25.8, f = 20 × 0.86 = 17.2 → 43 < 45; with 3 bonus points → 46 ≥ 45.
    const without = rate(inputOf([village('a', 0.86)])).villages[0];
    const withAward = rate(inputOf([village('a', 0.86, { bonus: { industryAward: 3 } })])).villages[0];
    expect(without?.namedStars).toEqual([]);
    expect(withAward?.namedStars).toEqual(['industry']);
    expect(withAward?.dimensionScores.industry).toBe(43);
    expect(withAward?.explanation.find((s) => s.rule === 'named_stars')?.text).toContain('含加分 3.00');
  });

  it('when a deduction names a dimension, then the standard is invalid at that item', () => {
    const doc = standard();
    doc.deductions = { cap: 5, items: [{ id: 'late', name: '整改滞后', maxPoints: 5, guidance: '', dimension: 'branch' }] };
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: 'deductions.items[0].dimension', code: 'standard.dimension_on_deduction' }));
  });
});

describe('rules from recorded data', () => {
  it('when no Party member was admitted in three years, then the village is not rated, by the figure and not by a typed violation', () => {
    const r = rate(inputOf([village('none', 0.95, { figures: { rate: 95, newMembers3y: 0 } }), village('some', 0.95)]));
    const none = r.villages.find((v) => v.id === 'none');
    expect(none).toMatchObject({ stars: null, vetoed: true, notes: ['不予评星：连续三年未发展党员'] });
    expect(none?.explanation.find((s) => s.rule === 'data_rule')).toMatchObject({ figure: 'newMembers3y', value: 0, min: 1, before: 5, after: null });
    expect(r.villages.find((v) => v.id === 'some')?.stars).toBe(5);
  });

  it('when the figure is missing, then it counts as 0 and is listed, or is an error in strict mode', () => {
    const v = uniformVillage('m', 0.95);
    const r = rate(inputOf([v])).villages[0];
    expect(r?.stars).toBeNull();
    expect(r?.explanation.find((s) => s.rule === 'missing_data')).toMatchObject({ missing: [{ kind: 'figure', figure: 'newMembers3y' }] });
    expect(() => rateCampaign(standard(), inputOf([v]), { missing: 'error' })).toThrow(/figures\.newMembers3y rating\.missing_figure/);
  });

  it('when a data rule names an unknown figure, then the error points at it', () => {
    const doc = standard();
    doc.dataRules = [{ name: '未知', figure: 'nothing', min: 1, effect: { type: 'noRating' } }];
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: 'dataRules[0].figure', code: 'standard.unknown_figure' }));
  });

  it('when a format-1 file uses these rules, then each asks for format 2', () => {
    const doc = { ...standard(), formatVersion: undefined, stages: smallStandard().stages };
    const paths = errorsOf(doc).filter((e) => e.code === 'standard.needs_format_2').map((e) => e.path);
    expect(paths).toEqual(['vetoes[0].yellowCard', 'bonus.items[0].perCount', 'bonus.items[1].dimension', 'dataRules']);
  });
});
