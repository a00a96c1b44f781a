import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import type { VillageInput } from './rating-input.js';
import type { RatingResult } from './rating-result.js';
import { campaignArb, scoredSlots, tumen, weighted, type Slot } from './test-arbitraries.js';

// Properties that must hold for any campaign, checked on the shipped standards with generated
// villages: monotone in the scores, vetoes win, deterministic, and blind to input order.

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
