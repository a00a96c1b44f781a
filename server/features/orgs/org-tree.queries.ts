// The tree one level at a time, and a name search over it, for a province-sized county: each
// answer is a few dozen rows, whatever the size of the tree.
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/core.js';
import { containsText, inSubtrees } from '../../db/scope.js';
import type { OrgRow } from './orgs.js';

const parent = alias(orgUnits, 'parent');

type TreeRow = OrgRow & { childCount: number };

function selectTreeRows(db: Db) {
  return db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      level: orgUnits.level,
      kind: orgUnits.kind,
      name: orgUnits.name,
      code: orgUnits.code,
      path: orgUnits.path,
      partyOrgType: orgUnits.partyOrgType,
      partyOrgName: orgUnits.partyOrgName,
      active: orgUnits.active,
      sortOrder: orgUnits.sortOrder,
      parentName: parent.name,
      // Counted on (county_id, parent_id): one index probe per node shown.
      childCount: sql<number>`(SELECT count(*)::int FROM org_units child WHERE child.county_id = ${orgUnits.countyId} AND child.parent_id = ${orgUnits.id})`,
    })
    .from(orgUnits)
    .leftJoin(parent, and(eq(parent.countyId, orgUnits.countyId), eq(parent.id, orgUnits.parentId)));
}

const order = [asc(orgUnits.sortOrder), asc(orgUnits.code)];

/** The units at the top of the caller's scope (the scope paths themselves). */
export async function selectScopeRoots(db: Db, countyId: string, scope: readonly string[]): Promise<TreeRow[]> {
  if (scope.length === 0) return [];
  return selectTreeRows(db)
    .where(and(eq(orgUnits.countyId, countyId), inArray(orgUnits.path, [...scope])))
    .orderBy(asc(sql`length(${orgUnits.path})`), ...order);
}

export async function selectChildren(db: Db, countyId: string, scope: readonly string[], parentId: string): Promise<TreeRow[]> {
  return selectTreeRows(db)
    .where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.parentId, parentId), inSubtrees(orgUnits.path, scope)))
    .orderBy(...order);
}

/** Units in scope whose name or code contains the text, shallowest first; `limit + 1` rows tell of more. */
export async function searchTree(db: Db, countyId: string, scope: readonly string[], text: string, limit: number): Promise<TreeRow[]> {
  const like = containsText(text);
  return selectTreeRows(db)
    .where(and(eq(orgUnits.countyId, countyId), inSubtrees(orgUnits.path, scope), or(ilike(orgUnits.name, like), ilike(orgUnits.code, like))))
    .orderBy(asc(sql`length(${orgUnits.path})`), ...order)
    .limit(limit + 1);
}
