// Training records, coverage and year figures: aggregate SQL over attendance, sessions and
// positions. "Trained" means present at a session of the year that was not cancelled.
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people, positions } from '../../db/schema/core.js';
import { localExperts, trainingAttendance, trainingSessions } from '../../db/schema/training.js';
import { selectRows } from '../../db/rows.js';
import { andInVillages } from '../figures/figures.queries.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import { cadreTitles } from '../../../shared/contracts/training.js';
import type { CourseType, SessionStatus } from '../../../shared/contracts/training.js';
import { currentTitlesSql } from './attendance.queries.js';

type YearRange = { from: string; to: string };

/** Present attendance per person in the year: sessions, hours, last date. */
function yearTotals(db: Db, countyId: string, range: YearRange) {
  return db
    .select({
      personId: trainingAttendance.personId,
      sessions: sql<number>`count(*)::int`.as('sessions'),
      hours: sql<number>`sum(${trainingSessions.hours})::float8`.as('hours'),
      lastDate: sql<string>`max(${trainingSessions.sessionDate})::text`.as('last_date'),
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, and(eq(trainingSessions.id, trainingAttendance.sessionId), eq(trainingSessions.countyId, trainingAttendance.countyId)))
    .where(
      and(
        eq(trainingAttendance.countyId, countyId),
        eq(trainingAttendance.status, 'present'),
        sql`${trainingSessions.status} <> 'cancelled'`,
        sql`${trainingSessions.sessionDate} BETWEEN ${range.from} AND ${range.to}`,
      ),
    )
    .groupBy(trainingAttendance.personId)
    .as('year_totals');
}

/** The person held one of the titles at some time in the year. */
function heldDuring(titles: readonly string[], range: YearRange): SQL {
  return sql`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.personId} = ${people.id} AND ${inArray(positions.title, [...titles])}
    AND ${positions.startDate} <= ${range.to} AND (${positions.endDate} IS NULL OR ${positions.endDate} >= ${range.from}))`;
}

export type RecordFilter = { range: YearRange; underPath?: string; titles: readonly string[]; trained?: boolean; q?: string; today: string };

export async function listRecords(db: Db, countyId: string, scope: readonly string[], f: RecordFilter, page: { page: number; pageSize: number }) {
  const totals = yearTotals(db, countyId, f.range);
  const where = and(
    eq(people.countyId, countyId),
    inSubtrees(people.orgPath, scope),
    f.underPath ? inSubtrees(people.orgPath, [f.underPath]) : undefined,
    f.q ? ilike(people.name, containsText(f.q)) : undefined,
    // The groups' people, and anyone else who was trained this year.
    or(heldDuring(f.titles, f.range), sql`${totals.personId} IS NOT NULL`),
    f.trained === true ? sql`${totals.personId} IS NOT NULL` : f.trained === false ? sql`${totals.personId} IS NULL` : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        personId: people.id,
        name: people.name,
        orgUnitId: people.orgUnitId,
        orgUnitName: orgUnits.name,
        orgUnitCode: orgUnits.code,
        titles: currentTitlesSql(people.id, f.today),
        sessions: sql<number>`coalesce(${totals.sessions}, 0)::int`,
        hours: sql<number>`coalesce(${totals.hours}, 0)::float8`,
        lastDate: sql<string | null>`${totals.lastDate}`,
      })
      .from(people)
      .innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId))
      .leftJoin(totals, eq(totals.personId, people.id))
      .where(where)
      .orderBy(asc(orgUnits.code), asc(people.name), asc(people.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(people).innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId)).leftJoin(totals, eq(totals.personId, people.id)).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Every attendance of a person (all years), newest first; cancelled sessions left out. */
