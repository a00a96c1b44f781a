import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complianceOf, defaultVisitRule, nextKeyTaskStatus, periodsOfYear, rangesOverlap, sortMilestones } from './pairing.js';
import { fieldScopeOf } from './field-scope.js';
import type { PrincipalRole } from '../auth/principal.js';

describe('periods of a year', () => {
  it('when the rule is quarterly, then four quarters cover the year with real month ends', () => {
    expect(periodsOfYear(2024, 'quarter')).toEqual([
      { label: '第一季度', start: '2024-01-01', end: '2024-03-31' },
      { label: '第二季度', start: '2024-04-01', end: '2024-06-30' },
      { label: '第三季度', start: '2024-07-01', end: '2024-09-30' },
      { label: '第四季度', start: '2024-10-01', end: '2024-12-31' },
    ]);
    expect(periodsOfYear(2024, 'month')[1]).toEqual({ label: '2月', start: '2024-02-01', end: '2024-02-29' });
    expect(periodsOfYear(2026, 'half_year').map((p) => p.end)).toEqual(['2026-06-30', '2026-12-31']);
  });

  it('when any rule is used, then periods are contiguous and cover the whole year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom('month', 'quarter', 'half_year', 'year' as const), (year, period) => {
        const ps = periodsOfYear(year, period);
        expect(ps[0]?.start).toBe(`${year}-01-01`);
        expect(ps[ps.length - 1]?.end).toBe(`${year}-12-31`);
        for (let i = 1; i < ps.length; i++) {
          const next = new Date(Date.parse(`${ps[i - 1]?.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(ps[i]?.start).toBe(next);
        }
      }),
    );
  });
});

describe('visit compliance', () => {
  const rule = defaultVisitRule(2026);
  const pairing = { startDate: '2026-01-01', endDate: null };

  it('when the last finished quarter had no visit and the current has none, then overdue; a visit now clears it', () => {
    const c = complianceOf(pairing, rule, ['2026-02-01'], '2026-07-10');
    expect(c.periods.map((p) => [p.label, p.met, p.ended])).toEqual([
      ['第一季度', true, true],
      ['第二季度', false, true],
      ['第三季度', false, false],
    ]);
    expect(c).toMatchObject({ overdue: true, missedPeriods: 1, visitsInYear: 1 });
    expect(complianceOf(pairing, rule, ['2026-02-01', '2026-07-09'], '2026-07-10').overdue).toBe(false);
  });

  it('when no quarter has finished yet, then nobody is overdue', () => {
    expect(complianceOf(pairing, rule, [], '2026-03-31').overdue).toBe(false);
  });

  it('when a pairing starts late in a quarter, then that quarter is not owed', () => {
    const late = complianceOf({ startDate: '2026-03-20', endDate: null }, rule, [], '2026-04-05');
    expect(late.periods.map((p) => p.label)).toEqual(['第二季度']);
    expect(late.overdue).toBe(false);
  });

  it('when a pairing ended, then its last period ends with it and a shortfall there is overdue', () => {
    const ended = complianceOf({ startDate: '2026-01-01', endDate: '2026-05-31' }, rule, ['2026-01-10'], '2026-06-10');
    expect(ended.periods.map((p) => [p.label, p.ended])).toEqual([
      ['第一季度', true],
      ['第二季度', true],
    ]);
    expect(ended.overdue).toBe(true);
  });

  it('when the rule wants two visits a month, then one visit does not meet it', () => {
    const c = complianceOf(pairing, { year: 2026, period: 'month', minVisits: 2, isDefault: false }, ['2026-01-05'], '2026-02-10');
    expect(c.periods.map((p) => [p.label, p.visits, p.met])).toEqual([
      ['1月', 1, false],
      ['2月', 0, false],
    ]);
    expect(c.overdue).toBe(true);
  });
});

describe('pairing ranges and key tasks', () => {
  it('when date ranges touch or are open-ended, then they overlap; disjoint ones do not', () => {
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: null }, { startDate: '2030-01-01', endDate: null })).toBe(true);
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: '2026-03-01' }, { startDate: '2026-03-01', endDate: null })).toBe(true);
    expect(rangesOverlap({ startDate: '2026-01-01', endDate: '2026-02-28' }, { startDate: '2026-03-01', endDate: null })).toBe(false);
  });

  it('when key-task actions are applied, then only the drawn transitions exist', () => {
    expect(nextKeyTaskStatus('planned', 'start')).toBe('in_progress');
    expect(nextKeyTaskStatus('planned', 'complete')).toBeNull();
    expect(nextKeyTaskStatus('in_progress', 'stall')).toBe('stalled');
    expect(nextKeyTaskStatus('stalled', 'complete')).toBeNull();
    expect(nextKeyTaskStatus('done', 'resume')).toBeNull();
  });

  it('when milestones are sorted, then dated ones come first in date order', () => {
    const ms = sortMilestones([
      { title: 'c', dueDate: null, doneDate: null },
      { title: 'b', dueDate: '2026-05-01', doneDate: null },
      { title: 'a', dueDate: '2026-02-01', doneDate: '2026-02-01' },
    ]);
    expect(ms.map((m) => m.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('field scope', () => {
  const role = (r: PrincipalRole['role'], orgPath: string): PrincipalRole => ({ role: r, orgPath, orgUnitId: 'x', orgUnitName: 'x', orgLevel: 'city' });

  it('when a city leader reads, then only the paired villages are in scope and lists are their own', () => {
    const scope = fieldScopeOf({ roles: [role('city_leader', '/c/')] }, 'fieldwork:read', { personId: 'p1', pairedPaths: ['/c/t1/v1/', '/c/t2/v3/'] });
    expect(scope).toEqual({ paths: ['/c/t1/v1/', '/c/t2/v3/'], leaderId: 'p1' });
  });

  it('when a leader is also the department administrator, then the city is in scope and no leader filter applies', () => {
    const scope = fieldScopeOf({ roles: [role('city_leader', '/c/'), role('orgadmin', '/c/')] }, 'fieldwork:read', { personId: 'p1', pairedPaths: ['/c/t1/v1/'] });
    expect(scope).toEqual({ paths: ['/c/'], leaderId: null });
  });

  it('when a leader account has no person, then it sees nothing and matches no leader', () => {
    const scope = fieldScopeOf({ roles: [role('city_leader', '/c/')] }, 'visit:write', { personId: null, pairedPaths: [] });
    expect(scope.paths).toEqual([]);
    expect(scope.leaderId).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('when a role lacks the permission, then it adds nothing', () => {
    expect(fieldScopeOf({ roles: [role('village_admin', '/c/t1/v1/')] }, 'pairing:write', null)).toEqual({ paths: [], leaderId: null });
    expect(fieldScopeOf({ roles: [role('town_admin', '/c/t1/'), role('village_admin', '/c/t1/v1/')] }, 'service:write', null).paths).toEqual(['/c/t1/']);
  });
});
