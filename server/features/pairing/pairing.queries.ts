import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits, people, positions, users } from '../../db/schema/core.js';
import { leaderVisits, pairings, visitRules } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';
import type { FieldScope } from './field-scope.js';
import type { PairingRow } from './pairing.js';

export const town = alias(orgUnits, 'town');

/** The account's linked person (a city leader acting as themselves). */
export async function selectUserPersonId(db: Db, countyId: string, userId: string): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(and(eq(users.countyId, countyId), eq(users.id, userId)));
  return row?.personId ?? null;
}

/** Every village a leader is or was paired with: their window on village-level field work. */
export async function selectLeaderVillagePaths(db: Db, countyId: string, leaderId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ path: pairings.orgPath })
    .from(pairings)
    .where(and(eq(pairings.countyId, countyId), eq(pairings.leaderId, leaderId)));
  return rows.map((r) => r.path);
}

/** Rows in the scope, and only the leader's own when the caller acts as a leader. */
export function pairingScope(scope: FieldScope, pathColumn: AnyColumn = pairings.orgPath, leaderColumn: AnyColumn = pairings.leaderId): SQL | undefined {
  return and(inSubtrees(pathColumn, scope.paths), scope.leaderId ? eq(leaderColumn, scope.leaderId) : undefined);
}

const lastVisit = sql<string | null>`(SELECT max(${leaderVisits.visitDate})::text FROM ${leaderVisits}
  WHERE ${leaderVisits.countyId} = ${pairings.countyId} AND ${leaderVisits.pairingId} = ${pairings.id})`;

const pairingColumns = {
  id: pairings.id,
  leaderId: pairings.leaderId,
  leaderName: people.name,
  villageId: pairings.villageId,
  villageName: orgUnits.name,
  townName: town.name,
  orgPath: pairings.orgPath,
  startDate: pairings.startDate,
  endDate: pairings.endDate,
  note: pairings.note,
  lastVisitDate: lastVisit,
};

const selectPairings = (db: Db) =>
  db
    .select(pairingColumns)
    .from(pairings)
    .innerJoin(people, keyJoin(people, pairings.countyId, pairings.leaderId))
    .innerJoin(orgUnits, keyJoin(orgUnits, pairings.countyId, pairings.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId));

export type PairingFilter = { leaderId?: string; underPath?: string; activeOn?: { day: string; active: boolean } };

function pairingFilters(countyId: string, scope: FieldScope, f: PairingFilter): SQL | undefined {
  const activeToday = f.activeOn
    ? and(lte(pairings.startDate, f.activeOn.day), or(isNull(pairings.endDate), gte(pairings.endDate, f.activeOn.day)))
    : undefined;
  return and(
    eq(pairings.countyId, countyId),
    pairingScope(scope),
    f.leaderId ? eq(pairings.leaderId, f.leaderId) : undefined,
    f.underPath ? inSubtrees(pairings.orgPath, [f.underPath]) : undefined,
    f.activeOn ? (f.activeOn.active ? activeToday : sql`NOT (${activeToday})`) : undefined,
  );
}

export async function listPairings(db: Db, countyId: string, scope: FieldScope, f: PairingFilter, page: { page: number; pageSize: number }) {
  const where = pairingFilters(countyId, scope, f);
  const [items, [total]] = await Promise.all([
    selectPairings(db)
      .where(where)
      .orderBy(asc(people.name), asc(orgUnits.code), asc(pairings.startDate), asc(pairings.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(pairings).where(where),
  ]);
  return { items: items as PairingRow[], total: Number(total?.n ?? 0) };
}

export async function selectPairing(db: Db, countyId: string, scope: FieldScope, id: string): Promise<PairingRow | undefined> {
  const [row] = await selectPairings(db).where(and(eq(pairings.countyId, countyId), eq(pairings.id, id), pairingScope(scope)));
  return row as PairingRow | undefined;
}

/** Pairings in force at some point of the year (compliance and figures). */
export async function selectPairingsOfYear(db: Db, countyId: string, scope: FieldScope, year: number, leaderId?: string): Promise<PairingRow[]> {
  const rows = await selectPairings(db)
    .where(
      and(
        eq(pairings.countyId, countyId),
        pairingScope(scope),
        leaderId ? eq(pairings.leaderId, leaderId) : undefined,
        lte(pairings.startDate, `${year}-12-31`),
        or(isNull(pairings.endDate), gte(pairings.endDate, `${year}-01-01`)),
      ),
    )
    .orderBy(asc(people.name), asc(orgUnits.code), asc(pairings.id));
  return rows as PairingRow[];
}

export function selectPairingsOfLeaderVillage(db: Db, countyId: string, leaderId: string, villageId: string) {
  return db
    .select({ id: pairings.id, startDate: pairings.startDate, endDate: pairings.endDate })
    .from(pairings)
    .where(and(eq(pairings.countyId, countyId), eq(pairings.leaderId, leaderId), eq(pairings.villageId, villageId)));
}

export async function insertPairings(db: Db, rows: (typeof pairings.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(pairings).values(rows.slice(i, i + 500));
}

export async function updatePairing(db: Db, countyId: string, id: string, set: Partial<typeof pairings.$inferInsert>): Promise<void> {
  await db.update(pairings).set(set).where(and(eq(pairings.countyId, countyId), eq(pairings.id, id)));
}

/** A person holding (or having held) the 市级领导 title, with their name. */
export async function selectLeaderPerson(db: Db, countyId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.countyId, countyId),
        eq(people.id, personId),
        sql`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.personId} = ${people.id} AND ${positions.title} = '市级领导')`,
      ),
    );
  return row;
}

export async function selectPersonName(db: Db, countyId: string, personId: string) {
  const [row] = await db.select({ id: people.id, name: people.name, orgPath: people.orgPath }).from(people).where(and(eq(people.countyId, countyId), eq(people.id, personId)));
  return row;
}

export async function selectVisitRule(db: Db, countyId: string, year: number) {
  const [row] = await db.select().from(visitRules).where(and(eq(visitRules.countyId, countyId), eq(visitRules.year, year)));
  return row;
}

export async function upsertVisitRule(db: Db, row: typeof visitRules.$inferInsert): Promise<void> {
  await db
    .insert(visitRules)
    .values(row)
    .onConflictDoUpdate({ target: [visitRules.countyId, visitRules.year], set: { period: row.period, minVisits: row.minVisits, updatedAt: row.updatedAt } });
}

/** Visit dates per pairing within a year, for compliance. */
export async function selectVisitDates(db: Db, countyId: string, pairingIds: string[], year: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (pairingIds.length === 0) return out;
  const rows = await db
    .select({ pairingId: leaderVisits.pairingId, day: leaderVisits.visitDate })
    .from(leaderVisits)
    .where(
      and(
        eq(leaderVisits.countyId, countyId),
        inArray(leaderVisits.pairingId, pairingIds),
        gte(leaderVisits.visitDate, `${year}-01-01`),
        lte(leaderVisits.visitDate, `${year}-12-31`),
      ),
    )
    .orderBy(desc(leaderVisits.visitDate));
  for (const r of rows) out.set(r.pairingId, [...(out.get(r.pairingId) ?? []), r.day]);
  return out;
}
