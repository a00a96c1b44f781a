import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../shared/standards/standard.js';
import { actionsFor, checkItems, missingIndicators, nextSelfEvaluationStatus, selfIndicators, stageRole, totalOf } from './self-evaluation.js';

const indicators = [
  { id: 'a', name: '甲', dimensionName: '维度', maxPoints: 10 },
  { id: 'b', name: '乙', dimensionName: '维度', maxPoints: 5 },
];
const everyone = { submitter: true, reviewer: true, unapprover: true };

describe('self-evaluation moves', () => {
  it('when each move is tried from each status, then only the drawn ones lead anywhere', () => {
    const table = (['not_started', 'draft', 'submitted', 'returned', 'approved'] as const).map((s) =>
      [s, ...(['submit', 'approve', 'return', 'unapprove'] as const).map((m) => nextSelfEvaluationStatus(s, m))],
    );
    expect(table).toEqual([
      ['not_started', null, null, null, null],
      ['draft', 'submitted', null, null, null],
      ['submitted', null, 'approved', 'returned', null],
      ['returned', 'submitted', null, null, null],
      ['approved', null, null, null, 'submitted'],
    ]);
  });

  it('when the campaign is in its notice or final, then nobody has any action; before that each level has its own', () => {
    expect(actionsFor(everyone, 'approved', 'notice')).toEqual([]);
    expect(actionsFor(everyone, 'draft', 'final')).toEqual([]);
    expect(actionsFor({ submitter: true, reviewer: false, unapprover: false }, 'returned', 'mutual')).toEqual(['edit', 'submit']);
    expect(actionsFor({ submitter: false, reviewer: true, unapprover: false }, 'submitted', 'draft')).toEqual(['approve', 'return']);
    expect(actionsFor({ submitter: true, reviewer: false, unapprover: true }, 'approved', 'city')).toEqual(['unapprove']);
  });
});

describe('checking what the village entered', () => {
  it('when points are out of range, finer than hundredths or on an unknown indicator, then the first problem is named and nothing is rounded', () => {
    expect(checkItems(indicators, [{ indicatorId: 'a', points: 10.01, note: '' }])).toEqual({ problem: { indicatorId: 'a', code: 'selfeval.points_out_of_range' } });
    expect(checkItems(indicators, [{ indicatorId: 'b', points: 2.345, note: '' }])).toEqual({ problem: { indicatorId: 'b', code: 'selfeval.points_out_of_range' } });
    expect(checkItems(indicators, [{ indicatorId: 'x', points: 1, note: '' }])).toEqual({ problem: { indicatorId: 'x', code: 'selfeval.unknown_indicator' } });
    expect(checkItems(indicators, [{ indicatorId: 'a', points: 9.99, note: '好' }, { indicatorId: 'b', points: null, note: '' }])).toEqual({
      items: { a: { points: 9.99, note: '好' }, b: { points: null, note: '' } },
    });
  });

  it('when some indicators have no points, then they are missing; the total adds hundredths exactly', () => {
    const items = { a: { points: 0.1, note: '' }, b: { points: null, note: '' } };
    expect(missingIndicators(indicators, items)).toEqual(['b']);
    expect(totalOf(indicators, { a: { points: 0.1, note: '' }, b: { points: 0.2, note: '' } })).toBe(0.3);
  });
});

describe('the self stage of a standard', () => {
  const base = {
    stages: [{ id: 'city', name: '市级考评', weight: 100 }],
    dimensions: [{ id: 'd', name: '维度', indicators: [{ id: 'a', name: '甲', kind: 'scored', maxPoints: 10, stages: ['city'] }] }],
  } as unknown as Standard;

  it('when the standard has no self stage, then every scored indicator is self-evaluated, as reference', () => {
    expect(selfIndicators(base).map((i) => i.id)).toEqual(['a']);
    expect(stageRole(base).role).toBe('reference');
  });

  it('when the standard has a counted self stage, then its weight is named and the text says approved points count', () => {
    const withSelf = { ...base, stages: [...base.stages, { id: 'self', name: '自评', kind: 'self', weight: 10 }] } as unknown as Standard;
    expect(stageRole(withSelf)).toEqual({ role: 'counted', text: '评星标准规定自评计入综合得分（权重 10%）：镇审核通过的自评分参与定星测算，未审核通过按 0 计' });
    const reference = { ...base, stages: [...base.stages, { id: 'self', name: '自评', kind: 'self', weight: 0, referenceOnly: true }] } as unknown as Standard;
    expect(stageRole(reference).role).toBe('reference');
  });
});
