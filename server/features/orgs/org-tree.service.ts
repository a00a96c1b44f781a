// The org tree loaded as it is opened (lazy children) and searched by name, so a province's tree
// (10,000 villages) is never built or sent whole.
import type { Ctx } from '../../context.js';
import { AppError } from '../../../shared/errors.js';
import { orgTreeSearchLimit, type OrgLazyNode, type OrgTreeSearch } from '../../../shared/contracts/org-units.js';
import { presentOrgUnit, type OrgRow } from './orgs.js';
import { orgReadScope } from './orgs.policy.js';
import { selectOrgUnit } from './orgs.queries.js';
import { searchTree, selectChildren, selectScopeRoots } from './org-tree.queries.js';

/** The ids above the unit down from the caller's top unit: what the tree opens to show it. */
function ancestorsInScope(path: string, scope: readonly string[]): string[] {
  const ids = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < ids.length - 1; i++) {
    const prefix = `/${ids.slice(0, i + 1).join('/')}/`;
    if (scope.some((p) => prefix.startsWith(p))) out.push(ids[i] as string);
  }
  return out;
}

function present(row: OrgRow & { childCount: number }, scope: readonly string[]): OrgLazyNode {
  return { ...presentOrgUnit(row), childCount: Number(row.childCount), ancestorIds: ancestorsInScope(row.path, scope) };
}

/** Without a parent: the caller's top units. A parent outside the caller's scope is not found. */
export async function getTreeChildren(ctx: Ctx, parentId: string | undefined): Promise<OrgLazyNode[]> {
  const scope = orgReadScope(ctx.principal);
  const countyId = ctx.principal.countyId;
  if (!parentId) return (await selectScopeRoots(ctx.db, countyId, scope)).map((r) => present(r, scope));
  if (!(await selectOrgUnit(ctx.db, countyId, scope, parentId))) throw new AppError('org.not_found');
  return (await selectChildren(ctx.db, countyId, scope, parentId)).map((r) => present(r, scope));
}

export async function searchOrgTree(ctx: Ctx, q: string): Promise<OrgTreeSearch> {
  const scope = orgReadScope(ctx.principal);
  const rows = await searchTree(ctx.db, ctx.principal.countyId, scope, q, orgTreeSearchLimit);
  return { items: rows.slice(0, orgTreeSearchLimit).map((r) => present(r, scope)), more: rows.length > orgTreeSearchLimit };
}
