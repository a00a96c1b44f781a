import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginThrottle, orgUnits, roleGrants, sessions, users } from '../../db/schema/core.js';
import type { Throttle } from './auth.js';
import type { PrincipalRole } from './principal.js';
import type { Role } from '../../../shared/roles.js';

export async function selectThrottle(db: Db, username: string): Promise<Throttle | undefined> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, username));
  return row;
}

export async function saveThrottle(db: Db, username: string, t: Throttle): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ username, ...t })
    .onConflictDoUpdate({ target: loginThrottle.username, set: t });
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.username, username));
}

export async function selectUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function selectUserById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function selectRolesOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      orgUnitId: roleGrants.orgUnitId,
      orgUnitName: orgUnits.name,
      orgPath: orgUnits.path,
      orgLevel: orgUnits.level,
    })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.role);
}

export async function selectRolesOfUser(db: Db, userId: string): Promise<PrincipalRole[]> {
  const rows = await selectRolesOfUsers(db, [userId]);
  return rows.map(({ userId: _u, ...r }) => ({ ...r, role: r.role as Role }));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function selectSession(db: Db, id: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function endSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a user, optionally keeping one (the caller's). */
export async function endUserSessions(db: Db, userId: string, at: Date, keepId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepId ? ne(sessions.id, keepId) : undefined));
}

export async function updateUserLogin(db: Db, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function updateUserPassword(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, userId));
}

export function selectThrottles(db: Db, usernames: string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db.select().from(loginThrottle).where(inArray(loginThrottle.username, usernames));
}
