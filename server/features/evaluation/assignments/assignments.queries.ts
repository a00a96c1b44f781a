// Who evaluates which villages: mutual-evaluation teams (by target town) and judge panels.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { orgUnits } from '../../../db/schema/core.js';
import { judgePanelMembers, judgePanels, judgePanelVillages, mutualTeamMembers, mutualTeams } from '../../../db/schema/evaluation.js';

/** Villages a user may score in a stage through team or panel membership. */
export async function selectAssignedVillageIds(db: Db, countyId: string, campaignId: string, stage: 'mutual' | 'department', userId: string): Promise<Set<string>> {
  if (stage === 'mutual') {
    const rows = await db
      .select({ id: orgUnits.id })
      .from(mutualTeams)
      .leftJoin(mutualTeamMembers, eq(mutualTeamMembers.teamId, mutualTeams.id))
      .innerJoin(orgUnits, and(eq(orgUnits.parentId, mutualTeams.targetTownId), eq(orgUnits.level, 'village'), eq(orgUnits.active, true)))
      .where(
        and(
          eq(mutualTeams.countyId, countyId),
          eq(mutualTeams.campaignId, campaignId),
          or(eq(mutualTeams.leaderUserId, userId), eq(mutualTeamMembers.userId, userId)),
        ),
      );
    return new Set(rows.map((r) => r.id));
  }
  const rows = await db
    .select({ id: judgePanelVillages.villageId })
    .from(judgePanels)
    .innerJoin(judgePanelMembers, eq(judgePanelMembers.panelId, judgePanels.id))
    .innerJoin(judgePanelVillages, eq(judgePanelVillages.panelId, judgePanels.id))
    .where(and(eq(judgePanels.countyId, countyId), eq(judgePanels.campaignId, campaignId), eq(judgePanelMembers.userId, userId)));
  return new Set(rows.map((r) => r.id));
}

export async function selectTeams(db: Db, countyId: string, campaignId: string) {
  const teams = await db.select().from(mutualTeams).where(and(eq(mutualTeams.countyId, countyId), eq(mutualTeams.campaignId, campaignId)));
  const members = teams.length
    ? await db.select().from(mutualTeamMembers).where(inArray(mutualTeamMembers.teamId, teams.map((t) => t.id)))
    : [];
  return teams.map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId) }));
}

export async function replaceTeams(
  db: Db,
  countyId: string,
  campaignId: string,
  teams: { id: string; evaluatorTownId: string; targetTownId: string; leaderUserId: string | null; memberIds: string[] }[],
) {
  const old = await db.select({ id: mutualTeams.id }).from(mutualTeams).where(and(eq(mutualTeams.countyId, countyId), eq(mutualTeams.campaignId, campaignId)));
  if (old.length) {
    await db.delete(mutualTeamMembers).where(inArray(mutualTeamMembers.teamId, old.map((o) => o.id)));
    await db.delete(mutualTeams).where(inArray(mutualTeams.id, old.map((o) => o.id)));
  }
  for (const t of teams) {
    await db.insert(mutualTeams).values({ id: t.id, countyId, campaignId, evaluatorTownId: t.evaluatorTownId, targetTownId: t.targetTownId, leaderUserId: t.leaderUserId });
    if (t.memberIds.length) await db.insert(mutualTeamMembers).values(t.memberIds.map((userId) => ({ countyId, teamId: t.id, userId })));
  }
}

export async function selectPanels(db: Db, countyId: string, campaignId: string) {
  const panels = await db.select().from(judgePanels).where(and(eq(judgePanels.countyId, countyId), eq(judgePanels.campaignId, campaignId)));
  const ids = panels.map((p) => p.id);
  const [members, villages] = ids.length
    ? await Promise.all([
        db.select().from(judgePanelMembers).where(inArray(judgePanelMembers.panelId, ids)),
        db.select().from(judgePanelVillages).where(inArray(judgePanelVillages.panelId, ids)),
      ])
    : [[], []];
  return panels.map((p) => ({
    ...p,
    memberIds: members.filter((m) => m.panelId === p.id).map((m) => m.userId),
    villageIds: villages.filter((v) => v.panelId === p.id).map((v) => v.villageId),
  }));
}

export async function insertPanel(db: Db, countyId: string, campaignId: string, p: { id: string; name: string; departments: string; memberIds: string[]; villageIds: string[] }) {
  await db.insert(judgePanels).values({ id: p.id, countyId, campaignId, name: p.name, departments: p.departments });
  if (p.memberIds.length) await db.insert(judgePanelMembers).values(p.memberIds.map((userId) => ({ countyId, panelId: p.id, userId })));
  if (p.villageIds.length) await db.insert(judgePanelVillages).values(p.villageIds.map((villageId) => ({ countyId, panelId: p.id, villageId })));
}

export async function deletePanel(db: Db, countyId: string, panelId: string) {
  await db.delete(judgePanelMembers).where(eq(judgePanelMembers.panelId, panelId));
  await db.delete(judgePanelVillages).where(eq(judgePanelVillages.panelId, panelId));
  await db.delete(judgePanels).where(and(eq(judgePanels.countyId, countyId), eq(judgePanels.id, panelId)));
}

/** Same row id, new contents: members and villages are replaced wholesale. */
export async function replacePanel(db: Db, countyId: string, p: { id: string; name: string; departments: string; memberIds: string[]; villageIds: string[] }) {
  await db.update(judgePanels).set({ name: p.name, departments: p.departments }).where(and(eq(judgePanels.countyId, countyId), eq(judgePanels.id, p.id)));
  await db.delete(judgePanelMembers).where(eq(judgePanelMembers.panelId, p.id));
  await db.delete(judgePanelVillages).where(eq(judgePanelVillages.panelId, p.id));
  if (p.memberIds.length) await db.insert(judgePanelMembers).values(p.memberIds.map((userId) => ({ countyId, panelId: p.id, userId })));
  if (p.villageIds.length) await db.insert(judgePanelVillages).values(p.villageIds.map((villageId) => ({ countyId, panelId: p.id, villageId })));
}
