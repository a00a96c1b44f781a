// The local-expert pool: experts are scoped through their person's current unit.
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { localExpertVillages, localExperts, trainingSessions } from '../../db/schema/training.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import type { ExpertListQuery } from '../../../shared/contracts/training.js';
import type { ExpertRow } from './experts.js';

const expertColumns = {
  id: localExperts.id,
  personId: localExperts.personId,
  name: people.name,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  kind: localExperts.kind,
  field: localExperts.field,
  specialty: localExperts.specialty,
  description: localExperts.description,
  cultivatedBySessionId: localExperts.cultivatedBySessionId,
  cultivatedTopic: trainingSessions.topic,
  cultivatedDate: trainingSessions.sessionDate,
  active: localExperts.active,
};

const selectExperts = (db: Db) =>
  db
    .select(expertColumns)
    .from(localExperts)
    .innerJoin(people, and(eq(people.id, localExperts.personId), eq(people.countyId, localExperts.countyId)))
    .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId))
    .leftJoin(trainingSessions, keyJoin(trainingSessions, localExperts.countyId, localExperts.cultivatedBySessionId));

export type ExpertFilter = Omit<Partial<ExpertListQuery>, 'orgUnitId' | 'page' | 'pageSize'> & { underPath?: string };

function expertFilters(countyId: string, scope: readonly string[], f: ExpertFilter): SQL | undefined {
  return and(
    eq(localExperts.countyId, countyId),
    inSubtrees(people.orgPath, scope),
    f.underPath ? inSubtrees(people.orgPath, [f.underPath]) : undefined,
    f.q ? or(ilike(localExperts.specialty, containsText(f.q)), ilike(people.name, containsText(f.q)), ilike(localExperts.description, containsText(f.q))) : undefined,
    f.field ? eq(localExperts.field, f.field) : undefined,
    f.kind ? eq(localExperts.kind, f.kind) : undefined,
    f.active !== undefined ? eq(localExperts.active, f.active) : undefined,
  );
}

export async function listExperts(db: Db, countyId: string, scope: readonly string[], f: ExpertFilter, page: { page: number; pageSize: number }) {
  const where = expertFilters(countyId, scope, f);
  const [items, [total]] = await Promise.all([
    selectExperts(db)
      .where(where)
      .orderBy(asc(localExperts.field), asc(orgUnits.code), asc(people.name), asc(localExperts.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(localExperts)
      .innerJoin(people, and(eq(people.id, localExperts.personId), eq(people.countyId, localExperts.countyId)))
      .where(where),
  ]);
  return { items: items as ExpertRow[], total: Number(total?.n ?? 0) };
}

export async function selectExpert(db: Db, countyId: string, scope: readonly string[], id: string): Promise<ExpertRow | undefined> {
  const [row] = await selectExperts(db).where(and(eq(localExperts.countyId, countyId), eq(localExperts.id, id), inSubtrees(people.orgPath, scope)));
  return row as ExpertRow | undefined;
}

export async function selectExpertIdOfPerson(db: Db, countyId: string, personId: string) {
  const [row] = await db.select({ id: localExperts.id }).from(localExperts).where(and(eq(localExperts.countyId, countyId), eq(localExperts.personId, personId)));
  return row;
}

export async function selectHelpedVillages(db: Db, countyId: string, expertIds: string[]) {
  if (expertIds.length === 0) return [];
  return db
    .select({ expertId: localExpertVillages.expertId, id: orgUnits.id, name: orgUnits.name })
    .from(localExpertVillages)
    .innerJoin(orgUnits, keyJoin(orgUnits, localExpertVillages.countyId, localExpertVillages.villageId))
    .where(and(eq(localExpertVillages.countyId, countyId), inArray(localExpertVillages.expertId, expertIds)))
    .orderBy(asc(orgUnits.code));
}

/** Active villages of the county among the ids (an expert may help beyond their own town). */
export async function selectVillageIds(db: Db, countyId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), inArray(orgUnits.id, ids), eq(orgUnits.level, 'village'), eq(orgUnits.active, true)));
  return new Set(rows.map((r) => r.id));
}

export async function insertExperts(db: Db, rows: (typeof localExperts.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(localExperts).values(rows.slice(i, i + 500));
}

export async function updateExpert(db: Db, countyId: string, id: string, set: Partial<typeof localExperts.$inferInsert>): Promise<void> {
  await db.update(localExperts).set(set).where(and(eq(localExperts.countyId, countyId), eq(localExperts.id, id)));
}

export async function insertHelpedVillages(db: Db, rows: (typeof localExpertVillages.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(localExpertVillages).values(rows.slice(i, i + 500));
}

export async function replaceHelpedVillages(db: Db, countyId: string, expertId: string, villageIds: string[]): Promise<void> {
  await db.delete(localExpertVillages).where(and(eq(localExpertVillages.countyId, countyId), eq(localExpertVillages.expertId, expertId)));
  await insertHelpedVillages(db, villageIds.map((villageId) => ({ countyId, expertId, villageId })));
}
