// Pure rules of town supervision: a finding stays open until closed with what was done; the
// town may reopen it with a reason.
import type { FindingStatus } from '../../../shared/contracts/fieldwork-supervision.js';

export type FindingAction = 'close' | 'reopen';

const moves: Record<FindingAction, { from: FindingStatus; to: FindingStatus }> = {
  close: { from: 'open', to: 'closed' },
  reopen: { from: 'closed', to: 'open' },
};

export function nextFindingStatus(status: FindingStatus, action: FindingAction): FindingStatus | null {
  return moves[action].from === status ? moves[action].to : null;
}

export function isFindingOverdue(f: { status: FindingStatus; dueDate: string | null }, today: string): boolean {
  return f.status === 'open' && f.dueDate !== null && f.dueDate < today;
}
