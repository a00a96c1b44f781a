// Training sessions: the only SQL about sessions and their sign-in links.
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/core.js';
import { trainingAttendance, trainingSessions } from '../../db/schema/training.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import type { SessionListQuery } from '../../../shared/contracts/training.js';
import type { AttendanceCounts, SessionRow } from './training.js';

export const sessionColumns = {
  id: trainingSessions.id,
  courseType: trainingSessions.courseType,
  category: trainingSessions.category,
  topic: trainingSessions.topic,
  orgUnitId: trainingSessions.orgUnitId,
  orgUnitName: orgUnits.name,
  orgPath: trainingSessions.orgPath,
  organizer: trainingSessions.organizer,
  partners: trainingSessions.partners,
  lecturer: trainingSessions.lecturer,
  date: trainingSessions.sessionDate,
  endDate: trainingSessions.endDate,
  place: trainingSessions.place,
  hours: trainingSessions.hours,
  audience: trainingSessions.audience,
  capacity: trainingSessions.capacity,
  summary: trainingSessions.summary,
  status: trainingSessions.status,
  signInState: trainingSessions.signInState,
};

const selectSessions = (db: Db) =>
  db.select(sessionColumns).from(trainingSessions).innerJoin(orgUnits, keyJoin(orgUnits, trainingSessions.countyId, trainingSessions.orgUnitId));

/** Sessions organized inside the scope, or above it (a city session reaches every village). */
function sessionInView(scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  const above = scope.map((p) => sql`${p} LIKE ${trainingSessions.orgPath} || '%'`);
  return or(inSubtrees(trainingSessions.orgPath, scope), ...above) as SQL;
}

/** A session the caller may see (organized in or above their scope), else undefined: a 404. */
export async function selectVisibleSession(db: Db, countyId: string, readScope: readonly string[], id: string): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(db).where(and(eq(trainingSessions.countyId, countyId), eq(trainingSessions.id, id), sessionInView(readScope)));
  return row;
}

/** A session the caller may change: organized inside their write scope. */
export async function selectWritableSession(db: Db, countyId: string, writeScope: readonly string[], id: string): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(db).where(and(eq(trainingSessions.countyId, countyId), eq(trainingSessions.id, id), inSubtrees(trainingSessions.orgPath, writeScope)));
  return row;
}

export type SessionFilter = Omit<Partial<SessionListQuery>, 'page' | 'pageSize'>;

function sessionFilters(countyId: string, readScope: readonly string[], f: SessionFilter): SQL | undefined {
  return and(
    eq(trainingSessions.countyId, countyId),
    sessionInView(readScope),
    f.year ? sql`${trainingSessions.sessionDate} BETWEEN ${`${f.year}-01-01`} AND ${`${f.year}-12-31`}` : undefined,
    f.courseType ? eq(trainingSessions.courseType, f.courseType) : undefined,
    f.category ? eq(trainingSessions.category, f.category) : undefined,
    f.status ? eq(trainingSessions.status, f.status) : undefined,
    f.q ? or(ilike(trainingSessions.topic, containsText(f.q)), ilike(trainingSessions.lecturer, containsText(f.q)), ilike(trainingSessions.place, containsText(f.q))) : undefined,
  );
}

export async function listSessions(db: Db, countyId: string, readScope: readonly string[], f: SessionFilter, page: { page: number; pageSize: number }) {
  const where = sessionFilters(countyId, readScope, f);
  const [items, [total]] = await Promise.all([
    selectSessions(db)
      .where(where)
      .orderBy(desc(trainingSessions.sessionDate), asc(trainingSessions.topic), asc(trainingSessions.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(trainingSessions).where(where),
  ]);
  return { items: items as SessionRow[], total: Number(total?.n ?? 0) };
}

/** Attendance counts per session among the people inside the scope. */
export async function countAttendance(db: Db, countyId: string, scope: readonly string[], sessionIds: string[]): Promise<Map<string, AttendanceCounts>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({
      sessionId: trainingAttendance.sessionId,
      present: sql<number>`count(*) FILTER (WHERE ${trainingAttendance.status} = 'present')::int`,
      excused: sql<number>`count(*) FILTER (WHERE ${trainingAttendance.status} = 'excused')::int`,
      absent: sql<number>`count(*) FILTER (WHERE ${trainingAttendance.status} = 'absent')::int`,
      reports: sql<number>`count(${trainingAttendance.reportTitle})::int`,
    })
    .from(trainingAttendance)
    .innerJoin(people, and(eq(people.id, trainingAttendance.personId), eq(people.countyId, trainingAttendance.countyId)))
    .where(and(eq(trainingAttendance.countyId, countyId), inArray(trainingAttendance.sessionId, sessionIds), inSubtrees(people.orgPath, scope)))
    .groupBy(trainingAttendance.sessionId);
  return new Map(rows.map(({ sessionId, ...c }) => [sessionId, { present: Number(c.present), excused: Number(c.excused), absent: Number(c.absent), reports: Number(c.reports) }]));
}

export async function insertSessions(db: Db, rows: (typeof trainingSessions.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(trainingSessions).values(rows.slice(i, i + 500));
}

/** Bulk attendance rows (the demo); regular writes go through attendance.queries.ts. */
export async function insertAttendanceRows(db: Db, rows: (typeof trainingAttendance.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(trainingAttendance).values(rows.slice(i, i + 500));
}

export async function updateSession(db: Db, countyId: string, id: string, set: Partial<typeof trainingSessions.$inferInsert>): Promise<void> {
  await db.update(trainingSessions).set(set).where(and(eq(trainingSessions.countyId, countyId), eq(trainingSessions.id, id)));
}

export async function selectSignInSecret(db: Db, countyId: string, id: string) {
  const [row] = await db
    .select({ tokenEnc: trainingSessions.signInTokenEnc, openedAt: trainingSessions.signInOpenedAt, closedAt: trainingSessions.signInClosedAt })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.countyId, countyId), eq(trainingSessions.id, id)));
  return row;
}

/** The public link: the token's hash is the only key (no county: the caller has none). */
export async function selectSessionByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ ...sessionColumns, countyId: trainingSessions.countyId })
    .from(trainingSessions)
    .innerJoin(orgUnits, keyJoin(orgUnits, trainingSessions.countyId, trainingSessions.orgUnitId))
    .where(eq(trainingSessions.signInTokenHash, tokenHash));
  return row as (SessionRow & { countyId: string }) | undefined;
}

/** The organizing unit: the city or a town inside the caller's write scope. */
export async function selectOrganizerUnit(db: Db, countyId: string, scope: readonly string[], id: string) {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, level: orgUnits.level, active: orgUnits.active })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.id, id), inSubtrees(orgUnits.path, scope)));
  return row;
}
