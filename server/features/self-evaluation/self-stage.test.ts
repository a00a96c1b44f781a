import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../shared/standards/standard.js';
import { readStandard } from '../standards/engine/standard-validate.js';
import { smallStandard } from '../standards/engine/test-fixtures.js';
import { rateCampaign } from '../standards/engine/rating-engine.js';
import { selfContributionH, selfStageEntries, selfStageOf, selfStageStep, withSelfStageStep } from './self-stage.js';

/** smallStandard with a self stage scoring a and b (not c); `weight` 0 makes it reference only. */
function withSelf(weight: number): Standard {
  const s = readStandard(smallStandard());
  const cityWeight = 50 - weight;
  return {
    ...s,
    stages: [
      weight > 0 ? { id: 'self', name: '村自评', kind: 'self', weight } : { id: 'self', name: '村自评', kind: 'self', weight: 0, referenceOnly: true },
      ...s.stages.map((st) => (st.id === 'city' ? { ...st, weight: cityWeight } : st)),
    ],
    dimensions: s.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => (i.kind === 'scored' && i.id !== 'c' ? { ...i, stages: ['self', ...i.stages] } : i)),
    })),
  };
}

describe('the self stage of the rating', () => {
  it('when a standard has no self stage, then there is none and no entries', () => {
    const s = readStandard(smallStandard());
    expect(selfStageOf(s)).toBeNull();
    expect(selfStageEntries(s, [{ villageId: 'v', items: { a: { points: 5, note: '' } } }])).toEqual([]);
  });

  it('when the self stage is counted or reference only, then it says so with its weight', () => {
    expect(selfStageOf(withSelf(10))).toEqual({ id: 'self', name: '村自评', counted: true, weight: 10 });
    expect(selfStageOf(withSelf(0))).toEqual({ id: 'self', name: '村自评', counted: false, weight: 0 });
  });

  it('when approved points are given, then each becomes an entry of the self stage; empty points and indicators the stage does not score are left out', () => {
    const entries = selfStageEntries(withSelf(10), [{ villageId: 'v', items: { a: { points: 20, note: '' }, b: { points: null, note: '' }, c: { points: 9, note: '' } } }]);
    expect(entries).toEqual([{ stage: 'self', villageId: 'v', indicatorId: 'a', points: 20 }]);
  });

  it('when the self stage counts, then its contribution is what the engine adds for it; reference only adds nothing', () => {
    const standard = withSelf(10);
    const stage = selfStageOf(standard)!;
    const points = { a: 20, b: 12.5 };
    const rate = (self: Record<string, number> | undefined) =>
      rateCampaign(standard, {
        towns: [{ id: 't', name: '镇' }],
        villages: [{ id: 'v', name: '村', townId: 't', figures: { rate: 50 }, scores: { ...(self ? { self } : {}), mutual: { a: 10, b: 10, c: 10 }, department: { a: 10, b: 10, c: 10 }, city: { a: 10, b: 10, c: 10 } } }],
      }).villages[0]!.baseScore;
    // a and b: self weighs 10 of 100 → 2.00 + 1.25.
    expect(selfContributionH(standard, stage, points)).toBe(325);
    expect(Math.round((rate(points) - rate(undefined)) * 100)).toBe(325);
    expect(selfContributionH(withSelf(0), selfStageOf(withSelf(0))!, points)).toBe(0);
  });

  it('when the step is written, then it names the contribution, or says reference only, or that nothing was approved', () => {
    const counted = withSelf(10);
    expect(selfStageStep(counted, selfStageOf(counted)!, { a: 20, b: 12.5 })).toMatchObject({
      rule: 'self_stage',
      approved: true,
      rawPoints: 32.5,
      contribution: 3.25,
      text: '村自评（镇已审核通过）原始分 32.50 分，权重 10%，计入指标得分 3.25 分',
    });
    expect(selfStageStep(counted, selfStageOf(counted)!, undefined).text).toBe('村自评未审核通过，按 0 计（权重 10%），计入指标得分 0.00 分');
    const reference = withSelf(0);
    expect(selfStageStep(reference, selfStageOf(reference)!, { a: 20 }).text).toBe('村自评（镇已审核通过）原始分 20.00 分，仅供参考，不计入总分');
    expect(selfStageStep(reference, selfStageOf(reference)!, {}).text).toBe('村自评未审核通过，仅供参考，不计入总分');
  });

  it('when the step is added, then it follows the stage weighting', () => {
    const step = selfStageStep(withSelf(10), selfStageOf(withSelf(10))!, undefined);
    expect(withSelfStageStep([{ rule: 'missing_data' }, { rule: 'stage_weight' }, { rule: 'level' }], step).map((s) => s.rule)).toEqual(['missing_data', 'stage_weight', 'self_stage', 'level']);
    expect(withSelfStageStep([{ rule: 'level' }], null).map((s) => s.rule)).toEqual(['level']);
  });
});
