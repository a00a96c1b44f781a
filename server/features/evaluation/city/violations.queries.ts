import { and, between, count, desc, eq, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { violationRecords } from '../../../db/schema/evaluation-city.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';
import type { ViolationListQuery } from '../../../../shared/contracts/evaluation-results.js';
import { yearRange } from './violations.js';

const reporter = alias(users, 'reporter');
const decider = alias(users, 'decider');
const village = alias(orgUnits, 'village');
const town = alias(orgUnits, 'town');

const columns = {
  record: violationRecords,
  villageName: village.name,
  townName: town.name,
  reportedByName: reporter.displayName,
  decidedByName: decider.displayName,
};
export type ViolationRow = { record: typeof violationRecords.$inferSelect; villageName: string; townName: string | null; reportedByName: string; decidedByName: string | null };

const selectRows = (db: Db) =>
  db
    .select(columns)
    .from(violationRecords)
    .innerJoin(village, keyJoin(village, violationRecords.countyId, violationRecords.villageId))
    .leftJoin(town, keyJoin(town, village.countyId, village.parentId))
    .innerJoin(reporter, keyJoin(reporter, violationRecords.countyId, violationRecords.reportedBy))
    .leftJoin(decider, keyJoin(decider, violationRecords.countyId, violationRecords.decidedBy));

function listWhere(countyId: string, scope: readonly string[], q: Partial<ViolationListQuery>) {
  const years = q.year ? yearRange(q.year) : null;
  return and(
    eq(violationRecords.countyId, countyId),
    inSubtrees(violationRecords.orgPath, scope),
    q.status ? eq(violationRecords.status, q.status) : undefined,
    q.category ? eq(violationRecords.category, q.category) : undefined,
    q.villageId ? eq(violationRecords.villageId, q.villageId) : undefined,
    // Paths are made of ids: a town's villages carry /<town id>/ in theirs.
    q.townId ? like(violationRecords.orgPath, `%/${q.townId}/%`) : undefined,
    years ? between(violationRecords.occurredOn, years.from, years.to) : undefined,
  );
}

export async function listViolationRows(db: Db, countyId: string, scope: readonly string[], q: ViolationListQuery) {
  const where = listWhere(countyId, scope, q);
  const [items, [total]] = await Promise.all([
    selectRows(db).where(where).orderBy(desc(violationRecords.seq)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(violationRecords).where(where),
  ]);
  return { items: items as ViolationRow[], total: Number(total?.n ?? 0) };
}

export async function selectViolationRow(db: Db, countyId: string, scope: readonly string[], id: string): Promise<ViolationRow | undefined> {
  const [row] = await selectRows(db).where(and(eq(violationRecords.countyId, countyId), inSubtrees(violationRecords.orgPath, scope), eq(violationRecords.id, id)));
  return row as ViolationRow | undefined;
}

/** Serializes numbering within a county (the city's unit row is the lock); UNIQUE (county, seq) backs it. */
export async function nextViolationSeq(db: Db, countyId: string): Promise<number> {
  await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.level, 'city'))).for('update');
  const [row] = await db.select({ max: sql<number>`coalesce(max(${violationRecords.seq}), 0)::int` }).from(violationRecords).where(eq(violationRecords.countyId, countyId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertViolations(db: Db, rows: (typeof violationRecords.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(violationRecords).values(rows.slice(i, i + 200));
}

export async function updateViolation(db: Db, countyId: string, id: string, set: Partial<typeof violationRecords.$inferInsert>): Promise<void> {
  await db.update(violationRecords).set(set).where(and(eq(violationRecords.countyId, countyId), eq(violationRecords.id, id)));
}

/** Confirmed records that happened in the year: what the rating of that year's campaign sees. */
export function selectConfirmedViolations(db: Db, countyId: string, year: number) {
  const { from, to } = yearRange(year);
  return db
    .select({ villageId: violationRecords.villageId, seq: violationRecords.seq, category: violationRecords.category, occurredOn: violationRecords.occurredOn })
    .from(violationRecords)
    .where(and(eq(violationRecords.countyId, countyId), eq(violationRecords.status, 'confirmed'), between(violationRecords.occurredOn, from, to)));
}

/** A village's records of a year, for its evaluation page (no personal columns). */
export function selectVillageViolations(db: Db, countyId: string, villageId: string, year: number) {
  const { from, to } = yearRange(year);
  return db
    .select({ id: violationRecords.id, seq: violationRecords.seq, category: violationRecords.category, status: violationRecords.status, occurredOn: violationRecords.occurredOn })
    .from(violationRecords)
    .where(and(eq(violationRecords.countyId, countyId), eq(violationRecords.villageId, villageId), between(violationRecords.occurredOn, from, to)))
    .orderBy(violationRecords.seq);
}
