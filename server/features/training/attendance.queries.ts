// Attendance rows and the people they name. Attendance is scoped by the person's current unit.
import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people, positions } from '../../db/schema/core.js';
import { trainingAttendance } from '../../db/schema/training.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import type { AttendanceListQuery, AttendanceMethod, AttendanceStatus } from '../../../shared/contracts/training.js';
import type { AttendanceRow } from './attendance.js';

/** The titles a person holds on a day, comma-joined (portable: no array types across drivers). */
export const currentTitlesSql = (personId: SQL | typeof people.id, today: string) =>
  sql<string>`(SELECT coalesce(string_agg(DISTINCT ${positions.title}, ','), '') FROM ${positions}
    WHERE ${positions.personId} = ${personId} AND ${positions.startDate} <= ${today}
      AND (${positions.endDate} IS NULL OR ${positions.endDate} >= ${today}))`;

/** The person holds one of the titles on the day; no titles means no condition. */
function holdsTitles(titles: readonly string[], today: string): SQL | undefined {
  if (titles.length === 0) return undefined;
  return sql`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.personId} = ${people.id} AND ${inArray(positions.title, [...titles])}
    AND ${positions.startDate} <= ${today} AND (${positions.endDate} IS NULL OR ${positions.endDate} >= ${today}))`;
}

const attendanceColumns = (today: string) => ({
  id: trainingAttendance.id,
  sessionId: trainingAttendance.sessionId,
  personId: trainingAttendance.personId,
  personName: people.name,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  orgUnitCode: orgUnits.code,
  titles: currentTitlesSql(people.id, today),
  status: trainingAttendance.status,
  method: trainingAttendance.method,
  signedInAt: trainingAttendance.signedInAt,
  note: trainingAttendance.note,
  reportTitle: trainingAttendance.reportTitle,
  reportText: trainingAttendance.reportText,
  reportedOn: trainingAttendance.reportedOn,
});

const selectAttendance = (db: Db, today: string) =>
  db
    .select(attendanceColumns(today))
    .from(trainingAttendance)
    .innerJoin(people, and(eq(people.id, trainingAttendance.personId), eq(people.countyId, trainingAttendance.countyId)))
    .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId));

type AttendanceFilter = Partial<Pick<AttendanceListQuery, 'status' | 'q'>> & { today: string };

function attendanceFilters(countyId: string, scope: readonly string[], sessionId: string, f: AttendanceFilter): SQL | undefined {
  return and(
    eq(trainingAttendance.countyId, countyId),
    eq(trainingAttendance.sessionId, sessionId),
    inSubtrees(people.orgPath, scope),
    f.status ? eq(trainingAttendance.status, f.status) : undefined,
    f.q ? ilike(people.name, containsText(f.q)) : undefined,
  );
}

export async function listAttendance(db: Db, countyId: string, scope: readonly string[], sessionId: string, f: AttendanceFilter, page: { page: number; pageSize: number }) {
  const where = attendanceFilters(countyId, scope, sessionId, f);
  const [items, [total]] = await Promise.all([
    selectAttendance(db, f.today)
      .where(where)
      .orderBy(asc(orgUnits.code), asc(people.name), asc(trainingAttendance.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(trainingAttendance)
      .innerJoin(people, and(eq(people.id, trainingAttendance.personId), eq(people.countyId, trainingAttendance.countyId)))
      .where(where),
  ]);
  return { items: items as AttendanceRow[], total: Number(total?.n ?? 0) };
}

export async function selectAllAttendance(db: Db, countyId: string, scope: readonly string[], sessionId: string, today: string): Promise<AttendanceRow[]> {
  return (await selectAttendance(db, today)
    .where(attendanceFilters(countyId, scope, sessionId, { today }))
    .orderBy(asc(orgUnits.code), asc(people.name))) as AttendanceRow[];
}

export async function selectAttendanceOf(db: Db, countyId: string, sessionId: string, personId: string, today: string): Promise<AttendanceRow | undefined> {
  const [row] = await selectAttendance(db, today).where(
    and(eq(trainingAttendance.countyId, countyId), eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.personId, personId)),
  );
  return row as AttendanceRow | undefined;
}

export async function selectStatusesOf(db: Db, countyId: string, sessionId: string, personIds: string[]): Promise<Map<string, AttendanceStatus>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: trainingAttendance.personId, status: trainingAttendance.status })
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.countyId, countyId), eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.personId, personIds)));
  return new Map(rows.map((r) => [r.personId, r.status]));
}