export async function selectPersonHistory(db: Db, countyId: string, personId: string) {
  return db
    .select({
      attendanceId: trainingAttendance.id,
      sessionId: trainingSessions.id,
      date: trainingSessions.sessionDate,
      courseType: trainingSessions.courseType,
      category: trainingSessions.category,
      topic: trainingSessions.topic,
      organizer: trainingSessions.organizer,
      hours: trainingSessions.hours,
      status: trainingAttendance.status,
      method: trainingAttendance.method,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, and(eq(trainingSessions.id, trainingAttendance.sessionId), eq(trainingSessions.countyId, trainingAttendance.countyId)))
    .where(and(eq(trainingAttendance.countyId, countyId), eq(trainingAttendance.personId, personId), sql`${trainingSessions.status} <> 'cancelled'`))
    .orderBy(sql`${trainingSessions.sessionDate} DESC`, asc(trainingSessions.topic));
}

/** Raw SQL below: a path expression lies in one of the subtrees. */
function under(expr: SQL, scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(scope.map((p) => sql`${expr} LIKE ${`${p}%`}`), sql` OR `)})`;
}

const cadreTitleList = sql.join(cadreTitles.map((t) => sql`${t}`), sql`, `);

/**
 * Per village in scope: its two-committee cadres of the year (positions held at that village at
 * any time in the year), how many were trained, and their hours.
 */
export async function selectVillageCoverage(db: Db, countyId: string, scope: readonly string[], range: YearRange, villageIds?: readonly string[]) {
  return selectRows<{ villageId: string; cadres: number; trained: number; hours: number }>(
    db,
    sql`WITH cadre AS (
      SELECT DISTINCT pos.person_id, pos.org_unit_id AS village_id
      FROM positions pos JOIN org_units u ON u.id = pos.org_unit_id AND u.county_id = pos.county_id
      WHERE pos.county_id = ${countyId} AND u.level = 'village' AND pos.title IN (${cadreTitleList})
        AND pos.start_date <= ${range.to} AND (pos.end_date IS NULL OR pos.end_date >= ${range.from})
        AND ${under(sql`u.path`, scope)} ${andInVillages(sql`u.id`, villageIds)}
    ), trained AS (
      SELECT a.person_id, sum(s.hours)::float8 AS hours
      FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id AND s.county_id = a.county_id
      WHERE a.county_id = ${countyId} AND a.status = 'present' AND s.status <> 'cancelled'
        AND s.session_date BETWEEN ${range.from} AND ${range.to}
        AND a.person_id IN (SELECT person_id FROM cadre)
      GROUP BY a.person_id
    )
    SELECT c.village_id AS "villageId", count(*)::int AS cadres, count(t.person_id)::int AS trained,
      coalesce(sum(t.hours), 0)::float8 AS hours
    FROM cadre c LEFT JOIN trained t ON t.person_id = c.person_id
    GROUP BY c.village_id`,
  );
}

export async function selectVillagesInScope(db: Db, countyId: string, scope: readonly string[], underPath?: string, villageIds?: readonly string[]) {
  const parent = sql`(SELECT t.name FROM org_units t WHERE t.county_id = ${orgUnits.countyId} AND t.id = ${orgUnits.parentId})`;
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, parentId: orgUnits.parentId, parentName: sql<string | null>`${parent}` })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.countyId, countyId),
        eq(orgUnits.level, 'village'),
        eq(orgUnits.active, true),
        inSubtrees(orgUnits.path, scope),
        underPath ? inSubtrees(orgUnits.path, [underPath]) : undefined,
        villageIds ? inArray(orgUnits.id, [...villageIds]) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.code));
}

export async function selectTownsInScope(db: Db, countyId: string, scope: readonly string[]) {
  // A village-scoped caller still sees its own town's row (above its scope, for its own village).
  const above = scope.map((p) => sql`${p} LIKE ${orgUnits.path} || '%'`);
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.countyId, countyId), eq(orgUnits.level, 'town'), eq(orgUnits.active, true), or(inSubtrees(orgUnits.path, scope), ...above)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/** Sessions counted in a year's figures: seen by the caller, or attended by their people. */
function sessionCounted(countyId: string, scope: readonly string[], range: YearRange): SQL {
  return sql`s.county_id = ${countyId} AND s.status <> 'cancelled' AND s.session_date BETWEEN ${range.from} AND ${range.to}
    AND (${under(sql`s.org_path`, scope)} OR ${sql.join(scope.length ? scope.map((p) => sql`${p} LIKE s.org_path || '%'`) : [sql`false`], sql` OR `)}
      OR EXISTS (SELECT 1 FROM training_attendance x JOIN people xp ON xp.id = x.person_id AND xp.county_id = x.county_id
        WHERE x.session_id = s.id AND x.status = 'present' AND ${under(sql`xp.org_path`, scope)}))`;
}

/** The present attendance of the caller's people, as a derived table joined to sessions. */
function scopedPresent(countyId: string, scope: readonly string[]): SQL {
  return sql`(SELECT a.id, a.session_id, a.person_id, a.report_title, p.org_path
    FROM training_attendance a JOIN people p ON p.id = a.person_id AND p.county_id = a.county_id
    WHERE a.county_id = ${countyId} AND a.status = 'present' AND ${under(sql`p.org_path`, scope)})`;
}

export async function selectCourseFigures(db: Db, countyId: string, scope: readonly string[], range: YearRange) {
  return selectRows<{ courseType: CourseType; category: string | null; sessions: number; attendances: number; trainees: number; hours: number }>(
    db,
    sql`SELECT s.course_type AS "courseType", s.category, count(DISTINCT s.id)::int AS sessions, count(a.id)::int AS attendances,
      count(DISTINCT a.person_id)::int AS trainees, coalesce(sum(CASE WHEN a.id IS NULL THEN 0 ELSE s.hours END), 0)::float8 AS hours
    FROM training_sessions s LEFT JOIN ${scopedPresent(countyId, scope)} a ON a.session_id = s.id
    WHERE ${sessionCounted(countyId, scope, range)}
    GROUP BY s.course_type, s.category
    ORDER BY s.course_type, s.category`,
  );
}

export async function countTrainees(db: Db, countyId: string, scope: readonly string[], range: YearRange): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT a.person_id)::int AS n FROM training_sessions s JOIN ${scopedPresent(countyId, scope)} a ON a.session_id = s.id
      WHERE s.county_id = ${countyId} AND s.status <> 'cancelled' AND s.session_date BETWEEN ${range.from} AND ${range.to}`,
  );
  return Number(row?.n ?? 0);
}

