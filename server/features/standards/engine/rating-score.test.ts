import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import { RatingInputError, type RateOptions, type VillageInput } from './rating-input.js';
import type { ExplanationStep, RatingResult, VillageResult } from './rating-result.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { inputOf, smallStandard, uniformVillage } from './test-fixtures.js';

// The score part of the engine, one rule at a time: stage weights, formulas, satisfaction
// weight, bonus, deductions, rounding, and the input errors.

function rate(villages: VillageInput[], mutate: (s: Standard) => void = () => {}, options?: RateOptions): RatingResult {
  const standard = smallStandard();
  mutate(standard);
  return rateCampaign(standard, inputOf(villages), options);
}

function village(result: RatingResult, id: string): VillageResult {
  const found = result.villages.find((v) => v.id === id);
  if (!found) throw new Error(`no village ${id}`);
  return found;
}

function step<R extends ExplanationStep['rule']>(v: VillageResult, rule: R): Extract<ExplanationStep, { rule: R }> {
  const found = v.explanation.find((s) => s.rule === rule);
  if (!found) throw new Error(`no ${rule} step in ${v.explanation.map((s) => s.rule).join(',')}`);
  return found as Extract<ExplanationStep, { rule: R }>;
}

function issuesOf(run: () => unknown): RatingInputError['issues'] {
  try {
    run();
  } catch (error) {
    if (error instanceof RatingInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a RatingInputError');
}

describe('stage weights', () => {
  it('when the three stages score an indicator differently, then it counts 20/30/50', () => {
    const v = uniformVillage('v', 1);
    v.scores.mutual!.a = 5;
    v.scores.department!.a = 15;
    const result = village(rate([v]), 'v');
    // a = 0.2×5 + 0.3×15 + 0.5×25 = 18, the rest full: 75 + 18 = 93
    expect(result.baseScore).toBe(93);
    expect(result.stageScores).toEqual({ mutual: 60, department: 70, city: 80 });
    const s = step(result, 'stage_weight');
    expect(s).toMatchObject({ weights: { mutual: 20, department: 30, city: 50 }, after: 93, before: null });
    expect(s.text).toContain('摸底互评 20%');
  });

  it('when an indicator is scored by two stages only, then their weights are renormalised between them', () => {
    const v = uniformVillage('v', 1);
    delete v.scores.mutual!.a;
    v.scores.department!.a = 16;
    v.scores.city!.a = 24;
    const result = village(
      rate([v], (s) => {
        const a = s.dimensions[0]!.indicators[0]!;
        if (a.kind === 'scored') a.stages = ['department', 'city'];
      }),
      'v',
    );
    // a = 16 × 30/80 + 24 × 50/80 = 6 + 15 = 21; 75 + 21 = 96
    expect(result.baseScore).toBe(96);
    expect(result.notes).toEqual([]);
  });

  it('when a stage is reference only, then its points are shown but not counted', () => {
    const v = uniformVillage('v', 1);
    v.scores.mutual = { a: 0, b: 0, c: 0 };
    const result = village(
      rate([v], (s) => {
        s.stages = [
          { id: 'mutual', name: '摸底互评', weight: 0, referenceOnly: true },
          { id: 'department', name: '部门点评', weight: 40 },
          { id: 'city', name: '市级考评', weight: 60 },
        ];
      }),
      'v',
    );
    expect(result.finalScore).toBe(100);
    expect(result.stageScores.mutual).toBe(0);
    expect(step(result, 'stage_weight').referenceOnly).toEqual(['mutual']);
  });

  it('when a score is missing, then it counts as 0 and is listed', () => {
    const v = uniformVillage('v', 1);
    delete v.scores.city!.c;
    const result = village(rate([v]), 'v');
    expect(result.baseScore).toBe(85); // 30 × 50 % lost
    expect(step(result, 'missing_data').missing).toEqual([{ kind: 'score', stage: 'city', indicatorId: 'c' }]);
    expect(result.notes).toContain('缺少数据1项');
  });

  it('when missing data is an error, then rating stops with every missing place', () => {
    const v = uniformVillage('v', 1);
    delete v.scores.city!.c;
    delete v.figures;
    const issues = issuesOf(() => rate([v], () => {}, { missing: 'error' }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['rating.missing_score', 'villages[0].scores.city.c'],
      ['rating.missing_figure', 'villages[0].figures.rate'],
    ]);
  });
});

describe('formula indicators', () => {
  it('when a figure lies between corners, then points are linear and rounded half up', () => {
    const r = rate([uniformVillage('v', 1, { figures: { rate: 87.5 } })]);
    expect(step(village(r, 'v'), 'formula')).toMatchObject({ indicatorId: 'f', value: 87.5, after: 17.5 });
    const half = rate([uniformVillage('v', 1, { figures: { rate: 1 } })], (s) => {
      const f = s.dimensions[1]!.indicators[1]!;
      if (f.kind === 'formula') f.formula.mapping = { type: 'piecewise', points: [{ x: 0, points: 0 }, { x: 8, points: 1 }] };
    });
    expect(step(village(half, 'v'), 'formula').after).toBe(0.13); // 0.125 → 0.13
  });

  it('when the mapping is steps, then the first step reached gives the points', () => {
    const steps = (s: Standard): void => {
      const f = s.dimensions[1]!.indicators[1]!;
      if (f.kind === 'formula') {
        f.formula.mapping = { type: 'steps', steps: [{ min: 100, points: 20 }, { min: 90, points: 15 }], otherwise: 5 };
      }
    };
    expect(step(village(rate([uniformVillage('v', 1, { figures: { rate: 95 } })], steps), 'v'), 'formula').after).toBe(15);
    expect(step(village(rate([uniformVillage('v', 1, { figures: { rate: 89.99 } })], steps), 'v'), 'formula').after).toBe(5);
  });

  it('when a figure is a ratio of recorded counts, then it is derived, and a zero denominator uses the standard’s value', () => {
    const ratio = (s: Standard): void => {
      s.figures = [
        { id: 'closed', name: '已销号', unit: '项' },
        { id: 'listed', name: '问题数', unit: '项' },
        { id: 'rate', name: '销号率', unit: '%', ratio: { numerator: 'closed', denominator: 'listed', scale: 100, whenDenominatorZero: 100 } },
      ];
    };
    const r = rate(
      [uniformVillage('v', 1, { figures: { closed: 2, listed: 3 } }), uniformVillage('w', 1, { figures: { closed: 0, listed: 0 } })],
      ratio,
    );
    // 66.6667 % → 13.33 points; 0/0 → 100 % → 20 points
    expect(step(village(r, 'v'), 'formula')).toMatchObject({ value: 66.6667, after: 13.33 });
    expect(step(village(r, 'w'), 'formula')).toMatchObject({ value: 100, after: 20 });
    const issues = issuesOf(() => rate([uniformVillage('v', 1, { figures: { rate: 90 } })], ratio));
    expect(issues[0]).toMatchObject({ code: 'rating.derived_figure_given', path: 'villages[0].figures.rate' });
  });
});

describe('satisfaction, bonus, deductions and rounding', () => {
  it('when satisfaction weighs 30 %, then the final score mixes the base with the rate', () => {
    const v = uniformVillage('v', 0.9, { satisfaction: { sampleSize: 100, satisfied: 60, basicallySatisfied: 20, unsatisfied: 20 } });
    const r = village(
      rate([v], (s) => {
        s.satisfaction = { weightPercent: 30, basicallySatisfiedCredit: 50 };
      }),
      'v',
    );
    // rate = (60 + 20 × 50 %) / 100 = 70 %; 90 × 0.7 + 70 × 0.3 = 84
    expect(r.satisfactionRate).toBe(70);
    expect(r.finalScore).toBe(84);
    expect(step(r, 'satisfaction_weight')).toMatchObject({ before: 90, after: 84, weightPercent: 30, rate: 70 });
  });

  it('when survey counts do not divide evenly, then the rate is rounded to 0.01 % half up', () => {
    const v = uniformVillage('v', 1, { satisfaction: { sampleSize: 3, satisfied: 2, basicallySatisfied: 0, unsatisfied: 1 } });
    expect(village(rate([v]), 'v').satisfactionRate).toBe(66.67);
  });

  it('when bonus and deductions exceed their caps, then each is cut to its cap', () => {
    const adjust = (s: Standard): void => {
      s.bonus = { cap: 5, items: [{ id: 'x', name: '表彰', maxPoints: 3, guidance: '' }, { id: 'y', name: '创新', maxPoints: 3, guidance: '' }] };
      s.deductions = { cap: 4, items: [{ id: 'p', name: '通报', maxPoints: 3, guidance: '' }, { id: 'q', name: '整改', maxPoints: 3, guidance: '' }] };
    };
    const r = village(rate([uniformVillage('v', 0.8, { bonus: { x: 3, y: 3 }, deductions: { p: 3, q: 2 } })], adjust), 'v');
    expect(step(r, 'bonus')).toMatchObject({ claimed: 6, cap: 5, before: 80, after: 85 });
    expect(step(r, 'deduction')).toMatchObject({ claimed: 5, cap: 4, before: 85, after: 81 });
    expect(r.finalScore).toBe(81);
    expect([r.bonusPoints, r.deductionPoints]).toEqual([5, 4]);
  });

  it('when deductions exceed the score, then the score stops at 0', () => {
    const r = village(
      rate([uniformVillage('v', 0.05, { deductions: { p: 8 } })], (s) => {
        s.deductions = { cap: 10, items: [{ id: 'p', name: '通报', maxPoints: 10, guidance: '' }] };
      }),
      'v',
    );
    expect(r.finalScore).toBe(0);
    expect(step(r, 'score_floor')).toMatchObject({ before: -3, after: 0 });
  });

  it('when the exact score is 89.995, then it rounds to 90.00 and earns five stars; 89.985 rounds to 89.99 and four', () => {
    const at = (deficit: number): VillageInput => {
      const v = uniformVillage('v', 1, { figures: { rate: 50 } });
      v.scores.city!.c = 30 - deficit;
      return v;
    };
    const up = village(rate([at(0.01)]), 'v');
    expect(step(up, 'score_round')).toMatchObject({ exact: '89.995000', after: 90 });
    expect([up.finalScore, up.stars]).toEqual([90, 5]);
    const down = village(rate([at(0.03)]), 'v');
    expect([down.finalScore, down.stars]).toEqual([89.99, 4]);
  });
});

describe('input errors', () => {
  it('when scores are above the maximum or negative, then every one is listed with the same code', () => {
    const v = uniformVillage('v', 1);
    v.scores.city!.a = 26;
    v.scores.mutual!.c = -1;
    const issues = issuesOf(() => rate([v, uniformVillage('w', 1)]));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'rating.score_out_of_range', path: 'villages[0].scores.mutual.c', value: -1, max: 30, villageId: 'v' }),
      expect.objectContaining({ code: 'rating.score_out_of_range', path: 'villages[0].scores.city.a', value: 26, max: 25 }),
    ]);
  });

  it('when ids, stages, decimals or towns are wrong, then each gets its own code', () => {
    const v = uniformVillage('v', 1, { bonus: { ghost: 1 }, townId: 'nowhere' });
    v.scores.city!.zzz = 1;
    v.scores.city!.f = 3;
    v.scores.department!.b = 2.555;
    const codes = issuesOf(() => rate([v, uniformVillage('v', 1)])).map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'rating.unknown_town',
        'rating.duplicate_village',
        'rating.unknown_indicator',
        'rating.formula_indicator_scored',
        'rating.too_many_decimals',
        'rating.unknown_item',
      ]),
    );
  });

  it('when an indicator is scored by a stage that does not score it, then it is rejected', () => {
    const v = uniformVillage('v', 1);
    const issues = issuesOf(() =>
      rate([v], (s) => {
        const a = s.dimensions[0]!.indicators[0]!;
        if (a.kind === 'scored') a.stages = ['city'];
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['villages[0].scores.mutual.a', 'villages[0].scores.department.a']);
    expect(issues[0]?.code).toBe('rating.stage_not_scoring');
  });

  it('when survey counts do not add up or the sample is too small, then both are reported', () => {
    const v = uniformVillage('v', 1, { satisfaction: { sampleSize: 20, satisfied: 10, basicallySatisfied: 5, unsatisfied: 4 } });
    const codes = issuesOf(() =>
      rate([v], (s) => {
        s.satisfaction = { weightPercent: 0, minSampleSize: 30 };
      }),
    ).map((i) => i.code);
    expect(codes).toEqual(['rating.satisfaction_counts_mismatch', 'rating.satisfaction_sample_too_small']);
  });

  it('when the standard itself is invalid, then rating refuses with standard.invalid', () => {
    expect(() =>
      rate([uniformVillage('v', 1)], (s) => {
        s.stages[0]!.weight = 30;
      }),
    ).toThrow(expect.objectContaining({ code: 'standard.invalid' }));
  });
});

describe('explanation switch', () => {
  it('when explanations are turned off, then every number, star and rank is the same', () => {
    const villages = [0.95, 0.81, 0.7, 0.55].map((share, k) => uniformVillage(`v${k}`, share));
    const full = rate(villages);
    const bare = rate(villages, () => {}, { explain: 'none' });
    const strip = (r: RatingResult): unknown => ({
      ...r,
      villages: r.villages.map((v) => ({ ...v, explanation: [] })),
      towns: r.towns.map((t) => ({ ...t, explanation: [] })),
    });
    expect(strip(bare)).toEqual(strip(full));
    expect(bare.villages.every((v) => v.explanation.length === 0)).toBe(true);
  });
});
