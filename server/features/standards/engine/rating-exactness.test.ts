import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard } from './compiled-standard.js';
import { rateCampaign } from './rating-engine.js';
import type { VillageInput } from './rating-input.js';
import type { StageId, Standard } from '../../../../shared/standards/standard.js';

// The engine's integer arithmetic against a plain rational computation written from the
// definitions in docs/standards.md, on two standards: one whose sums fit in doubles and one whose
// odd stage weights force the BigInt path.

function oddWeights(): Standard {
  const indicator = (id: string, stages: StageId[]) => ({ id, name: id, kind: 'scored' as const, maxPoints: 25, stages, guidance: '', evidence: [] });
  return {
    id: 'odd', name: '奇数权重', version: '1', region: '测试', totalMaxScore: 100,
    stages: [
      { id: 'mutual', name: '摸底互评', weight: 13 },
      { id: 'department', name: '部门点评', weight: 29 },
      { id: 'city', name: '市级考评', weight: 58 },
    ],
    dimensions: [
      { id: 'd1', name: '维度一', maxPoints: 50, indicators: [indicator('a', ['mutual', 'city']), indicator('b', ['department', 'city'])] },
      { id: 'd2', name: '维度二', maxPoints: 50, indicators: [indicator('c', ['mutual', 'department', 'city']), indicator('d', ['mutual', 'department'])] },
    ],
    bonus: { cap: 3, items: [{ id: 'x', name: '加分', maxPoints: 3, guidance: '' }] },
    deductions: { cap: 5, items: [{ id: 'y', name: '扣分', maxPoints: 5, guidance: '' }] },
    satisfaction: { weightPercent: 30, basicallySatisfiedCredit: 70 },
    levelScheme: { type: 'thresholds', minStars: 1, thresholds: [{ stars: 5, minScore: 90 }, { stars: 3, minScore: 70 }] },
    ranking: { keys: [{ key: 'finalScore' }] },
  };
}

function evenWeights(): Standard {
  const s = oddWeights();
  s.stages = [
    { id: 'mutual', name: '摸底互评', weight: 20 },
    { id: 'department', name: '部门点评', weight: 30 },
    { id: 'city', name: '市级考评', weight: 50 },
  ];
  return s;
}

type Frac = { n: bigint; d: bigint };
const frac = (n: bigint, d = 1n): Frac => ({ n, d });
const add = (a: Frac, b: Frac): Frac => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const mul = (a: Frac, b: Frac): Frac => ({ n: a.n * b.n, d: a.d * b.d });

/** Final score in hundredths straight from the definitions, rounded once, half up. */
function referenceFinalH(standard: Standard, v: VillageInput): number {
  const weightOf = new Map(standard.stages.map((s) => [s.id, BigInt(s.weight)]));
  let base = frac(0n);
  for (const ind of standard.dimensions.flatMap((d) => d.indicators)) {
    if (ind.kind !== 'scored') continue;
    const total = ind.stages.reduce((sum, s) => sum + (weightOf.get(s) ?? 0n), 0n);
    for (const s of ind.stages) {
      const points = BigInt(Math.round((v.scores[s]?.[ind.id] ?? 0) * 100));
      base = add(base, frac(points * (weightOf.get(s) ?? 0n), total));
    }
  }
  const sat = v.satisfaction && 'sampleSize' in v.satisfaction ? v.satisfaction : null;
  const w = BigInt(standard.satisfaction?.weightPercent ?? 0);
  const credit = BigInt(standard.satisfaction?.basicallySatisfiedCredit ?? 100);
  // Rate in basis points, rounded half up on its own, as documented.
  const bpExact = sat ? frac((BigInt(sat.satisfied) * 100n + BigInt(sat.basicallySatisfied) * credit) * 100n, BigInt(sat.sampleSize)) : frac(0n);
  const bp = (2n * bpExact.n + bpExact.d) / (2n * bpExact.d);
  let total = add(mul(base, frac(100n - w, 100n)), frac(bp * BigInt(standard.totalMaxScore * 100) * w, 1_000_000n));
  total = add(total, frac(BigInt(Math.round(((v.bonus?.x ?? 0) - (v.deductions?.y ?? 0)) * 100))));
  if (total.n < 0n) return 0;
  return Number((2n * total.n + total.d) / (2n * total.d));
}

function villageArb(): fc.Arbitrary<VillageInput> {
  const pts = fc.integer({ min: 0, max: 2500 }).map((h) => h / 100);
  return fc
    .record({
      ma: pts, mc: pts, md: pts, db: pts, dc: pts, dd: pts, ca: pts, cb: pts, cc: pts,
      bonus: fc.integer({ min: 0, max: 300 }), ded: fc.integer({ min: 0, max: 500 }),
      satisfied: fc.integer({ min: 0, max: 50 }), basically: fc.integer({ min: 0, max: 50 }), unsatisfied: fc.integer({ min: 0, max: 50 }),
    })
    .filter((g) => g.satisfied + g.basically + g.unsatisfied > 0)
    .map((g) => ({
      id: 'v', name: '村', townId: 't',
      scores: { mutual: { a: g.ma, c: g.mc, d: g.md }, department: { b: g.db, c: g.dc, d: g.dd }, city: { a: g.ca, b: g.cb, c: g.cc } },
      bonus: { x: g.bonus / 100 },
      deductions: { y: g.ded / 100 },
      satisfaction: { sampleSize: g.satisfied + g.basically + g.unsatisfied, satisfied: g.satisfied, basicallySatisfied: g.basically, unsatisfied: g.unsatisfied },
    }));
}

describe('exact arithmetic of the engine', () => {
  it('when stage weights are odd, then the engine takes the BigInt path', () => {
    expect(compileStandard(oddWeights()).weightedFitsNumber).toBe(false);
    expect(compileStandard(evenWeights()).weightedFitsNumber).toBe(true);
  });

  it.each([
    ['odd weights (BigInt)', oddWeights],
    ['even weights (doubles)', evenWeights],
  ])('when a village is rated under %s, then the final score equals the rational computation rounded once', (_, make) => {
    const standard = make();
    fc.assert(
      fc.property(villageArb(), (village) => {
        const result = rateCampaign(standard, { towns: [{ id: 't', name: '镇' }], villages: [village] });
        expect(Math.round((result.villages[0]?.finalScore ?? -1) * 100)).toBe(referenceFinalH(standard, village));
      }),
      { numRuns: 300 },
    );
  });
});
