import { and, asc, count, eq, exists, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, users } from '../../db/schema/core.js';
import { loginNames } from '../../db/schema/county-keys.js';
import { containsText } from '../../db/scope.js';
import { openPage } from '../../db/open-page.js';

export type AccountFilter = { q?: string; role?: string };

function accountFilters(countyId: string, f: AccountFilter): SQL | undefined {
  return and(
    eq(users.countyId, countyId),
    f.q ? or(ilike(users.username, containsText(f.q)), ilike(users.displayName, containsText(f.q))) : undefined,
    f.role
      ? exists(sql`(SELECT 1 FROM ${roleGrants} WHERE ${roleGrants.userId} = ${users.id} AND ${roleGrants.role} = ${f.role})`)
      : undefined,
  );
}

/** One page of accounts, with one row past it to say whether more follow; counted only when asked. */
export async function listUsers(db: Db, countyId: string, f: AccountFilter, page: { page: number; pageSize: number; count?: boolean }) {
  const where = accountFilters(countyId, f);
  return openPage(
    page,
    (limit, offset) => db.select().from(users).where(where).orderBy(asc(users.username)).limit(limit).offset(offset),
    async () => Number((await db.select({ n: count() }).from(users).where(where))[0]?.n ?? 0),
    page.count === true,
  );
}

export async function selectCountyUser(db: Db, countyId: string, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.countyId, countyId), eq(users.id, id)));
  return row;
}

/** A login name is unique across counties: login_names holds it (0009_county_keys.sql). */
export async function insertUser(db: Db, row: typeof users.$inferInsert & { id: string }): Promise<void> {
  await db.insert(loginNames).values({ username: row.username, countyId: row.countyId, userId: row.id });
  await db.insert(users).values(row);
}

export async function updateUser(db: Db, countyId: string, id: string, set: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(set).where(and(eq(users.countyId, countyId), eq(users.id, id)));
}

export async function replaceRoleGrants(db: Db, countyId: string, userId: string, grants: { role: string; orgUnitId: string }[]) {
  await db.delete(roleGrants).where(and(eq(roleGrants.countyId, countyId), eq(roleGrants.userId, userId)));
  if (grants.length > 0) await db.insert(roleGrants).values(grants.map((g) => ({ ...g, countyId, userId })));
}

export async function selectUsernamesTaken(db: Db, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.select({ u: users.username }).from(users).where(inArray(users.username, usernames));
  return new Set(rows.map((r) => r.u));
}

/** Which of these ids are accounts of the county (for team and panel members). */
export async function selectCountyUserIds(db: Db, countyId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.countyId, countyId), inArray(users.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Active accounts of the county holding any of these roles (for evaluator pickers). */
export function selectActiveUsersWithRoles(db: Db, countyId: string, roles: string[]) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.countyId, countyId),
        eq(users.active, true),
        exists(sql`(SELECT 1 FROM ${roleGrants} WHERE ${roleGrants.userId} = ${users.id} AND ${roleGrants.role} IN ${roles})`),
      ),
    )
    .orderBy(asc(users.username));
}

/** Privileged accounts whose reset waits for a second admin (oldest first). */
export function listResetRequests(db: Db, countyId: string) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.countyId, countyId), isNotNull(users.resetRequestedAt)))
    .orderBy(asc(users.resetRequestedAt));
}
