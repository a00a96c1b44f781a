import { describe, expect, it } from 'vitest';
import { commitmentStatuses, problemStatuses } from '../../../shared/contracts/fieldwork-service.js';
import {
  commitmentActions,
  isProblemOverdue,
  mayWorkOn,
  missingOutcomeFields,
  nextCommitmentStatus,
  nextProblemStatus,
  problemActions,
  problemFilesLock,
} from './service.js';
import { normalizeDay, planProblemImport } from './problems.sheet.js';

describe('the commitment state machine', () => {
  it('when every action is tried from every status, then only the drawn arrows exist', () => {
    const arrows = commitmentStatuses.flatMap((s) => commitmentActions.map((a) => [s, a, nextCommitmentStatus(s, a)] as const)).filter(([, , to]) => to);
    expect(arrows.map(([s, a, to]) => `${s} -${a}-> ${to}`)).toEqual([
      'draft -submit-> submitted',
      'submitted -approve-> approved',
      'submitted -return-> returned',
      'returned -submit-> submitted',
      'approved -start-> in_progress',
      'in_progress -settle-> settled',
      'settled -publish-> published',
    ]);
  });

  it('when a verdict is given, then fulfilled needs evidence, partly both, unfulfilled a reason', () => {
    expect(missingOutcomeFields('fulfilled', '', '')).toEqual(['evidence']);
    expect(missingOutcomeFields('fulfilled', '', '照片')).toEqual([]);
    expect(missingOutcomeFields('partly', ' ', '照片')).toEqual(['reason']);
    expect(missingOutcomeFields('unfulfilled', '资金未到位', '')).toEqual([]);
  });
});

describe('the problem state machine', () => {
  it('when every action is tried from every status, then only the drawn arrows exist', () => {
    const arrows = problemStatuses.flatMap((s) => problemActions.map((a) => [s, a, nextProblemStatus(s, a)] as const)).filter(([, , to]) => to);
    expect(arrows.map(([s, a, to]) => `${s} -${a}-> ${to}`)).toEqual([
      'open -claim-> claimed',
      'claimed -release-> open',
      'claimed -start-> in_progress',
      'claimed -resolve-> resolved',
      'in_progress -resolve-> resolved',
      'resolved -confirm-> confirmed',
      'resolved -reopen-> in_progress',
      'confirmed -reopen-> in_progress',
    ]);
  });

  it('when a problem is past due, then it is overdue unless closed', () => {
    expect(isProblemOverdue({ status: 'in_progress', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isProblemOverdue({ status: 'in_progress', dueDate: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isProblemOverdue({ status: 'resolved', dueDate: '2026-01-01' }, '2026-03-02')).toBe(false);
    expect(isProblemOverdue({ status: 'open', dueDate: null }, '2026-03-02')).toBe(false);
  });

  it('when someone works a claimed problem, then the claimer and the village admin may, a town admin may not', () => {
    const p = { claimedBy: 'u1', orgPath: '/c/t/v/' };
    const r = (role: 'village_admin' | 'town_admin', orgPath: string) => ({ role, orgPath, orgUnitId: 'x', orgUnitName: 'x', orgLevel: 'village' as const });
    expect(mayWorkOn({ userId: 'u1', roles: [] }, p)).toBe(true);
    expect(mayWorkOn({ userId: 'u2', roles: [r('village_admin', '/c/t/v/')] }, p)).toBe(true);
    expect(mayWorkOn({ userId: 'u2', roles: [r('village_admin', '/c/t/w/')] }, p)).toBe(false);
    expect(mayWorkOn({ userId: 'u2', roles: [r('town_admin', '/c/t/')] }, p)).toBe(false);
  });

  it('when a problem is in each state, then its 销号材料 change only while it is claimed or in progress', () => {
    const open = problemStatuses.filter((s) => problemFilesLock(s) === null);
    expect(open).toEqual(['claimed', 'in_progress']);
    expect(problemFilesLock('resolved')).toBe('问题已销号，材料不能再改动');
    expect(problemFilesLock('open')).toContain('尚未认领');
  });
});

describe('problem import rows', () => {
  const village = { id: 'v', path: '/c/t/v/' };
  const lookup = (text: string) => (text === '甲一村' ? village : text === '同名村' ? ('ambiguous' as const) : null);
  const row = (n: number, over: Record<string, string> = {}) => ({
    row: n,
    values: { village: '甲一村', title: '路灯', category: '基础设施', source: '逐户走访', household: '', description: '', reportedDate: '2026/3/1', dueDate: '', ...over },
  });

  it('when dates are typed the usual ways, then they normalize; impossible dates do not', () => {
    expect(normalizeDay('2026/3/1')).toBe('2026-03-01');
    expect(normalizeDay('2026.03.01')).toBe('2026-03-01');
    expect(normalizeDay('2026-02-30')).toBeNull();
    expect(normalizeDay('三月一日')).toBeNull();
  });

  it('when rows are bad, then every problem is listed with row and field; good rows plan a problem in the reported year', () => {
    const { problems, errors } = planProblemImport(
      [
        row(2),
        row(3, { village: '外村', category: '天气' }),
        row(4, { village: '同名村', reportedDate: '2026-03-09' }),
        row(5, { dueDate: '2026-02-01' }),
      ],
      lookup,
      '2026-03-02',
    );
    expect(problems.map((p) => [p.reportedDate, p.year])).toEqual([
      ['2026-03-01', 2026],
      ['2026-03-01', 2026],
    ]);
    expect(errors).toEqual([
      { row: 3, field: '村（社区）', reason: '“外村”不存在或不在您的管理范围内' },
      { row: 3, field: '类别', reason: '“天气”不是有效的类别' },
      { row: 4, field: '村（社区）', reason: '“同名村”重名，请填写组织编码' },
      { row: 4, field: '发现日期', reason: '发现日期不能晚于今天' },
      { row: 5, field: '办结时限', reason: '办结时限不能早于发现日期' },
    ]);
  });
});
