// Lookups the demo loader needs: who administers each unit.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, users } from '../../db/schema/core.js';
import { keyJoin } from '../../db/scope.js';

export async function selectUnitAdmins(db: Db, countyId: string, roles: string[]) {
  return db
    .select({ orgUnitId: roleGrants.orgUnitId, role: roleGrants.role, id: users.id, displayName: users.displayName })
    .from(roleGrants)
    .innerJoin(users, keyJoin(users, roleGrants.countyId, roleGrants.userId))
    .where(and(eq(roleGrants.countyId, countyId), inArray(roleGrants.role, roles)))
    .orderBy(users.username);
}
