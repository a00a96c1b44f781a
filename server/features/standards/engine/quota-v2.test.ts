import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quota, Standard } from '../../../../shared/standards/standard.js';
import { rateCampaign } from './rating-engine.js';
import type { VillageResult } from './rating-result.js';
import { campaignArb, tumen } from './test-arbitraries.js';
import { inputOf, smallStandard, uniformVillage } from './test-fixtures.js';
import { upgradeStandard } from './standard-upgrade.js';
import { validateStandard, type StandardError } from './standard-validate.js';

// Format 2 quotas: targets ("about 15 %"), minimum shares and the tie policy at a boundary.

function withQuotas(quotas: Quota, base: Standard = smallStandard()): Standard {
  return { ...upgradeStandard(base), quotas };
}

function errorsOf(doc: Standard): StandardError[] {
  const result = validateStandard(doc);
  return result.ok ? [] : result.errors;
}

const stars = (vs: VillageResult[]): Record<string, number | null> => Object.fromEntries(vs.map((v) => [v.id, v.stars]));

/** Ten villages: a…j at 99, 98, … 90 points, all five stars before quotas. */
const ten = () => inputOf('abcdefghij'.split('').map((id, k) => uniformVillage(id, (99 - k) / 100)));

describe('targets (about a share)', () => {
  it('when the target is about 15 % of 10, then 2 places (rounded half up), where "at most 15 %" gives 1', () => {
    const about = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [], targets: [{ stars: 5, targetPercent: 15 }] }), ten());
    const most = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 15 }] }), ten());
    expect(about.summary.byStars['5']).toBe(2);
    expect(most.summary.byStars['5']).toBe(1);
    const step = about.villages.find((v) => v.id === 'c')?.explanation.find((s) => s.rule === 'quota');
    expect(step).toMatchObject({ kind: 'target', limit: 2, kept: false, after: 4 });
    expect(step?.text).toContain('约 15%，四舍五入');
  });

  it('when the target is about 14 % of 10, then 1 place', () => {
    const r = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [], targets: [{ stars: 5, targetPercent: 14 }] }), ten());
    expect(r.summary.byStars['5']).toBe(1);
  });

  it('when fewer villages earn the level than the target, then nobody is raised to fill it', () => {
    const input = inputOf([uniformVillage('a', 0.95), uniformVillage('b', 0.85), uniformVillage('c', 0.82)]);
    const r = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [], targets: [{ stars: 5, targetPercent: 100 }] }), input);
    expect(stars(r.villages)).toEqual({ a: 5, b: 4, c: 4 });
  });
});

