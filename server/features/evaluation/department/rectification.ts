// 整改: the panel (or the department) sets a task with a deadline; the village submits what it did
// with evidence; the panel or the department verifies it or returns it for another round.
import type { CampaignStatus } from '../../../../shared/contracts/campaigns.js';
import type { RectificationStatus } from '../../../../shared/contracts/evaluation-stages.js';

export type RectificationMove = 'submit' | 'verify' | 'return';

const moves: Record<RectificationMove, { from: readonly RectificationStatus[]; to: RectificationStatus }> = {
  submit: { from: ['open', 'returned'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'verified' },
  return: { from: ['submitted'], to: 'returned' },
};

/** The status a move leads to, or null when the move is illegal from this status. */
export function nextRectificationStatus(status: RectificationStatus, move: RectificationMove): RectificationStatus | null {
  const m = moves[move];
  return m.from.includes(status) ? m.to : null;
}

/** Waiting for the village (open or returned) after the deadline day. */
export function isOverdue(task: { status: RectificationStatus; deadline: string }, today: string): boolean {
  return (task.status === 'open' || task.status === 'returned') && today > task.deadline;
}

/** Why tasks cannot be created now; null when they can (during stage 2 and stage 3). */
export function rectificationCreateLock(status: CampaignStatus): string | null {
  switch (status) {
    case 'draft':
    case 'mutual':
      return '部门点评开始后才能下达整改任务';
    case 'department':
    case 'city':
      return null;
    case 'notice':
      return '结果公示期间不能再新建整改任务';
    case 'final':
      return '本年度已定星，整改任务只读';
  }
}

/** Why tasks cannot be handled (edited, submitted, verified, returned) now; null when they can. */
export function rectificationHandleLock(status: CampaignStatus): string | null {
  return status === 'final' ? '本年度已定星，整改任务只读' : null;
}
