import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { campaignArb, tumen } from './test-arbitraries.js';
import { inputOf, readJson, smallStandard, uniformVillage } from './test-fixtures.js';
import { applyWhatIf, whatIfForCampaign, whatIfForVillage, type WhatIf } from './what-if.js';

// 距下一星还差什么: every suggestion is checked by rating again with it applied.

function starsAfter(standard: Standard, input: RatingInput, id: string, village: VillageInput): number | null {
  const villages = input.villages.map((v) => (v.id === id ? village : v));
  return rateCampaign(standard, { ...input, villages }).villages.find((v) => v.id === id)?.stars ?? null;
}

describe('what-if on hand-made villages', () => {
  it('when a village is 2 points short of five stars, then the largest-room indicator is raised by exactly 2.00', () => {
    // uniform 0.88 → 88; a 22 / 25, b 22 / 25, c 26.4 / 30: c has the most room (3.6)
    const input = inputOf([uniformVillage('v', 0.88)]);
    const r = rateCampaign(smallStandard(), input);
    expect(r.villages[0]?.finalScore).toBe(88);
    const w = whatIfForVillage(smallStandard(), input, r, 'v');
    expect(w).toMatchObject({ status: 'reachable', target: 5, totalGain: 2, gains: [{ indicatorId: 'c', from: 26.4, to: 28.4, gain: 2, maxPoints: 30 }] });
    expect(w.text).toBe('距 5 星还差 2.00 分：集体经济 +2.00 分（现 26.40，满分 30）');
  });

  it('when a village is vetoed, then points cannot fix it and it says so', () => {
    const s: Standard = { ...smallStandard(), vetoes: [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } }] };
    const input = inputOf([uniformVillage('v', 0.7, { violations: [{ category: 'discipline', reason: '违纪' }] })]);
    expect(whatIfForVillage(s, input, rateCampaign(s, input), 'v')).toEqual({ status: 'vetoed', text: '本年度存在一票否决事项，不能升星' });
  });

  it('when a village is at the top level, then nothing is suggested', () => {
    const input = inputOf([uniformVillage('v', 0.95)]);
    expect(whatIfForVillage(smallStandard(), input, rateCampaign(smallStandard(), input), 'v')).toMatchObject({ status: 'top', stars: 5 });
  });

  it('when last year was too low for the next star, then the prerequisite is named instead of points', () => {
    const s: Standard = { ...smallStandard(), prerequisites: [{ type: 'lastYearStars', stars: 5, minStars: 4 }] };
    const input = inputOf([uniformVillage('v', 0.95, { lastYearStars: 3 })]);
    expect(whatIfForVillage(s, input, rateCampaign(s, input), 'v')).toMatchObject({ status: 'blocked', target: 5, rule: 'prerequisite', text: '上年星级未达到 4 星，不能升至 5 星' });
  });

  it('when the satisfaction rate caps the village, then the rate to reach is named', () => {
    const s: Standard = { ...smallStandard(), satisfaction: { weightPercent: 0, caps: [{ belowPercent: 60, maxStars: 2 }] } };
    const input = inputOf([uniformVillage('v', 0.9, { satisfaction: { rate: 50 } })]);
    expect(whatIfForVillage(s, input, rateCampaign(s, input), 'v')).toMatchObject({ status: 'blocked', target: 3, rule: 'satisfaction_cap', text: expect.stringContaining('群众满意率须达到 60.00% 及以上才能超过 2 星') });
  });

  it('when a quota holds the village back, then the suggestion is enough to pass the village ahead', () => {
    const s: Standard = { ...smallStandard(), quotas: { scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 50 }] } };
    const input = inputOf([uniformVillage('a', 0.95), uniformVillage('b', 0.92)]);
    const r = rateCampaign(s, input);
    const w = whatIfForVillage(s, input, r, 'b');
    expect(w).toMatchObject({ status: 'reachable', target: 5, totalGain: 3.01 });
    expect(starsAfter(s, input, 'b', applyWhatIf(s, input.villages[1] as VillageInput, w))).toBe(5);
  });

  it('when the shipped examples are rated, then every reachable suggestion reaches its target', () => {
    for (const id of ['tumen-2022', 'satisfaction-weighted', 'named-stars-500']) {
      const s = readJson(`standards/${id}.json`) as Standard;
      const input = readJson(`standards/examples/${id}.input.json`) as RatingInput;
      const all = whatIfForCampaign(s, input, rateCampaign(s, input));
      expect([...all.values()].map((w) => w.status)).toContain('reachable');
      for (const v of input.villages) {
        const w = all.get(v.id) as WhatIf;
        if (w.status === 'reachable') expect(starsAfter(s, input, v.id, applyWhatIf(s, v, w))).toBeGreaterThanOrEqual(w.target);
      }
    }
  });
});

describe('what-if properties (tumen-2022, generated campaigns)', () => {
  it('applying a suggestion reaches the target; a single-indicator suggestion has no smaller single-indicator alternative', () => {
    fc.assert(
      fc.property(campaignArb(tumen, 1, 5), fc.nat(), (input, pick) => {
        const v = input.villages[pick % input.villages.length] as VillageInput;
        const w = whatIfForVillage(tumen, input, rateCampaign(tumen, input), v.id);
        if (w.status !== 'reachable') return;
        expect(starsAfter(tumen, input, v.id, applyWhatIf(tumen, v, w)) ?? -1).toBeGreaterThanOrEqual(w.target);
        if (w.gains.length !== 1) return;
        const only = w.gains[0]!;
        // Any single indicator raised by one hundredth less (within its room) stays below the target.
        for (const d of tumen.dimensions) {
          for (const ind of d.indicators) {
            if (ind.kind !== 'scored') continue;
            const stagesOf = ind.stages;
            const base = stagesOf.map((st) => Math.round((v.scores[st]?.[ind.id] ?? 0) * 100));
            const fromH = Math.min(...base);
            const toH = Math.min(Math.round(ind.maxPoints * 100), fromH + Math.round(only.gain * 100) - 1);
            if (toH <= fromH) continue;
            const trial = { ...v, scores: { ...v.scores } };
            for (const st of stagesOf) trial.scores[st] = { ...trial.scores[st], [ind.id]: Math.max((v.scores[st]?.[ind.id] ?? 0) * 100, toH) / 100 };
            expect(starsAfter(tumen, input, v.id, trial) ?? -1).toBeLessThan(w.target);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
