import { describe, expect, it } from 'vitest';
import { violationSummary, visibleStages } from './history.js';

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
    expect(violationSummary(records, true).map((r) => [r.caseNo, r.status, r.occurredOn])).toEqual([
      ['WJ000001', 'confirmed', '2026-03-01'],
      ['WJ000002', 'dismissed', '2026-03-02'],
    ]);
  });

  it('when anyone else reads, then only confirmed categories show, without number, date or id', () => {
    expect(violationSummary(records, false)).toEqual([{ category: 'discipline', categoryLabel: '违反党规党纪', status: 'confirmed', occurredOn: null, id: null, caseNo: null }]);
  });
});
