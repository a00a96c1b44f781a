import type { Principal } from '../auth/principal.js';
import { isInScope, scopePaths } from '../auth/principal.js';

/** Records (attendance, coverage, experts) are read where the caller holds training:read. */
export const trainingReadScope = (p: Principal) => scopePaths(p, 'training:read');
/** Sessions are changed by their organizer: the department (city) or a town for its own. */
export const trainingWriteScope = (p: Principal) => scopePaths(p, 'training:write');

/**
 * A session is seen by those inside the organizer's subtree (a city session reaches every town and
 * village) and by those above it (the department sees a town's sessions).
 */
export function sessionVisible(scope: readonly string[], orgPath: string): boolean {
  return isInScope(scope, orgPath) || scope.some((p) => p.startsWith(orgPath));
}

export function sessionWritable(writeScope: readonly string[], orgPath: string): boolean {
  return isInScope(writeScope, orgPath);
}