/** Trainees and attendances per town (the town is the third segment of a person's path). */
export async function selectTownTrainees(db: Db, countyId: string, scope: readonly string[], range: YearRange) {
  return selectRows<{ townId: string; trainees: number; attendances: number }>(
    db,
    sql`SELECT split_part(a.org_path, '/', 3) AS "townId", count(DISTINCT a.person_id)::int AS trainees, count(*)::int AS attendances
      FROM training_sessions s JOIN ${scopedPresent(countyId, scope)} a ON a.session_id = s.id
      WHERE s.county_id = ${countyId} AND s.status <> 'cancelled' AND s.session_date BETWEEN ${range.from} AND ${range.to}
      GROUP BY split_part(a.org_path, '/', 3)`,
  );
}

export async function selectTours(db: Db, countyId: string, scope: readonly string[], range: YearRange) {
  return selectRows<{ id: string; topic: string; place: string; date: string; endDate: string | null; status: SessionStatus; participants: number; reports: number }>(
    db,
    sql`SELECT s.id, s.topic, s.place, s.session_date::text AS date, s.end_date::text AS "endDate", s.status,
      count(a.id)::int AS participants, count(a.report_title)::int AS reports
    FROM training_sessions s LEFT JOIN ${scopedPresent(countyId, scope)} a ON a.session_id = s.id
    WHERE s.course_type = 'tour' AND ${sessionCounted(countyId, scope, range)}
    GROUP BY s.id, s.topic, s.place, s.session_date, s.end_date, s.status
    ORDER BY s.session_date`,
  );
}

export async function countActiveExperts(db: Db, countyId: string, scope: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(localExperts)
    .innerJoin(people, and(eq(people.id, localExperts.personId), eq(people.countyId, localExperts.countyId)))
    .where(and(eq(localExperts.countyId, countyId), eq(localExperts.active, true), inSubtrees(people.orgPath, scope)));
  return Number(row?.n ?? 0);
}
