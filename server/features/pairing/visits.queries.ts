import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { leaderVisits, visitPhotos } from '../../db/schema/fieldwork.js';
import { inSubtrees, keyJoin } from '../../db/scope.js';
import type { FieldScope } from './field-scope.js';
import { pairingScope, town } from './pairing.queries.js';

export type VisitRow = {
  id: string;
  pairingId: string;
  leaderId: string;
  leaderName: string;
  villageId: string;
  villageName: string;
  townName: string | null;
  orgPath: string;
  visitDate: string;
  kind: string;
  companions: string;
  findings: string;
  followUp: string;
};

const visitColumns = {
  id: leaderVisits.id,
  pairingId: leaderVisits.pairingId,
  leaderId: leaderVisits.leaderId,
  leaderName: people.name,
  villageId: leaderVisits.villageId,
  villageName: orgUnits.name,
  townName: town.name,
  orgPath: leaderVisits.orgPath,
  visitDate: leaderVisits.visitDate,
  kind: leaderVisits.kind,
  companions: leaderVisits.companions,
  findings: leaderVisits.findings,
  followUp: leaderVisits.followUp,
};

const selectVisits = (db: Db) =>
  db
    .select(visitColumns)
    .from(leaderVisits)
    .innerJoin(people, keyJoin(people, leaderVisits.countyId, leaderVisits.leaderId))
    .innerJoin(orgUnits, keyJoin(orgUnits, leaderVisits.countyId, leaderVisits.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId));

export type VisitFilter = { year?: number; leaderId?: string; underPath?: string; kind?: string };

const visitScope = (scope: FieldScope) => pairingScope(scope, leaderVisits.orgPath, leaderVisits.leaderId);

function visitFilters(countyId: string, scope: FieldScope, f: VisitFilter): SQL | undefined {
  return and(
    eq(leaderVisits.countyId, countyId),
    visitScope(scope),
    f.year ? gte(leaderVisits.visitDate, `${f.year}-01-01`) : undefined,
    f.year ? lte(leaderVisits.visitDate, `${f.year}-12-31`) : undefined,
    f.leaderId ? eq(leaderVisits.leaderId, f.leaderId) : undefined,
    f.underPath ? inSubtrees(leaderVisits.orgPath, [f.underPath]) : undefined,
    f.kind ? eq(leaderVisits.kind, f.kind) : undefined,
  );
}

export async function listVisits(db: Db, countyId: string, scope: FieldScope, f: VisitFilter, page: { page: number; pageSize: number }) {
  const where = visitFilters(countyId, scope, f);
  const [items, [total]] = await Promise.all([
    selectVisits(db)
      .where(where)
      .orderBy(desc(leaderVisits.visitDate), asc(people.name), asc(leaderVisits.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(leaderVisits).where(where),
  ]);
  return { items: items as VisitRow[], total: Number(total?.n ?? 0) };
}

export async function selectVisitsForExport(db: Db, countyId: string, scope: FieldScope, f: VisitFilter, limit: number) {
  return (await selectVisits(db).where(visitFilters(countyId, scope, f)).orderBy(desc(leaderVisits.visitDate), asc(people.name)).limit(limit)) as VisitRow[];
}

export async function selectVisit(db: Db, countyId: string, scope: FieldScope, id: string): Promise<VisitRow | undefined> {
  const [row] = await selectVisits(db).where(and(eq(leaderVisits.countyId, countyId), eq(leaderVisits.id, id), visitScope(scope)));
  return row as VisitRow | undefined;
}

export async function insertVisits(db: Db, rows: (typeof leaderVisits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(leaderVisits).values(rows.slice(i, i + 500));
}

export async function selectPhotoIds(db: Db, countyId: string, visitIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (visitIds.length === 0) return out;
  const rows = await db
    .select({ id: visitPhotos.id, visitId: visitPhotos.visitId })
    .from(visitPhotos)
    .where(and(eq(visitPhotos.countyId, countyId), inArray(visitPhotos.visitId, visitIds)))
    .orderBy(asc(visitPhotos.createdAt), asc(visitPhotos.id));
  for (const r of rows) out.set(r.visitId, [...(out.get(r.visitId) ?? []), r.id]);
  return out;
}

export async function insertPhoto(db: Db, row: typeof visitPhotos.$inferInsert): Promise<void> {
  await db.insert(visitPhotos).values(row);
}

/** A photo, if its visit is one the caller may read. */
export async function selectPhoto(db: Db, countyId: string, scope: FieldScope, id: string) {
  const [row] = await db
    .select({ contentType: visitPhotos.contentType, data: visitPhotos.data, visitId: visitPhotos.visitId })
    .from(visitPhotos)
    .innerJoin(leaderVisits, keyJoin(leaderVisits, visitPhotos.countyId, visitPhotos.visitId))
    .where(and(eq(visitPhotos.countyId, countyId), eq(visitPhotos.id, id), visitScope(scope)));
  return row;
}

/** Visits per leader in a year, over the scope (the overview's chart). */
export async function countVisitsByLeader(db: Db, countyId: string, scope: FieldScope, year: number) {
  return db
    .select({ leaderId: leaderVisits.leaderId, name: people.name, visits: count() })
    .from(leaderVisits)
    .innerJoin(people, keyJoin(people, leaderVisits.countyId, leaderVisits.leaderId))
    .where(visitFilters(countyId, scope, { year }))
    .groupBy(leaderVisits.leaderId, people.name);
}
