import { and, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { selectRows } from '../../db/rows.js';
import type { Db } from '../../db/client.js';
import { loginThrottle, orgUnits, roleGrants, sessions, users } from '../../db/schema/core.js';
import { lockoutPolicy, type Throttle } from './auth.js';
import type { PrincipalRole } from './principal.js';
import type { Role } from '../../../shared/roles.js';

/**
 * Takes a ticket for one login attempt in a single statement: the count of the current window goes
 * up by one (a new window or an expired lock starts again at one). Row-locked by the upsert, so
 * fifty parallel attempts get fifty different counts on PostgreSQL.
 */
export async function reserveLoginAttempt(db: Db, username: string, now: Date): Promise<Throttle> {
  const windowStartedBefore = new Date(now.getTime() - lockoutPolicy.windowMs);
  const [row] = await selectRows<{ failures: number; window_start: Date | string; locked_until: Date | string | null }>(
    db,
    sql`INSERT INTO login_throttle AS t (username, failures, window_start, locked_until)
        VALUES (${username}, 1, ${now}::timestamptz, NULL)
        ON CONFLICT (username) DO UPDATE SET
          failures = CASE WHEN ${freshWindow(now, windowStartedBefore)} THEN 1 ELSE t.failures + 1 END,
          window_start = CASE WHEN ${freshWindow(now, windowStartedBefore)} THEN ${now}::timestamptz ELSE t.window_start END,
          locked_until = CASE WHEN t.locked_until <= ${now}::timestamptz THEN NULL ELSE t.locked_until END
        RETURNING failures, window_start, locked_until`,
  );
  if (!row) throw new Error('login_throttle upsert returned no row');
  return {
    failures: Number(row.failures),
    windowStart: new Date(row.window_start),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  };
}

function freshWindow(now: Date, windowStartedBefore: Date) {
  return sql`(t.locked_until <= ${now}::timestamptz OR (t.locked_until IS NULL AND t.window_start < ${windowStartedBefore}::timestamptz))`;
}

/**
 * After a failed attempt: locks the name once its window holds enough failures. The WHERE is
 * re-checked under the row lock, so of many parallel failures exactly one sees the lock begin
 * (and writes the one auth.lockout audit row).
 */
export async function lockIfReached(db: Db, username: string, now: Date): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + lockoutPolicy.lockMs);
  const rows = await db
    .update(loginThrottle)
    .set({ lockedUntil })
    .where(
      and(
        eq(loginThrottle.username, username),
        gte(loginThrottle.failures, lockoutPolicy.maxFailures),
        or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now)),
      ),
    )
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  return rows[0]?.lockedUntil ?? null;
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.username, username));
}

export async function selectUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function selectUserById(db: Db, countyId: string, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.countyId, countyId), eq(users.id, id)));
  return row;
}

export async function selectRolesOfUsers(db: Db, countyId: string, userIds: string[]) {
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
    // County in every join and filter: keys lead with county_id (0009_county_keys.sql).
    .innerJoin(orgUnits, and(eq(orgUnits.countyId, roleGrants.countyId), eq(orgUnits.id, roleGrants.orgUnitId)))
    .where(and(eq(roleGrants.countyId, countyId), inArray(roleGrants.userId, userIds)))
    .orderBy(roleGrants.role);
}

export async function selectRolesOfUser(db: Db, countyId: string, userId: string): Promise<PrincipalRole[]> {
  const rows = await selectRolesOfUsers(db, countyId, [userId]);
  return rows.map(({ userId: _u, ...r }) => ({ ...r, role: r.role as Role }));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

// Writes to sessions and users name the row by its primary key (county_id, id): on one node the key
// is used instead of the id index, and on a database spread by county the write stays on the
// county's node (docs/operations.md, "Past one machine").
export async function touchSession(db: Db, countyId: string, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(and(eq(sessions.countyId, countyId), eq(sessions.id, id)));
}

export async function endSession(db: Db, countyId: string, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.countyId, countyId), eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a user, optionally keeping one (the caller's). */
export async function endUserSessions(db: Db, countyId: string, userId: string, at: Date, keepId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.countyId, countyId), eq(sessions.userId, userId), isNull(sessions.endedAt), keepId ? ne(sessions.id, keepId) : undefined));
}

export async function updateUserLogin(db: Db, countyId: string, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(and(eq(users.countyId, countyId), eq(users.id, userId)));
}

/** The owner's own new password: any forced change is now done. */
export async function updateUserPassword(db: Db, countyId: string, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, mustChangePassword: false }).where(and(eq(users.countyId, countyId), eq(users.id, userId)));
}

export async function setSessionReauth(db: Db, countyId: string, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ reauthAt: at }).where(and(eq(sessions.countyId, countyId), eq(sessions.id, sessionId)));
}

export async function completeSecondFactor(db: Db, countyId: string, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ secondFactorPending: false, reauthAt: at }).where(and(eq(sessions.countyId, countyId), eq(sessions.id, sessionId)));
}

/** Switches off an account the system found idle; false when it was already off. */
export async function disableIdleUser(db: Db, countyId: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ active: false, disabledReason: 'idle' })
    .where(and(eq(users.countyId, countyId), eq(users.id, userId), eq(users.active, true)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export function selectActiveUsers(db: Db) {
  return db
    .select({ id: users.id, countyId: users.countyId, username: users.username, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.active, true));
}

export async function setPendingTotpSecret(db: Db, countyId: string, userId: string, encryptedSecret: string): Promise<void> {
  await db.update(users).set({ totpPendingSecret: encryptedSecret }).where(and(eq(users.countyId, countyId), eq(users.id, userId)));
}

export async function enableTotp(db: Db, countyId: string, userId: string, encryptedSecret: string, at: Date, step: number, recoveryHashes: string[]) {
  await db
    .update(users)
    .set({ totpSecret: encryptedSecret, totpPendingSecret: null, totpEnabledAt: at, totpLastStep: step, totpRecoveryHashes: recoveryHashes })
    .where(and(eq(users.countyId, countyId), eq(users.id, userId)));
}

export async function disableTotp(db: Db, countyId: string, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryHashes: [] })
    .where(and(eq(users.countyId, countyId), eq(users.id, userId)));
}

/** Accepts a TOTP time step once: a code seen before (or an older one) is refused (RFC 6238 5.2). */
export async function acceptTotpStep(db: Db, countyId: string, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.countyId, countyId), eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Removes a recovery code's digest if present; the number left, or null when it was not there. */
export async function consumeRecoveryCode(db: Db, countyId: string, userId: string, digest: string): Promise<number | null> {
  const rows = await db
    .update(users)
    .set({ totpRecoveryHashes: sql`array_remove(${users.totpRecoveryHashes}, ${digest})` })
    .where(and(eq(users.countyId, countyId), eq(users.id, userId), sql`${digest} = ANY(${users.totpRecoveryHashes})`))
    .returning({ left: users.totpRecoveryHashes });
  return rows[0] ? rows[0].left.length : null;
}

export function selectThrottles(db: Db, usernames: string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db.select().from(loginThrottle).where(inArray(loginThrottle.username, usernames));
}
