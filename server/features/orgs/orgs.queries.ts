import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import type { OrgUnitListQuery } from '../../../shared/contracts/org-units.js';
import type { OrgRow } from './orgs.js';
import type { OpenPage } from '../../../shared/contracts/common.js';
import { openPage } from '../../db/open-page.js';
import { perHandle } from '../../db/prepared.js';

const parent = alias(orgUnits, 'parent');

const orgColumns = {
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
};

const selectOrgs = (db: Db) => db.select(orgColumns).from(orgUnits).leftJoin(parent, keyJoin(parent, orgUnits.countyId, orgUnits.parentId));

// One unit by key within the caller's subtrees: on many requests' path (GET /api/org-units/:id and
// most village-level checks), so one named prepared statement per database handle; the scope goes
// in as one array of prefixes, whatever the number of the caller's roles.
const selectOrgUnitStatement = perHandle((db) =>
  selectOrgs(db)
    .where(
      and(
        eq(orgUnits.countyId, sql.placeholder('countyId')),
        eq(orgUnits.id, sql.placeholder('id')),
        sql`${orgUnits.path} LIKE ANY (${sql.placeholder('prefixes')}::text[])`,
      ),
    )
    .prepare('fivestar_org_unit'),
);

export async function selectOrgUnit(db: Db, countyId: string, scope: readonly string[], id: string): Promise<OrgRow | undefined> {
  if (scope.length === 0) return undefined;
  const [row] = await selectOrgUnitStatement(db).execute({ countyId, id, prefixes: scope.map((p) => `${p}%`) });
  return row;
}

export async function selectOrgUnitByCode(db: Db, countyId: string, code: string) {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.code, code)));
  return row;
}

function listFilters(countyId: string, scope: readonly string[], q: Partial<OrgUnitListQuery>): SQL | undefined {
  return and(
    eq(orgUnits.countyId, countyId),
    inSubtrees(orgUnits.path, scope),
    q.level ? eq(orgUnits.level, q.level) : undefined,
    q.parentId ? eq(orgUnits.parentId, q.parentId) : undefined,
    q.active !== undefined ? eq(orgUnits.active, q.active) : undefined,
    q.q ? or(ilike(orgUnits.name, containsText(q.q)), ilike(orgUnits.code, containsText(q.q))) : undefined,
  );
}

type ListShape = { level: boolean; parent: boolean; active: boolean; search: boolean };
const listShapeName = (s: ListShape) => `${s.level ? 'l' : ''}${s.parent ? 'p' : ''}${s.active ? 'a' : ''}${s.search ? 'q' : ''}`;
const ph = (name: string) => sql.placeholder(name);

/**
 * A page of the unit list for one filter shape (at most 16), built once per database handle and
 * sent as a named prepared statement: the list page was the one hot read still built and parsed on
 * every request. The caller's subtrees go in as one array of prefixes, as for the one-unit read.
 */
function buildListPage(db: Db, shape: ListShape) {
  return selectOrgs(db)
    .where(
      and(
        eq(orgUnits.countyId, ph('countyId')),
        sql`${orgUnits.path} LIKE ANY (${ph('prefixes')}::text[])`,
        shape.level ? eq(orgUnits.level, ph('level')) : undefined,
        shape.parent ? eq(orgUnits.parentId, ph('parentId')) : undefined,
        shape.active ? eq(orgUnits.active, ph('active')) : undefined,
        shape.search ? or(ilike(orgUnits.name, ph('search')), ilike(orgUnits.code, ph('search'))) : undefined,
      ),
    )
    .orderBy(asc(sql`length(${orgUnits.path})`), asc(orgUnits.sortOrder), asc(orgUnits.code))
    .limit(ph('limit'))
    .offset(ph('offset'))
    .prepare(`fivestar_org_list_${listShapeName(shape)}`);
}

const listPageStatements = new Map<string, (db: Db) => ReturnType<typeof buildListPage>>();

function listPageStatement(shape: ListShape) {
  const name = listShapeName(shape);
  let statement = listPageStatements.get(name);
  if (!statement) {
    statement = perHandle((handle) => buildListPage(handle, shape));
    listPageStatements.set(name, statement);
  }
  return statement;
}

/**
 * One page of units, with one row past it to say whether more follow. Counted only when asked or
 * when the list is one unit's children (a town's villages); never the whole tree on every page.
 */
export async function listOrgUnits(db: Db, countyId: string, scope: readonly string[], q: OrgUnitListQuery): Promise<OpenPage<OrgRow>> {
  const shape: ListShape = { level: q.level !== undefined, parent: q.parentId !== undefined, active: q.active !== undefined, search: Boolean(q.q) };
  const values = {
    countyId,
    prefixes: scope.map((p) => `${p}%`),
    level: q.level,
    parentId: q.parentId,
    active: q.active,
    search: q.q ? containsText(q.q) : undefined,
  };
  return openPage(
    q,
    (limit, offset) => (scope.length === 0 ? Promise.resolve([]) : listPageStatement(shape)(db).execute({ ...values, limit, offset })),
    async () => Number((await db.select({ n: count() }).from(orgUnits).where(listFilters(countyId, scope, q)))[0]?.n ?? 0),
    q.count === true || q.parentId !== undefined,
  );
}

/** Every unit in scope (a county is a few hundred rows): tree view, exports, imports. */
export function selectAllOrgUnits(db: Db, countyId: string, scope: readonly string[]): Promise<OrgRow[]> {
  return selectOrgs(db)
    .where(listFilters(countyId, scope, {}))
    .orderBy(asc(sql`length(${orgUnits.path})`), asc(orgUnits.sortOrder), asc(orgUnits.code));
}

export async function insertOrgUnit(db: Db, row: typeof orgUnits.$inferInsert): Promise<void> {
  await db.insert(orgUnits).values(row);
}

export async function updateOrgUnit(db: Db, countyId: string, id: string, set: Partial<typeof orgUnits.$inferInsert>): Promise<void> {
  await db.update(orgUnits).set(set).where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.id, id)));
}

export async function countActiveChildren(db: Db, countyId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.parentId, id), eq(orgUnits.active, true)));
  return Number(row?.n ?? 0);
}

/** A moved village takes its people's scope path along. */
export async function updatePeoplePaths(db: Db, countyId: string, orgUnitId: string, orgPath: string): Promise<void> {
  await db.update(people).set({ orgPath }).where(and(eq(people.countyId, countyId), eq(people.orgUnitId, orgUnitId)));
}

export async function selectCountyCodes(db: Db, countyId: string): Promise<Set<string>> {
  const rows = await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.countyId, countyId));
  return new Set(rows.map((r) => r.code));
}

export async function insertOrgUnits(db: Db, rows: (typeof orgUnits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(orgUnits).values(rows.slice(i, i + 500));
}

/** The city units (tenants) in the database, optionally the one with a code. */
export function selectCities(db: Db, code?: string) {
  return db.select().from(orgUnits).where(and(eq(orgUnits.level, 'city'), code ? eq(orgUnits.code, code) : undefined));
}

export async function countAllOrgUnits(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orgUnits);
  return Number(row?.n ?? 0);
}
