import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { RatingResult } from './rating-result.js';
import type { StageId, Standard } from '../../../../shared/standards/standard.js';
import { assertValidStandard } from './standard-validate.js';
import { readJson } from './test-fixtures.js';

// Properties that must hold for any campaign, checked on the shipped standards with generated
// villages: monotone in the scores, vetoes win, deterministic, and blind to input order.

const tumen = assertValidStandard(readJson('standards/tumen-2022.json'));
const weighted = assertValidStandard(readJson('standards/satisfaction-weighted.json'));
const towns: RatingInput['towns'] = [
  { id: 't1', name: '一镇', ownScore: 91 },
  { id: 't2', name: '二镇', ownScore: 76.5 },
];

type Slot = { stage: StageId; id: string; maxH: number };

function scoredSlots(standard: Standard): Slot[] {
  return standard.dimensions.flatMap((d) =>
    d.indicators.flatMap((i) => (i.kind === 'scored' ? i.stages.map((stage) => ({ stage, id: i.id, maxH: Math.round(i.maxPoints * 100) })) : [])),
  );
}

function recordedFigures(standard: Standard): string[] {
  return (standard.figures ?? []).filter((f) => !f.ratio).map((f) => f.id);
}

/** Villages of a standard; scores in half points from a small set so that ties happen. */
function villageArb(standard: Standard, id: string): fc.Arbitrary<VillageInput> {
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

function campaignArb(standard: Standard, min = 1, max = 12): fc.Arbitrary<RatingInput> {
  return fc
    .integer({ min, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => villageArb(standard, `v${k}`))))
    .map((villages) => ({ towns, villages }));
}

const starsById = (r: RatingResult): Map<string, number | null> => new Map(r.villages.map((v) => [v.id, v.stars]));

describe('rating properties', () => {
  it('when one indicator score is raised, then the village’s score and stars never go down (no quotas)', () => {
    const slots = scoredSlots(tumen);
    fc.assert(
      fc.property(campaignArb(tumen), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 800 }), (input, pick, slotPick, raiseH) => {
        const target = input.villages[pick % input.villages.length] as VillageInput;
        const slot = slots[slotPick % slots.length] as Slot;
        const before = rateCampaign(tumen, input);
        const raised = structuredClone(input);
        const stage = raised.villages.find((v) => v.id === target.id)!.scores[slot.stage]!;
        stage[slot.id] = Math.min(slot.maxH, Math.round((stage[slot.id] ?? 0) * 100) + raiseH) / 100;
        const after = rateCampaign(tumen, raised);
        const b = before.villages.find((v) => v.id === target.id)!;
        const a = after.villages.find((v) => v.id === target.id)!;
        expect(a.finalScore).toBeGreaterThanOrEqual(b.finalScore);
        if (b.stars === null) expect(a.stars).toBeNull();
        else expect(a.stars).toBeGreaterThanOrEqual(b.stars);
      }),
      { numRuns: 150 },
    );
    // 300 full ratings: on a busy shared machine this takes longer than the 5 s default.
  }, 30_000);

  it('when a village has a confirmed no-rating violation, then it is unrated whatever its scores', () => {
    fc.assert(
      fc.property(campaignArb(tumen), fc.nat(), (input, pick) => {
        const target = input.villages[pick % input.villages.length] as VillageInput;
        target.violations = [...(target.violations ?? []), { category: 'crime', reason: '违法犯罪' }];
        const result = rateCampaign(tumen, input);
        const v = result.villages.find((x) => x.id === target.id)!;
        expect(v).toMatchObject({ stars: null, vetoed: true, rankInCity: null, rankInTown: null });
        for (const other of result.villages) {
          const petition = other.explanation.some((s) => s.rule === 'veto' && s.category === 'petition');
          if (petition && other.stars !== null) expect(other.stars).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('when the same campaign is rated twice, then the outputs are identical', () => {
    fc.assert(
      fc.property(campaignArb(weighted), (input) => {
        expect(JSON.stringify(rateCampaign(weighted, input))).toBe(JSON.stringify(rateCampaign(weighted, structuredClone(input))));
      }),
      { numRuns: 60 },
    );
  });

  it('when the villages are given in another order, then results, stars, quotas and ranks are unchanged', () => {
    const input = campaignArb(weighted).chain((campaign) =>
      fc
        .shuffledSubarray(campaign.villages, { minLength: campaign.villages.length, maxLength: campaign.villages.length })
        .map((shuffled) => [campaign, { ...campaign, villages: shuffled }] as const),
    );
    fc.assert(
      fc.property(input, ([original, shuffled]) => {
        const a = rateCampaign(weighted, original);
        const b = rateCampaign(weighted, shuffled);
        expect(b).toEqual(a);
        expect(starsById(b)).toEqual(starsById(a));
      }),
      { numRuns: 100 },
    );
  });

  it('when a campaign is large enough for the packed sort, then the order and ranks equal a plain sort by the keys', () => {
    const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const num = (a: number | null, b: number | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
    fc.assert(
      fc.property(campaignArb(weighted, 65, 200), (input) => {
        const result = rateCampaign(weighted, input);
        const rated = result.villages.filter((v) => !v.vetoed);
        const keys = (a: (typeof rated)[number], b: (typeof rated)[number]): number =>
          num(a.stars, b.stars) || num(a.finalScore, b.finalScore) || num(a.stageScores.city ?? null, b.stageScores.city ?? null) || num(a.satisfactionRate, b.satisfactionRate);
        const expected = [...rated].sort((a, b) => keys(a, b) || text(a.name, b.name) || text(a.id, b.id));
        expect(rated.map((v) => v.id)).toEqual(expected.map((v) => v.id));
        expected.forEach((v, q) => {
          const prev = expected[q - 1];
          const rank = prev && keys(prev, v) === 0 ? prev.rankInCity : q + 1;
          expect(v.rankInCity).toBe(rank);
        });
      }),
      { numRuns: 25 },
    );
  });
});
