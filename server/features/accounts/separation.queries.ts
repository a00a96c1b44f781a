// Who sits where in the evaluation, for the inspector's separation of duties.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants } from '../../db/schema/core.js';
import { judgePanelMembers, mutualTeamMembers, mutualTeams } from '../../db/schema/evaluation.js';

/** Whether the account sits on any stage-1 team (member or leader) or stage-2 panel. */
export async function isEvaluator(db: Db, countyId: string, userId: string): Promise<boolean> {
  const [team] = await db
    .select({ n: sql<number>`1` })
    .from(mutualTeamMembers)
    .where(and(eq(mutualTeamMembers.countyId, countyId), eq(mutualTeamMembers.userId, userId)))
    .limit(1);
  if (team) return true;
  const [led] = await db
    .select({ n: sql<number>`1` })
    .from(mutualTeams)
    .where(and(eq(mutualTeams.countyId, countyId), eq(mutualTeams.leaderUserId, userId)))
    .limit(1);
  if (led) return true;
  const [panel] = await db
    .select({ n: sql<number>`1` })
    .from(judgePanelMembers)
    .where(and(eq(judgePanelMembers.countyId, countyId), eq(judgePanelMembers.userId, userId)))
    .limit(1);
  return !!panel;
}

/** Which of these accounts hold the inspector role. */
export async function selectInspectors(db: Db, countyId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.countyId, countyId), inArray(roleGrants.userId, userIds), eq(roleGrants.role, 'inspector')));
  return rows.map((r) => r.userId);
}
