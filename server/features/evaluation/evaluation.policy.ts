import type { EvaluationStage } from '../../../shared/contracts/campaigns.js';
import type { Permission } from '../../../shared/roles.js';
import type { Principal } from '../auth/principal.js';
import { hasPermission, isInScope, scopePaths } from '../auth/principal.js';

export const scorePermission: Record<EvaluationStage, Permission> = {
  mutual: 'score:mutual',
  department: 'score:department',
  city: 'score:city',
};

/** Results and sheets are read within the campaign:read subtrees. */
export const campaignReadScope = (p: Principal) => scopePaths(p, 'campaign:read');

/** Nobody scores their own town or village: any role of the caller whose subtree holds it. */
export function isOwnUnit(p: Principal, villagePath: string): boolean {
  return p.roles.some((r) => r.orgLevel !== 'city' && (villagePath.startsWith(r.orgPath) || r.orgPath.startsWith(villagePath)));
}

export function mayScore(p: Principal, stage: EvaluationStage): boolean {
  return hasPermission(p, scorePermission[stage]);
}

export function mayScoreCity(p: Principal, villagePath: string): boolean {
  return isInScope(scopePaths(p, 'score:city'), villagePath);
}
