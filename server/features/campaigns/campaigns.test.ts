import { describe, expect, it } from 'vitest';
import { nextStatus, noticeEndDate, sheetLockReason, windowProblems } from './campaigns.js';

const windows = {
  mutual: { opens: '2026-03-01', closes: '2026-03-31' },
  department: { opens: '2026-04-01', closes: '2026-04-30' },
  city: { opens: '2026-05-01', closes: '2026-05-31' },
};

describe('campaign rules', () => {
  it('when a campaign advances, then it goes one step at a time and stops at final', () => {
    expect(nextStatus('draft')).toBe('mutual');
    expect(nextStatus('city')).toBe('notice');
    expect(nextStatus('final')).toBeNull();
  });

  it('when a sheet is opened, then it is editable only in its own stage and window, and says why otherwise', () => {
    expect(sheetLockReason('mutual', 'mutual', windows, '2026-03-10')).toBeNull();
    expect(sheetLockReason('mutual', 'mutual', windows, '2026-02-28')).toContain('尚未开放');
    expect(sheetLockReason('mutual', 'mutual', windows, '2026-04-01')).toContain('已于 2026-03-31 截止');
    expect(sheetLockReason('department', 'mutual', windows, '2026-04-10')).toBe('摸底互评阶段已结束，评分只读');
    // Not yet open: the rule that holds it and the day it opens are both said.
    expect(sheetLockReason('mutual', 'mutual', windows, '2026-02-28')).toContain(`将于 ${windows.mutual.opens} 开放`);
    expect(sheetLockReason('mutual', 'city', windows, '2026-03-10')).toBe(
      `市级考评阶段尚未开始：当前为摸底互评阶段，组织部推进到市级考评后开放；市级考评计划填报时间为 ${windows.city.opens} 至 ${windows.city.closes}`,
    );
    expect(sheetLockReason('draft', 'department', windows, '2026-03-10')).toContain(`部门点评计划填报时间为 ${windows.department.opens}`);
    expect(sheetLockReason('notice', 'city', windows, '2026-06-01')).toContain('已结束');
    expect(sheetLockReason('final', 'city', windows, '2026-05-10')).toContain('已定星');
    expect(sheetLockReason('draft', 'mutual', windows, '2026-03-10')).toContain('尚未启动');
  });

  it('when windows are out of order, then each problem is named', () => {
    expect(windowProblems(windows)).toEqual([]);
    const bad = { ...windows, city: { opens: '2026-03-05', closes: '2026-03-01' } };
    expect(windowProblems(bad)).toHaveLength(2);
  });

  it('when a notice of 5 working days starts on a Thursday, then it ends the next Wednesday', () => {
    expect(noticeEndDate('2026-06-04', 5)).toBe('2026-06-10');
    expect(noticeEndDate('2026-06-06', 1)).toBe('2026-06-08');
  });
});

describe('this year’s weights on the standard', () => {
  it('when the campaign sets the self stage’s weight, then the stage of kind self (any id) takes it; 0 makes it reference only', async () => {
    const { withWeights } = await import('./campaigns.service.js');
    const { smallStandard } = await import('../standards/engine/test-fixtures.js');
    const { upgradeStandard } = await import('../standards/engine/standard-upgrade.js');
    const { countedStageWeights } = await import('../standards/engine/stage-weights.js');
    const base = upgradeStandard(smallStandard());
    const standard = { ...base, stages: [...base.stages, { id: 'zp', name: '村自评', kind: 'self', weight: 10 }] } as typeof base;
    expect(countedStageWeights(withWeights(standard, { mutual: 10, department: 20, city: 50, self: 20 }))).toEqual({ mutual: 10, department: 20, city: 50, zp: 20 });
    expect(withWeights(standard, { mutual: 20, department: 30, city: 50, self: 0 }).stages.find((s) => s.id === 'zp')).toMatchObject({ weight: 0, referenceOnly: true });
    expect(countedStageWeights(withWeights(standard, { mutual: 20, department: 20, city: 50 })).zp).toBe(10);
  });
});
