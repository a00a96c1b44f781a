import { describe, expect, it } from 'vitest';
import { casesInSteps, violationSummary, visibleStages } from './history.js';

describe('which stages a reader sees', () => {
  it('when the campaign runs, then readers see the closed stages only; the department sees all; after the proposal is public, everyone does', () => {
    expect(visibleStages('draft', false)).toEqual([]);
    expect(visibleStages('mutual', false)).toEqual([]);
    expect(visibleStages('department', false)).toEqual(['mutual']);
    expect(visibleStages('city', false)).toEqual(['mutual', 'department']);
    expect(visibleStages('notice', false)).toEqual(['mutual', 'department', 'city']);
    expect(visibleStages('final', false)).toEqual(['mutual', 'department', 'city']);
    expect(visibleStages('mutual', true)).toEqual(['mutual', 'department', 'city']);
  });
});

describe('violation summary', () => {
  const records = [
    { id: 'a', seq: 1, category: 'discipline' as const, status: 'confirmed' as const, occurredOn: '2026-03-01' },
    { id: 'b', seq: 2, category: 'crime' as const, status: 'dismissed' as const, occurredOn: '2026-03-02' },
  ];

  it('when an officer reads, then every record shows with its case number and date', () => {
    expect(violationSummary(records, true, new Set(['WJ000001'])).map((r) => [r.caseNo, r.status, r.occurredOn, r.inResult])).toEqual([
      ['WJ000001', 'confirmed', '2026-03-01', true],
      ['WJ000002', 'dismissed', '2026-03-02', false],
    ]);
  });

  it('when anyone else reads, then only confirmed categories show, without number, date or id', () => {
    expect(violationSummary(records, false, new Set())).toEqual([
      { category: 'discipline', categoryLabel: '违反党规党纪', status: 'confirmed', occurredOn: null, id: null, caseNo: null, inResult: false },
    ]);
  });

  it('when the engine’s steps name cases, then those case numbers are found in veto and unlisted-violation steps only', () => {
    const steps = [
      { rule: 'veto', reasons: ['违反党规党纪（WJ000001，2026-03-01）经核查属实', '违反党规党纪（WJ000004，2026-03-09）经核查属实'] },
      { rule: 'violation_not_listed', reasons: ['治安问题（WJ000007，2026-04-01）经核查属实'] },
      { rule: 'level', reasons: ['WJ000009'] },
    ];
    expect([...casesInSteps(steps)]).toEqual(['WJ000001', 'WJ000004', 'WJ000007']);
  });
});
