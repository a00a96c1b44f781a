import { describe, expect, it } from 'vitest';
import { syntheticCampaign, type Assignment } from '../../../../test/rater-campaigns.js';
import { analyseRaters } from './raters.js';

// Over many seeded campaigns: how much of what was injected is found (recall) and how many clean
// towns and judges are flagged anyway (false flags). The figures are printed for docs/raters.md.

type Tally = { injected: number; found: number };
const seeds = Array.from({ length: 120 }, (_, i) => 1000 + i);

function tallies(kind: Assignment) {
  const t = { lenient: { injected: 0, found: 0 }, severe: { injected: 0, found: 0 }, pairs: { injected: 0, found: 0 }, offset: { injected: 0, found: 0 }, noisy: { injected: 0, found: 0 } };
  const clean = { towns: 0, townsFlagged: 0, judges: 0, judgesFlagged: 0 };
  for (const seed of seeds) {
    const { input, injected } = syntheticCampaign(seed, kind);
    const { flags } = analyseRaters(input);
    const has = (k: string, ids: string[], aspect?: string) => flags.some((f) => f.kind === k && (aspect === undefined || f.aspect === aspect) && JSON.stringify([...(f.unitIds ?? f.raterIds ?? [])].sort()) === JSON.stringify([...ids].sort()));
    const count = (tally: Tally, items: string[][], k: string, aspect?: string) => {
      for (const ids of items) {
        tally.injected++;
        if (has(k, ids, aspect)) tally.found++;
      }
    };
    count(t.lenient, injected.lenient.map((x) => [x]), 'team_leniency');
    count(t.severe, injected.severe.map((x) => [x]), 'team_severity');
    count(t.pairs, injected.pairs, 'reciprocal_leniency');
    // A pair found and also flagged singly would be counted twice: that is a miss.
    t.pairs.found -= injected.pairs.filter((p) => has('reciprocal_leniency', p) && flags.some((f) => f.kind === 'team_leniency' && p.includes(f.unitIds?.[0] ?? ''))).length;
    count(t.offset, injected.offsetJudges.map((x) => [x]), 'outlier_rater', 'offset');
    count(t.noisy, injected.noisyJudges.map((x) => [x]), 'outlier_rater', 'noise');
    const dirtyTowns = new Set([...injected.lenient, ...injected.severe, ...injected.pairs.flat()]);
    const dirtyJudges = new Set([...injected.offsetJudges, ...injected.noisyJudges]);
    const flaggedTowns = new Set(flags.flatMap((f) => f.unitIds ?? []));
    const flaggedJudges = new Set(flags.flatMap((f) => f.raterIds ?? []));
    for (const town of injected.towns.filter((x) => !dirtyTowns.has(x))) {
      clean.towns++;
      if (flaggedTowns.has(town)) clean.townsFlagged++;
    }
    for (const judge of injected.judges.filter((x) => !dirtyJudges.has(x))) {
      clean.judges++;
      if (flaggedJudges.has(judge)) clean.judgesFlagged++;
    }
  }
  return { t, clean };
}

const rate = (x: Tally) => x.found / x.injected;

describe.each(['rotation', 'paired'] as const)('rater analysis over %s assignments, 120 seeded campaigns', (kind) => {
  const { t, clean } = tallies(kind);
  console.info(
    `[raters ${kind}] recall lenient ${t.lenient.found}/${t.lenient.injected}, severe ${t.severe.found}/${t.severe.injected}, pairs ${t.pairs.found}/${t.pairs.injected}, ` +
      `offset judges ${t.offset.found}/${t.offset.injected}, noisy judges ${t.noisy.found}/${t.noisy.injected}; ` +
      `false flags towns ${clean.townsFlagged}/${clean.towns}, judges ${clean.judgesFlagged}/${clean.judges}`,
  );

  it('when teams are lenient or severe by 5–9 points, then at least 90% of them are flagged as such', () => {
    expect(t.lenient.injected).toBeGreaterThan(100);
    expect(rate(t.lenient)).toBeGreaterThanOrEqual(0.9);
    expect(rate(t.severe)).toBeGreaterThanOrEqual(0.9);
  });

  it('when judges sit 6–10 points off the panel or score with four times the noise, then at least 90% are flagged', () => {
    expect(rate(t.offset)).toBeGreaterThanOrEqual(0.9);
    expect(rate(t.noisy)).toBeGreaterThanOrEqual(0.9);
  });

  it('when towns and judges are clean, then at most 5% of them are flagged', () => {
    expect(clean.towns).toBeGreaterThan(500);
    expect(clean.townsFlagged / clean.towns).toBeLessThanOrEqual(0.05);
    expect(clean.judgesFlagged / clean.judges).toBeLessThanOrEqual(0.05);
  });

  if (kind === 'paired') {
    it('when two towns that evaluate each other are both lenient, then 90% of the pairs are reported as a pair and not singly', () => {
      expect(t.pairs.injected).toBe(seeds.length);
      expect(rate(t.pairs)).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe('rater analysis on campaigns with nothing injected', () => {
  it('when nothing is injected, then at most 5% of towns and judges are flagged over 60 campaigns', () => {
    let units = 0;
    let flagged = 0;
    for (const seed of seeds.slice(0, 60)) {
      const { input, injected } = syntheticCampaign(seed, seed % 2 ? 'rotation' : 'paired', false);
      const { flags } = analyseRaters(input);
      units += injected.towns.length + injected.judges.length;
      flagged += new Set(flags.flatMap((f) => [...(f.unitIds ?? []), ...(f.raterIds ?? [])])).size;
    }
    expect(flagged / units).toBeLessThanOrEqual(0.05);
  });
});
