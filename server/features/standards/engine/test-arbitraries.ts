import fc from 'fast-check';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { StageId, Standard } from '../../../../shared/standards/standard.js';
import { assertValidStandard } from './standard-validate.js';
import { readJson } from './test-fixtures.js';

// Generators for property tests over the shipped standards: villages whose scores come in half
// points from a small set (so ties happen), with figures, surveys, violations and last year.

export const tumen = assertValidStandard(readJson('standards/tumen-2022.json'));
export const weighted = assertValidStandard(readJson('standards/satisfaction-weighted.json'));
export const towns: RatingInput['towns'] = [
  { id: 't1', name: '一镇', ownScore: 91 },
  { id: 't2', name: '二镇', ownScore: 76.5 },
];

export type Slot = { stage: StageId; id: string; maxH: number };

export function scoredSlots(standard: Standard): Slot[] {
  return standard.dimensions.flatMap((d) =>
    d.indicators.flatMap((i) => (i.kind === 'scored' ? i.stages.map((stage) => ({ stage, id: i.id, maxH: Math.round(i.maxPoints * 100) })) : [])),
  );
}

function recordedFigures(standard: Standard): string[] {
  return (standard.figures ?? []).filter((f) => !f.ratio).map((f) => f.id);
}

/** Villages of a standard; scores in half points from a small set so that ties happen. */
export function villageArb(standard: Standard, id: string): fc.Arbitrary<VillageInput> {
  const slots = scoredSlots(standard);
  const categories = [...(standard.vetoes ?? []).map((v) => v.category), 'other'];
  return fc
    .record({
      quality: fc.constantFrom(0.5, 0.7, 0.8, 0.9, 1),
      jitter: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: slots.length, maxLength: slots.length }),
      figures: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 8 }),
      survey: fc.option(fc.record({ satisfied: fc.integer({ min: 0, max: 40 }), basically: fc.integer({ min: 0, max: 10 }), unsatisfied: fc.integer({ min: 0, max: 10 }) })),
      violations: fc.array(fc.record({ category: fc.constantFrom(...categories), reason: fc.constantFrom('违纪', '上访', '事故') }), { maxLength: 2 }),
      lastYearStars: fc.option(fc.integer({ min: 0, max: 5 })),
      town: fc.constantFrom('t1', 't2'),
      name: fc.constantFrom('东村', '西村', '南村', '北村', '中村'),
    })
    .map((g) => {
      const scores: VillageInput['scores'] = {};
      slots.forEach((slot, k) => {
        const raw = Math.round((slot.maxH * g.quality) / 50) * 50 - (g.jitter[k] ?? 0) * 50;
        const stage = (scores[slot.stage] ??= {});
        stage[slot.id] = Math.max(0, Math.min(slot.maxH, raw)) / 100;
      });
      const figures: Record<string, number> = {};
      recordedFigures(standard).forEach((f, k) => {
        figures[f] = g.figures[k % g.figures.length] ?? 0;
      });
      // Numerators never above denominators, so rates stay within 0..100 %.
      for (const f of standard.figures ?? []) {
        if (f.ratio && f.ratio.scale === 100) {
          const den = figures[f.ratio.denominator] ?? 0;
          figures[f.ratio.numerator] = Math.min(figures[f.ratio.numerator] ?? 0, den);
        }
      }
      if (figures.innovationProject !== undefined) figures.innovationProject = (figures.innovationProject ?? 0) % 2;
      const survey = g.survey;
      return {
        id,
        name: g.name,
        townId: g.town,
        scores,
        figures,
        satisfaction: survey
          ? {
              sampleSize: Math.max(30, survey.satisfied + survey.basically + survey.unsatisfied),
              satisfied: survey.satisfied + Math.max(0, 30 - (survey.satisfied + survey.basically + survey.unsatisfied)),
              basicallySatisfied: survey.basically,
              unsatisfied: survey.unsatisfied,
            }
          : null,
        violations: g.violations,
        lastYearStars: g.lastYearStars,
      };
    });
}

export function campaignArb(standard: Standard, min = 1, max = 12): fc.Arbitrary<RatingInput> {
  return fc
    .integer({ min, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => villageArb(standard, `v${k}`))))
    .map((villages) => ({ towns, villages }));
}

