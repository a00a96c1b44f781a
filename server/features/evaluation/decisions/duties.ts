// Pure: separation of duties in the violation register (ASVS 4.3.3, 等保 8.1.4.2). The officer
// who registered a record never decides or revises it, and nobody who scores villages (a judge,
// a mutual-evaluation team member, the department's assessors) decides a veto: the person who
// weighs a village's merits must not also be the one who removes its stars.
import type { Principal } from '../../auth/principal.js';
import { hasPermission } from '../../auth/principal.js';
import type { ErrorCode } from '../../../../shared/errors.js';

const scoring = ['score:mutual', 'score:department', 'score:city'] as const;

export function decisionRefusal(principal: Pick<Principal, 'userId' | 'roles'>, record: { reportedBy: string }): ErrorCode | null {
  if (scoring.some((p) => hasPermission(principal, p))) return 'violation.scorer_cannot_decide';
  if (record.reportedBy === principal.userId) return 'violation.own_record';
  return null;
}
