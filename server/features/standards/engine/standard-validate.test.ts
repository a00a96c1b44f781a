import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../../shared/standards/standard.js';
import { validateStandard, type StandardError } from './standard-validate.js';
import { readJson, smallStandard } from './test-fixtures.js';

const shipped = ['tumen-2022', 'satisfaction-weighted', 'named-stars-500'];

function errorsOf(mutate: (s: Standard & Record<string, unknown>) => void, base: Standard = smallStandard()): StandardError[] {
  const doc = structuredClone(base) as Standard & Record<string, unknown>;
  mutate(doc);
  const result = validateStandard(doc);
  return result.ok ? [] : result.errors;
}

function expectError(errors: StandardError[], path: string, code: string): void {
  expect(errors).toContainEqual(expect.objectContaining({ path, code }));
  const error = errors.find((e) => e.path === path && e.code === code);
  expect(error?.message).toMatch(/[\u4e00-\u9fa5]/);
}

describe('validateStandard', () => {
  it.each(shipped)('when the shipped standard %s is validated, then it is valid', (id) => {
    const result = validateStandard(readJson(`standards/${id}.json`));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('when thresholds are out of order, then the error points at the row', () => {
    const errors = errorsOf((s) => {
      if (s.levelScheme.type === 'thresholds') s.levelScheme.thresholds[2] = { stars: 3, minScore: 85 };
    });
    expectError(errors, 'levelScheme.thresholds[2]', 'standard.thresholds_order');
  });

  it('when stage weights do not add up to 100, then the stages are named', () => {
    const errors = errorsOf((s) => {
      s.stages[2]!.weight = 40;
    });
    expectError(errors, 'stages', 'standard.stage_weights_sum');
    expect(errors.find((e) => e.code === 'standard.stage_weights_sum')?.message).toContain('90');
  });

  it('when a reference-only stage has a weight, then that weight is an error', () => {
    const errors = errorsOf((s) => {
      s.stages[0]!.referenceOnly = true;
    });
    expectError(errors, 'stages[0].weight', 'standard.reference_stage_weight');
  });

  it('when an indicator names a stage the standard lacks, then the error points at it', () => {
    const errors = errorsOf((s) => {
      s.stages = [{ id: 'city', name: '市级考评', weight: 100 }];
    });
    expectError(errors, 'dimensions[0].indicators[0].stages[0]', 'standard.unknown_stage');
  });

  it('when an indicator is scored only by a reference-only stage, then it never counts and is rejected', () => {
    const errors = errorsOf((s) => {
      s.stages = [
        { id: 'mutual', name: '摸底互评', weight: 0, referenceOnly: true },
        { id: 'city', name: '市级考评', weight: 100 },
      ];
      const a = s.dimensions[0]!.indicators[0]!;
      if (a.kind === 'scored') a.stages = ['mutual'];
      for (const ind of s.dimensions.flatMap((d) => d.indicators)) if (ind.kind === 'scored' && ind.id !== 'a') ind.stages = ['city'];
    });
    expectError(errors, 'dimensions[0].indicators[0].stages', 'standard.indicator_not_counted');
  });

  it('when a cap is below zero, then the schema rejects it at its path', () => {
    const errors = errorsOf((s) => {
      s.deductions = { cap: -5, items: [] };
    });
    expectError(errors, 'deductions.cap', 'standard.too_small');
  });

  it('when ids repeat, then the later one is reported', () => {
    const errors = errorsOf((s) => {
      s.dimensions[1]!.indicators[0]!.id = 'a';
    });
    expectError(errors, 'dimensions[1].indicators[0].id', 'standard.duplicate_id');
  });

  it('when maximum points disagree, then dimension and total are reported', () => {
    const errors = errorsOf((s) => {
      s.dimensions[0]!.indicators[0]!.maxPoints = 20;
      s.totalMaxScore = 110;
    });
    expectError(errors, 'dimensions[0].maxPoints', 'standard.dimension_max_mismatch');
    expectError(errors, 'totalMaxScore', 'standard.total_max_mismatch');
  });

  it('when points have three decimals, then they are rejected', () => {
    const errors = errorsOf((s) => {
      if (s.levelScheme.type === 'thresholds') s.levelScheme.thresholds[0]!.minScore = 89.995;
    });
    expectError(errors, 'levelScheme.thresholds[0].minScore', 'standard.too_many_decimals');
  });

  it('when a formula refers to an undeclared figure or maps above the maximum, then both are reported', () => {
    const errors = errorsOf((s) => {
      const f = s.dimensions[1]!.indicators[1]!;
      if (f.kind === 'formula') {
        f.formula.figure = 'nope';
        f.formula.mapping = { type: 'piecewise', points: [{ x: 50, points: 0 }, { x: 40, points: 25 }] };
      }
    });
    expectError(errors, 'dimensions[1].indicators[1].formula.figure', 'standard.unknown_figure');
    expectError(errors, 'dimensions[1].indicators[1].formula.mapping.points[1].points', 'standard.mapping_exceeds_max');
    expectError(errors, 'dimensions[1].indicators[1].formula.mapping.points[1]', 'standard.mapping_order');
  });

  it('when a ranking key names an unknown dimension or stage, then the key is reported', () => {
    const errors = errorsOf((s) => {
      s.ranking.keys = [{ key: 'dimensionScore', dimension: 'nope' }, { key: 'stageScore', stage: 'city' }];
      s.stages = s.stages.filter((st) => st.id !== 'city').map((st) => ({ ...st, weight: 50 }));
      for (const ind of s.dimensions.flatMap((d) => d.indicators)) if (ind.kind === 'scored') ind.stages = ['mutual', 'department'];
    });
    expectError(errors, 'ranking.keys[0].dimension', 'standard.unknown_dimension');
    expectError(errors, 'ranking.keys[1].stage', 'standard.unknown_stage');
  });

  it('when the named-star scheme lacks a named star or requires an unknown dimension, then both are reported', () => {
    const errors = errorsOf((s) => {
      s.dimensions[0]!.namedStar = { name: '支部过硬星', minPoints: 40 };
      s.levelScheme = { type: 'namedStars', minStars: 1, levels: [{ stars: 5, minNamedStars: 2, requiredDimensions: ['ghost'] }] };
    });
    expectError(errors, 'dimensions[1].namedStar', 'standard.named_star_missing');
    expectError(errors, 'levelScheme.levels[0].requiredDimensions[0]', 'standard.unknown_dimension');
  });

  it('when a threshold cannot be reached, then it is reported', () => {
    const errors = errorsOf((s) => {
      if (s.levelScheme.type === 'thresholds') s.levelScheme.thresholds[0]!.minScore = 120;
    });
    expectError(errors, 'levelScheme.thresholds[0].minScore', 'standard.threshold_unreachable');
  });

  it('when quotas repeat a level or exceed 100 %, then they are reported', () => {
    const errors = errorsOf((s) => {
      s.quotas = { scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 60 }, { stars: 5, maxPercent: 50 }] };
    });
    expectError(errors, 'quotas.limits[1].stars', 'standard.duplicate_quota');
    expectError(errors, 'quotas.limits', 'standard.quota_sum');
  });

  it('when a bonus item is larger than the group cap, then the item is reported', () => {
    const errors = errorsOf((s) => {
      s.bonus = { cap: 3, items: [{ id: 'x', name: '表彰', maxPoints: 5, guidance: '' }] };
    });
    expectError(errors, 'bonus.items[0].maxPoints', 'standard.item_exceeds_cap');
  });

  it('when a key is misspelt or a field is missing, then the place is named in Chinese', () => {
    const errors = errorsOf((s) => {
      (s as Record<string, unknown>).levelSchema = {};
      delete (s as Partial<Standard>).ranking;
    });
    expectError(errors, 'levelSchema', 'standard.unknown_key');
    expectError(errors, 'ranking', 'standard.required');
  });

  it('when a veto category repeats or a discriminator is unknown, then both are reported', () => {
    const repeated = errorsOf((s) => {
      s.vetoes = [
        { category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } },
        { category: 'discipline', name: '违反党规党纪', effect: { type: 'lowerStars', by: 1 } },
      ];
    });
    expectError(repeated, 'vetoes[1].category', 'standard.duplicate_veto_category');
    const unknown = errorsOf((s) => {
      (s.levelScheme as { type: string }).type = 'percentile';
    });
    expect(unknown).toEqual([
      { path: 'levelScheme.type', code: 'standard.invalid_value', message: '“type”的取值不被支持，应为以下之一：thresholds、namedStars' },
    ]);
  });

  it('when the document is not an object at all, then one error at the root is returned', () => {
    const result = validateStandard('not a standard');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '', code: 'standard.invalid_type' });
  });
});