describe('ties at a boundary', () => {
  // a at 95; b, c, d tied at 92; one place left after a when 2 places.
  const tiedInput = () => inputOf([uniformVillage('a', 0.95), uniformVillage('b', 0.92), uniformVillage('c', 0.92), uniformVillage('d', 0.92), uniformVillage('e', 0.85)]);
  const quota = (ties: Quota['ties']): Quota => ({ scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 40 }], ties });

  it('when ties are broken by keys (default), then the names decide as before', () => {
    const r = rateCampaign(withQuotas(quota(undefined)), tiedInput());
    expect(stars(r.villages)).toEqual({ a: 5, b: 5, c: 4, d: 4, e: 4 });
    expect(r).not.toHaveProperty('referrals');
  });

  it('when all tied keep the level, then b, c and d keep five stars and the explanation says the places are exceeded', () => {
    const r = rateCampaign(withQuotas(quota('allKeep')), tiedInput());
    expect(stars(r.villages)).toEqual({ a: 5, b: 5, c: 5, d: 5, e: 4 });
    const step = r.villages.find((v) => v.id === 'd')?.explanation.find((s) => s.rule === 'quota');
    expect(step).toMatchObject({ kept: true, limit: 2, tie: { policy: 'allKeep', villages: ['b村', 'c村', 'd村'] } });
    expect(step?.text).toContain('名额因此超出 2 个');
  });

  it('when ties are referred, then none of the tied keeps it for now and the department gets a list with the open places', () => {
    const r = rateCampaign(withQuotas(quota('refer')), tiedInput());
    expect(stars(r.villages)).toEqual({ a: 5, b: 4, c: 4, d: 4, e: 4 });
    expect(r.referrals).toEqual([
      expect.objectContaining({ scope: 'city', townId: null, stars: 5, places: 1, villages: ['b', 'c', 'd'] }),
    ]);
    const b = r.villages.find((v) => v.id === 'b');
    expect(b?.notes).toContain('名额并列待部门决定：暂按 4 星');
    expect(b?.explanation.find((s) => s.rule === 'quota')?.text).toContain('报部门决定');
  });

  it('when the villages at the boundary are not tied, then no policy applies', () => {
    const input = inputOf([uniformVillage('a', 0.95), uniformVillage('b', 0.93), uniformVillage('c', 0.92)]);
    const r = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 34 }], ties: 'refer' }), input);
    expect(stars(r.villages)).toEqual({ a: 5, b: 4, c: 4 });
    expect(r.referrals).toBeUndefined();
  });

  it('property: kept villages never exceed the places except by a tie the standard lets keep; referred places are open places', () => {
    const policies = ['byKeys', 'allKeep', 'refer'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...policies), campaignArb(tumen, 2, 12), (ties, input) => {
        const standard = withQuotas({ scope: 'city', base: 'allVillages', limits: [], targets: [{ stars: 5, targetPercent: 25 }, { stars: 4, targetPercent: 35 }], ties }, tumen);
        const r = rateCampaign(standard, input);
        for (const level of [5, 4]) {
          const steps = r.villages.flatMap((v) => v.explanation.filter((s) => s.rule === 'quota' && s.stars === level));
          if (steps.length === 0) continue;
          const limit = (steps[0] as { limit: number }).limit;
          const kept = steps.filter((s) => s.rule === 'quota' && s.kept).length;
          const tiedKept = steps.filter((s) => s.rule === 'quota' && s.kept && s.tie?.policy === 'allKeep').length;
          if (ties === 'allKeep') expect(kept - tiedKept).toBeLessThanOrEqual(limit);
          else expect(kept).toBeLessThanOrEqual(limit);
          const referred = (r.referrals ?? []).filter((x) => x.stars === level);
          if (ties === 'refer') expect(kept + referred.reduce((n, x) => n + x.places, 0)).toBe(limit);
          else expect(referred).toEqual([]);
          if (ties === 'byKeys') expect(kept).toBe(limit);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('minimum shares', () => {
  it('when fewer than 20 % are at two stars or below, then the lowest-ranked drop to two stars', () => {
    const r = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [], minimumShares: [{ atMostStars: 2, minPercent: 20 }] }), ten());
    expect(stars(r.villages)).toMatchObject({ h: 5, i: 2, j: 2 });
    const step = r.villages.find((v) => v.id === 'j')?.explanation.find((s) => s.rule === 'minimum_share');
    expect(step).toMatchObject({ required: 2, before: 5, after: 2 });
  });

  it('when the share is already there, then nobody moves', () => {
    const input = inputOf([uniformVillage('a', 0.95), uniformVillage('b', 0.5), uniformVillage('c', 0.91)]);
    const r = rateCampaign(withQuotas({ scope: 'city', base: 'allVillages', limits: [], minimumShares: [{ atMostStars: 2, minPercent: 30 }] }), input);
    expect(stars(r.villages)).toEqual({ a: 5, b: 1, c: 5 });
  });
});

describe('quota checks', () => {
  it('when a quota has no rule at all, then quotas.limits is named', () => {
    expect(errorsOf(withQuotas({ scope: 'city', base: 'allVillages', limits: [] }))).toContainEqual(expect.objectContaining({ path: 'quotas.limits', code: 'standard.quota_empty' }));
  });

  it('when a level has both a limit and a target, then the target is named', () => {
    const doc = withQuotas({ scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 10 }], targets: [{ stars: 5, targetPercent: 10 }] });
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: 'quotas.targets[0].stars', code: 'standard.duplicate_quota' }));
  });

  it('when a format-1 file uses targets, ties or minimum shares, then each asks for format 2', () => {
    const doc: Standard = { ...smallStandard(), quotas: { scope: 'city', base: 'allVillages', limits: [], targets: [{ stars: 5, targetPercent: 10 }], minimumShares: [{ atMostStars: 2, minPercent: 10 }], ties: 'refer' } };
    const paths = errorsOf(doc).filter((e) => e.code === 'standard.needs_format_2').map((e) => e.path);
    expect(paths).toEqual(['quotas.targets', 'quotas.minimumShares', 'quotas.ties']);
  });
});
