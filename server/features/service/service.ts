// Pure rules of the village level: the commitment and problem state machines, who may close a
// problem, what counts as overdue.
import { problemStatusLabels, type CommitmentOutcome, type CommitmentStatus, type ProblemStatus } from '../../../shared/contracts/fieldwork-service.js';
import type { Principal } from '../auth/principal.js';

export const commitmentActions = ['submit', 'approve', 'return', 'start', 'settle', 'publish'] as const;
export type CommitmentAction = (typeof commitmentActions)[number];

const commitmentMoves: Record<CommitmentAction, { from: readonly CommitmentStatus[]; to: CommitmentStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  start: { from: ['approved'], to: 'in_progress' },
  settle: { from: ['in_progress'], to: 'settled' },
  publish: { from: ['settled'], to: 'published' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextCommitmentStatus(status: CommitmentStatus, action: CommitmentAction): CommitmentStatus | null {
  const move = commitmentMoves[action];
  return move.from.includes(status) ? move.to : null;
}

/** Only what the town has not yet accepted can be rewritten. */
export const isCommitmentEditable = (status: CommitmentStatus) => status === 'draft' || status === 'returned';

/**
 * What a year-end verdict needs: fulfilled needs evidence; partly needs both a reason and
 * evidence; not fulfilled needs the reason. Returns the missing fields.
 */
export function missingOutcomeFields(outcome: CommitmentOutcome, reason: string, evidence: string): string[] {
  const missing: string[] = [];
  if (outcome !== 'fulfilled' && !reason.trim()) missing.push('reason');
  if (outcome !== 'unfulfilled' && !evidence.trim()) missing.push('evidence');
  return missing;
}

export const problemActions = ['claim', 'release', 'start', 'resolve', 'confirm', 'reopen'] as const;
export type ProblemAction = (typeof problemActions)[number];

const problemMoves: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus }> = {
  claim: { from: ['open'], to: 'claimed' },
  release: { from: ['claimed'], to: 'open' },
  start: { from: ['claimed'], to: 'in_progress' },
  resolve: { from: ['claimed', 'in_progress'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'confirmed' },
  reopen: { from: ['resolved', 'confirmed'], to: 'in_progress' },
};

export function nextProblemStatus(status: ProblemStatus, action: ProblemAction): ProblemStatus | null {
  const move = problemMoves[action];
  return move.from.includes(status) ? move.to : null;
}

export const closedProblemStatuses: readonly ProblemStatus[] = ['resolved', 'confirmed'];
export const isProblemEditable = (status: ProblemStatus) => !closedProblemStatuses.includes(status);

export function isProblemOverdue(p: { status: ProblemStatus; dueDate: string | null }, today: string): boolean {
  return !closedProblemStatuses.includes(p.status) && p.dueDate !== null && p.dueDate < today;
}

/**
 * Who may work a claimed problem to its closure (销号): the account that claimed it, or the
 * village's administrator. Anyone else with write access may only claim open items.
 */
export function mayWorkOn(principal: Pick<Principal, 'userId' | 'roles'>, problem: { claimedBy: string | null; orgPath: string }): boolean {
  if (problem.claimedBy === principal.userId) return true;
  return principal.roles.some((r) => r.role === 'village_admin' && problem.orgPath.startsWith(r.orgPath));
}

/**
 * Why a problem's 销号材料 cannot change now, or null while it can: only while it is being worked,
 * the states 销号 starts from. After 销号 the files are what was closed on; a reopen frees them.
 */
export function problemFilesLock(status: ProblemStatus): string | null {
  if (nextProblemStatus(status, 'resolve')) return null;
  return status === 'open' ? '问题尚未认领，认领后才能上传销号材料' : `问题${problemStatusLabels[status]}，材料不能再改动`;
}

/** The year a dated record belongs to. */
export const yearOf = (day: string) => Number(day.slice(0, 4));
