import { describe, expect, it } from 'vitest';
import { factsFor, readinessItems, windowsMovedForEarlyAdvance } from './campaigns.readiness.js';
import { windowProblems } from './campaigns.js';

const windows = {
  mutual: { opens: '2026-03-01', closes: '2026-03-31' },
  department: { opens: '2026-04-01', closes: '2026-04-30' },
  city: { opens: '2026-05-01', closes: '2026-05-31' },
};
const base = { windows, noticeEnds: null };

describe('stage gate rules', () => {
  it('when the next window has not opened, then the advance is early, overridable, and says by how many days', () => {
    const [item] = readinessItems({ ...base, to: 'department', today: '2026-03-04' });
    expect(item).toMatchObject({ kind: 'early_window', count: 28, overridable: true });
    expect(item?.text).toContain('部门点评填报时间为 2026-04-01 至 2026-04-30');
    expect(readinessItems({ ...base, to: 'department', today: '2026-04-01' })).toEqual([]);
  });

  it('when sheets are empty or half filled, then both are counted and named', () => {
    const villages = [
      { name: '甲村', townName: '一镇', entered: 0, total: 4 },
      { name: '乙村', townName: '一镇', entered: 2, total: 4 },
      { name: '丙村', townName: '二镇', entered: 4, total: 4 },
    ];
    const [item] = readinessItems({ ...base, to: 'department', today: '2026-04-02', sheets: { stage: 'mutual', villages } });
    expect(item).toMatchObject({ kind: 'unscored_sheets', count: 2, details: ['一镇甲村：已填 0/4 项', '一镇乙村：已填 2/4 项'] });
    expect(item?.text).toBe('摸底互评评分表未填完：1 个村未打分，1 个村部分打分');
  });

  it('when self-evaluations are not approved, then a reason may pass them and each village is named with its status', () => {
    const unapprovedSelfEvaluations = [
      { name: '甲村', townName: '一镇', statusLabel: '待镇审核' },
      { name: '乙村', townName: '二镇', statusLabel: '未填报' },
    ];
    const [item] = readinessItems({ ...base, to: 'city', today: '2026-05-02', unapprovedSelfEvaluations });
    expect(item).toMatchObject({ kind: 'unapproved_self_evaluations', count: 2, overridable: true, details: ['一镇甲村：村自评未审核通过（待镇审核）', '二镇乙村：村自评未审核通过（未填报）'] });
    expect(item?.text).toContain('2 个村的村自评未审核通过');
    expect(readinessItems({ ...base, to: 'city', today: '2026-05-02', unapprovedSelfEvaluations: [] })).toEqual([]);
  });

  it('when stars are undecided, the notice runs or objections wait, then no reason can pass them', () => {
    const village = { name: '甲村', townName: '一镇' };
    expect(readinessItems({ ...base, to: 'notice', today: '2026-06-01', results: { total: 0, unconfirmed: [] } })[0]).toMatchObject({ kind: 'no_results', overridable: false });
    expect(readinessItems({ ...base, to: 'notice', today: '2026-06-01', results: { total: 3, unconfirmed: [village] } })[0]).toMatchObject({ kind: 'villages_without_stars', count: 1, overridable: false });
    const final = readinessItems({ ...base, noticeEnds: '2026-06-08', to: 'final', today: '2026-06-08', openObjections: 2 });
    expect(final.map((i) => [i.kind, i.overridable])).toEqual([['notice_running', false], ['open_objections', false]]);
  });

  it('when a step is checked, then it looks at the work of the stage that ends', () => {
    expect(factsFor('mutual')).toEqual([]);
    expect(factsFor('city')).toEqual(['sheets', 'unpublishedReviews', 'openRectifications', 'unapprovedSelfEvaluations']);
    expect(factsFor('notice')).toEqual(['sheets', 'openRectifications', 'unapprovedSelfEvaluations', 'results', 'referrals']);
    expect(factsFor('final')).toEqual(['openObjections']);
  });

  it('when an advance is early, then the stage opens today and the ending one closes today, and the plan stays valid', () => {
    const moved = windowsMovedForEarlyAdvance(windows, 'department', '2026-03-04');
    expect(moved.department).toEqual({ opens: '2026-03-04', closes: '2026-04-30' });
    expect(moved.mutual).toEqual({ opens: '2026-03-01', closes: '2026-03-04' });
    expect(moved.city).toEqual(windows.city);
    expect(windowProblems(moved)).toEqual([]);
  });
});
