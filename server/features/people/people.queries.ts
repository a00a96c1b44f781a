import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits, people, positions } from '../../db/schema/core.js';
import { containsText, inSubtrees, keyJoin } from '../../db/scope.js';
import type { PersonListQuery } from '../../../shared/contracts/people.js';
import type { PersonRow, PositionRow } from './people.js';
import type { OpenPage } from '../../../shared/contracts/common.js';
import { openPage } from '../../db/open-page.js';
import { anyId } from '../../db/id-array.js';

const personColumns = {
  id: people.id,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  orgPath: people.orgPath,
  name: people.name,
  gender: people.gender,
  birthYear: people.birthYear,
  idNumberMasked: people.idNumberMasked,
  phoneMasked: people.phoneMasked,
  partyMember: people.partyMember,
};

const selectPeople = (db: Db) => db.select(personColumns).from(people).innerJoin(orgUnits, keyJoin(orgUnits, people.countyId, people.orgUnitId));

export type PersonFilter = Omit<Partial<PersonListQuery>, 'orgUnitId' | 'page' | 'pageSize' | 'count'> & { underPath?: string; today: string };

function personFilters(countyId: string, scope: readonly string[], f: PersonFilter): SQL | undefined {
  const currentTitle = (title: string) =>
    sql`EXISTS (SELECT 1 FROM ${positions} WHERE ${positions.countyId} = ${countyId} AND ${positions.personId} = ${people.id} AND ${positions.title} = ${title}
      AND (${positions.endDate} IS NULL OR ${positions.endDate} >= ${f.today}))`;
  return and(
    eq(people.countyId, countyId),
    inSubtrees(people.orgPath, scope),
    f.underPath ? inSubtrees(people.orgPath, [f.underPath]) : undefined,
    f.q ? ilike(people.name, containsText(f.q)) : undefined,
    f.partyMember !== undefined ? eq(people.partyMember, f.partyMember) : undefined,
    f.title ? currentTitle(f.title) : undefined,
  );
}

/**
 * One page of people, with one row past it to say whether more follow. Counted only when asked or
 * when the list lies under one unit (a town's or a village's people), never a province per page.
 */
export async function listPeople(
  db: Db,
  countyId: string,
  scope: readonly string[],
  f: PersonFilter,
  page: { page: number; pageSize: number; count?: boolean },
): Promise<OpenPage<PersonRow>> {
  const where = personFilters(countyId, scope, f);
  return openPage(
    page,
    async (limit, offset) =>
      (await selectPeople(db).where(where).orderBy(asc(people.orgPath), asc(people.name), asc(people.id)).limit(limit).offset(offset)) as PersonRow[],
    async () => Number((await db.select({ n: count() }).from(people).where(where))[0]?.n ?? 0),
    page.count === true || f.underPath !== undefined,
  );
}

/** The export's next `limit` people in the list's order, after `after` (the last one of the chunk before). */
export async function selectPeopleForExport(db: Db, countyId: string, scope: readonly string[], f: PersonFilter, limit: number, after?: PersonRow) {
  // A row comparison: the same order (and collation) as the ORDER BY, so chunks neither skip nor repeat.
  const next = after ? sql`(${people.orgPath}, ${people.name}, ${people.id}) > (${after.orgPath}, ${after.name}, ${after.id})` : undefined;
  return (await selectPeople(db).where(and(personFilters(countyId, scope, f), next)).orderBy(asc(people.orgPath), asc(people.name), asc(people.id)).limit(limit)) as PersonRow[];
}

export async function selectPerson(db: Db, countyId: string, scope: readonly string[], id: string): Promise<PersonRow | undefined> {
  const [row] = await selectPeople(db).where(and(eq(people.countyId, countyId), eq(people.id, id), inSubtrees(people.orgPath, scope)));
  return row as PersonRow | undefined;
}

export async function selectPersonSecrets(db: Db, countyId: string, id: string) {
  const [row] = await db
    .select({ idNumberEnc: people.idNumberEnc, phoneEnc: people.phoneEnc })
    .from(people)
    .where(and(eq(people.countyId, countyId), eq(people.id, id)));
  return row;
}

export async function selectPositions(db: Db, countyId: string, personIds: string[]): Promise<PositionRow[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: positions.id,
      personId: positions.personId,
      title: positions.title,
      orgUnitId: positions.orgUnitId,
      orgUnitName: orgUnits.name,
      startDate: positions.startDate,
      endDate: positions.endDate,
    })
    .from(positions)
    .innerJoin(orgUnits, keyJoin(orgUnits, positions.countyId, positions.orgUnitId))
    .where(and(eq(positions.countyId, countyId), anyId(positions.personId, personIds)))
    .orderBy(asc(positions.startDate));
}

export async function selectPersonIdByIdHmac(db: Db, countyId: string, hmac: string) {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.countyId, countyId), eq(people.idNumberHmac, hmac)));
  return row;
}

export async function selectExistingIdHmacs(db: Db, countyId: string, hmacs: string[]): Promise<Set<string>> {
  if (hmacs.length === 0) return new Set();
  const rows = await db
    .select({ h: people.idNumberHmac })
    .from(people)
    .where(and(eq(people.countyId, countyId), inArray(people.idNumberHmac, hmacs)));
  return new Set(rows.map((r) => r.h ?? ''));
}

export async function insertPeople(db: Db, rows: (typeof people.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(people).values(rows.slice(i, i + 500));
}

export async function updatePerson(db: Db, countyId: string, id: string, set: Partial<typeof people.$inferInsert>): Promise<void> {
  await db.update(people).set(set).where(and(eq(people.countyId, countyId), eq(people.id, id)));
}

export async function replacePositions(db: Db, countyId: string, personId: string, rows: (typeof positions.$inferInsert)[]): Promise<void> {
  await db.delete(positions).where(and(eq(positions.countyId, countyId), eq(positions.personId, personId)));
  await insertPositions(db, rows);
}

export async function insertPositions(db: Db, rows: (typeof positions.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(positions).values(rows.slice(i, i + 500));
}
