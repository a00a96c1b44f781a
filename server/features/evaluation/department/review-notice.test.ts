import { describe, expect, it } from 'vitest';
import { publishLock, reviewState, type ReviewFacts } from './review-notice.js';

const indicator = (id: string, name: string, maxPoints: number) => ({ id, name, dimensionName: '维度', maxPoints, guidance: '', evidence: [] });
const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  indicators: [indicator('a', '班子', 6), indicator('arena', '擂台比武', 3)],
  points: new Map([
    ['a', 5.5],
    ['arena', 2.67],
  ]),
  arenaIndicatorId: 'arena',
  panelJudges: new Set(['j1', 'j2']),
  arenaJudges: new Set(['j1', 'j2']),
  comment: '班子团结，产业有起色。',
  ...over,
});

describe('review completeness', () => {
  it('when every indicator, every judge and the comment are in, then the review is complete with its total', () => {
    expect(reviewState(facts())).toEqual({ totalH: 817, maxH: 900, missing: [], complete: true });
  });

  it('when an indicator, a judge’s arena score and the comment are missing, then each is named', () => {
    const state = reviewState(facts({ points: new Map([['arena', 2]]), arenaJudges: new Set(['j1']), comment: ' ' }));
    expect(state.complete).toBe(false);
    expect(state.missing).toEqual(['未评分指标：班子', '擂台比武：1/2 位评委已评分', '点评意见未填写']);
  });

  it('when the village has no panel judges, then the arena cannot be complete', () => {
    expect(reviewState(facts({ panelJudges: new Set(), arenaJudges: new Set() })).missing).toEqual(['未分配评委组，擂台比武无人评分']);
  });

  it('when the campaign has no arena, then only the sheet and the comment count', () => {
    expect(reviewState(facts({ arenaIndicatorId: null, indicators: [indicator('a', '班子', 6)], panelJudges: new Set() })).complete).toBe(true);
  });

  it('when the campaign is outside stages 2 and 3, then publishing is locked', () => {
    expect(publishLock('department')).toBeNull();
    expect(publishLock('city')).toBeNull();
    expect(publishLock('mutual')).toBe('部门点评尚未开始');
    expect(publishLock('notice')).toBe('市级考评已结束，不能再公示部门点评结果');
  });
});
