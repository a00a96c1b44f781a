// The lookup every authenticated request makes: session, user and roles in one statement, built
// once per database handle and sent as a named prepared statement. Nothing is cached between
// requests: a logout, a disabled account or a removed role (from the server, the CLI or another
// server on the same database) is seen by the very next request.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { perHandle } from '../../db/prepared.js';
import { sessions, users } from '../../db/schema/core.js';
import type { PrincipalRole } from './principal.js';

function buildLookup(db: Db) {
  // County first in every join (keys of 0009); the roles ordered as selectRolesOfUser orders them.
  const roles = sql<PrincipalRole[]>`coalesce((
      SELECT json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id, 'orgUnitName', o.name, 'orgPath', o.path, 'orgLevel', o.level) ORDER BY g.role, o.path)
      FROM role_grants g JOIN org_units o ON o.county_id = g.county_id AND o.id = g.org_unit_id
      WHERE g.county_id = ${sessions.countyId} AND g.user_id = ${sessions.userId}), '[]'::json)`;
  return db
    .select({
      session: {
        id: sessions.id,
        csrfToken: sessions.csrfToken,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        endedAt: sessions.endedAt,
        secondFactorPending: sessions.secondFactorPending,
        reauthAt: sessions.reauthAt,
      },
      user: {
        id: users.id,
        countyId: users.countyId,
        username: users.username,
        displayName: users.displayName,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
        passwordChangedAt: users.passwordChangedAt,
        passwordResetBy: users.passwordResetBy,
        passwordResetAt: users.passwordResetAt,
        totpEnabledAt: users.totpEnabledAt,
      },
      roles,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.countyId, sessions.countyId), eq(users.id, sessions.userId)))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('fivestar_session_principal');
}

const lookupOf = perHandle(buildLookup);

export type SessionPrincipalRow = Awaited<ReturnType<ReturnType<typeof buildLookup>['execute']>>[number];

/** The session (open or not), its user and the user's roles; undefined for an unknown id. */
export async function selectSessionPrincipal(db: Db, sessionId: string): Promise<SessionPrincipalRow | undefined> {
  const [row] = await lookupOf(db).execute({ id: sessionId });
  return row;
}
