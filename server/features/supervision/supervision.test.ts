import { describe, expect, it } from 'vitest';
import { isFindingOverdue, nextFindingStatus } from './supervision.js';

describe('findings', () => {
  it('when a finding is closed or reopened, then only open → closed → open exist', () => {
    expect(nextFindingStatus('open', 'close')).toBe('closed');
    expect(nextFindingStatus('closed', 'close')).toBeNull();
    expect(nextFindingStatus('closed', 'reopen')).toBe('open');
    expect(nextFindingStatus('open', 'reopen')).toBeNull();
  });

  it('when an open finding passes its due date, then it is overdue; a closed one never is', () => {
    expect(isFindingOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isFindingOverdue({ status: 'closed', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isFindingOverdue({ status: 'open', dueDate: null }, '2026-03-02')).toBe(false);
  });
});