export type AttendanceWrite = {
  countyId: string;
  sessionId: string;
  personId: string;
  status: AttendanceStatus;
  method: AttendanceMethod;
  note?: string | null;
  signedInAt?: Date | null;
  updatedAt: Date;
};

/** Insert or replace the status of each (session, person): one row per person and session. */
export async function upsertAttendance(db: Db, rows: AttendanceWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(trainingAttendance)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [trainingAttendance.countyId, trainingAttendance.sessionId, trainingAttendance.personId],
        set: {
          status: sql`excluded.status`,
          method: sql`excluded.method`,
          note: sql`excluded.note`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

/**
 * The QR sign-in: inserts a present row, or turns an excused/absent row present; a row already
 * present is left alone. Returns whether this call marked the person.
 */
export async function markPresentOnce(db: Db, row: Omit<AttendanceWrite, 'status' | 'method'>): Promise<boolean> {
  const result = await db
    .insert(trainingAttendance)
    .values({ ...row, status: 'present', method: 'qr' })
    .onConflictDoUpdate({
      target: [trainingAttendance.countyId, trainingAttendance.sessionId, trainingAttendance.personId],
      set: { status: 'present', method: 'qr', signedInAt: row.signedInAt, updatedAt: row.updatedAt },
      setWhere: sql`${trainingAttendance.status} <> 'present'`,
    })
    .returning({ id: trainingAttendance.id });
  return result.length > 0;
}

export async function updateReport(db: Db, countyId: string, id: string, report: { reportTitle: string; reportText: string; reportedOn: string; updatedAt: Date }) {
  await db.update(trainingAttendance).set(report).where(and(eq(trainingAttendance.countyId, countyId), eq(trainingAttendance.id, id)));
}

export type PersonRef = { id: string; name: string; orgPath: string; orgUnitName: string; orgUnitCode: string; titles: string; idNumberHmac: string | null };

const personRefColumns = (today: string) => ({
  id: people.id,
  name: people.name,
  orgPath: people.orgPath,
  orgUnitName: orgUnits.name,
  orgUnitCode: orgUnits.code,
  titles: currentTitlesSql(people.id, today),
  idNumberHmac: people.idNumberHmac,
});

export async function selectPersonRef(db: Db, countyId: string, scope: readonly string[], personId: string, today: string): Promise<PersonRef | undefined> {
  const [row] = await db
    .select(personRefColumns(today))
    .from(people)
    .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId))
    .where(and(eq(people.countyId, countyId), eq(people.id, personId), inSubtrees(people.orgPath, scope)));
  return row;
}

/** People of the given units (by code) inside the scope: what an attendance sheet can name. */
export async function selectPeopleOfUnits(db: Db, countyId: string, scope: readonly string[], codes: string[], today: string): Promise<PersonRef[]> {
  if (codes.length === 0) return [];
  return db
    .select(personRefColumns(today))
    .from(people)
    .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId))
    .where(and(eq(people.countyId, countyId), inArray(orgUnits.code, codes), inSubtrees(people.orgPath, scope)));
}

/** The audience of a session for the roster template: people under the organizer holding the titles. */
export async function selectAudience(db: Db, countyId: string, scope: readonly string[], titles: readonly string[], today: string): Promise<PersonRef[]> {
  const holds = holdsTitles(titles, today);
  return db
    .select(personRefColumns(today))
    .from(people)
    .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId))
    .where(and(eq(people.countyId, countyId), inSubtrees(people.orgPath, scope), holds))
    .orderBy(asc(orgUnits.code), asc(people.name))
    .limit(5000);
}

/** Sign-in candidates: same name, under the organizer, in the audience; with their contact data. */
export async function selectSignInCandidates(db: Db, countyId: string, underPath: string, name: string, titles: readonly string[], today: string) {
  const holds = holdsTitles(titles, today);
  return db
    .select({ id: people.id, name: people.name, phoneEnc: people.phoneEnc, idNumberEnc: people.idNumberEnc })
    .from(people)
    .where(and(eq(people.countyId, countyId), eq(people.name, name), inSubtrees(people.orgPath, [underPath]), holds))
    .limit(50);
}
