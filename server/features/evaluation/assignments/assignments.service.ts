// Assigning the evaluators: town-to-town teams for stage 1, judge panels for stage 2.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { PanelCreate, Team, TeamsSave } from '../../../../shared/contracts/campaigns.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectActiveUsersWithRoles, selectCountyUserIds } from '../../accounts/accounts.queries.js';
import { selectInspectors } from '../../accounts/separation.queries.js';
import { selectRolesOfUsers } from '../../auth/auth.queries.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { proposeRotation, teamPlanProblems } from './assignments.js';
import { deletePanel, insertPanel, replacePanel, replaceTeams, selectPanels, selectTeams } from './assignments.queries.js';

async function activeTowns(ctx: Ctx) {
  return (await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).filter((u) => u.level === 'town' && u.active);
}

export async function listTeams(ctx: Ctx, campaignId: string): Promise<Team[]> {
  await findCampaign(ctx, campaignId);
  const towns = await activeTowns(ctx);
  const names = new Map(towns.map((t) => [t.id, t.name]));
  // Listed in the towns' own order (by evaluating town), not in whatever order the rows come back.
  const order = new Map(towns.map((t, i) => [t.id, i]));
  const teams = await selectTeams(ctx.db, ctx.principal.countyId, campaignId);
  teams.sort((a, b) => (order.get(a.evaluatorTownId) ?? towns.length) - (order.get(b.evaluatorTownId) ?? towns.length));
  return teams.map((t) => ({
    id: t.id,
    evaluatorTown: { id: t.evaluatorTownId, name: names.get(t.evaluatorTownId) ?? '' },
    targetTown: { id: t.targetTownId, name: names.get(t.targetTownId) ?? '' },
    leaderUserId: t.leaderUserId,
    memberIds: t.memberIds,
  }));
}

export async function proposeTeams(ctx: Ctx, campaignId: string) {
  await findCampaign(ctx, campaignId);
  return proposeRotation(await activeTowns(ctx));
}

export async function saveTeams(ctx: Ctx, campaignId: string, input: TeamsSave): Promise<Team[]> {
  await inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (campaign.status !== 'draft' && campaign.status !== 'mutual') throw new AppError('teams.not_editable');
    const towns = new Set((await activeTowns(tx)).map((t) => t.id));
    const problems = teamPlanProblems(input.teams);
    if (problems.length > 0 || input.teams.some((t) => !towns.has(t.evaluatorTownId) || !towns.has(t.targetTownId))) {
      throw new AppError('teams.invalid', { problems });
    }
    const people = [...new Set(input.teams.flatMap((t) => [...t.memberIds, ...(t.leaderUserId ? [t.leaderUserId] : [])]))];
    const known = await selectCountyUserIds(tx.db, ctx.principal.countyId, people);
    if (people.some((id) => !known.has(id))) throw new AppError('teams.unknown_member');
    // Separation of duties: an inspector (纪检/信访专员) decides vetoes and never evaluates.
    if ((await selectInspectors(tx.db, ctx.principal.countyId, people)).length > 0) throw new AppError('account.inspector_conflict');
    const before = await selectTeams(tx.db, ctx.principal.countyId, campaignId);
    const teams = input.teams.map((t) => ({ ...t, id: randomUUID(), leaderUserId: t.leaderUserId ?? null }));
    await replaceTeams(tx.db, ctx.principal.countyId, campaignId, teams);
    await recordAudit(tx, {
      event: 'teams.set',
      objectType: 'campaign',
      objectId: campaignId,
      before: before.map(({ evaluatorTownId, targetTownId, leaderUserId, memberIds }) => ({ evaluatorTownId, targetTownId, leaderUserId, memberIds })),
      after: teams.map(({ evaluatorTownId, targetTownId, leaderUserId, memberIds }) => ({ evaluatorTownId, targetTownId, leaderUserId, memberIds })),
    });
  });
  return listTeams(ctx, campaignId);
}

export async function listPanels(ctx: Ctx, campaignId: string) {
  await findCampaign(ctx, campaignId);
  return (await selectPanels(ctx.db, ctx.principal.countyId, campaignId)).map(({ id, name, departments, memberIds, villageIds }) => ({ id, name, departments, memberIds, villageIds }));
}

/** Panels decide who scores which village in stage 2; once the city assessment starts they are history. */
function assertPanelsEditable(campaign: { status: string }) {
  if (campaign.status === 'city' || campaign.status === 'notice' || campaign.status === 'final') throw new AppError('panel.not_editable');
}

async function checkPanelInput(tx: Ctx, input: PanelCreate) {
  const known = await selectCountyUserIds(tx.db, tx.principal.countyId, input.memberIds);
  if (input.memberIds.some((id) => !known.has(id))) throw new AppError('teams.unknown_member');
  if ((await selectInspectors(tx.db, tx.principal.countyId, input.memberIds)).length > 0) throw new AppError('account.inspector_conflict');
  const villages = new Set((await selectAllOrgUnits(tx.db, tx.principal.countyId, ['/'])).filter((u) => u.level === 'village').map((u) => u.id));
  if (input.villageIds.some((id) => !villages.has(id))) throw new AppError('org.not_found');
}

async function findPanel(tx: Ctx, campaignId: string, panelId: string) {
  const panel = (await selectPanels(tx.db, tx.principal.countyId, campaignId)).find((p) => p.id === panelId);
  if (!panel) throw new AppError('panel.not_found');
  return panel;
}

const panelFacts = (p: PanelCreate) => ({ name: p.name, departments: p.departments, memberIds: p.memberIds, villageIds: p.villageIds });

export async function createPanel(ctx: Ctx, campaignId: string, input: PanelCreate) {
  return inTransaction(ctx, async (tx) => {
    assertPanelsEditable(await findCampaign(tx, campaignId));
    await checkPanelInput(tx, input);
    const id = randomUUID();
    await insertPanel(tx.db, ctx.principal.countyId, campaignId, { id, ...input });
    await recordAudit(tx, { event: 'panel.create', objectType: 'judge_panel', objectId: id, after: input });
    return { id, ...input };
  });
}

/** Replaces a panel's name, departments, members and villages as one change, audited before and after. */
export async function updatePanel(ctx: Ctx, campaignId: string, panelId: string, input: PanelCreate) {
  return inTransaction(ctx, async (tx) => {
    assertPanelsEditable(await findCampaign(tx, campaignId));
    const before = await findPanel(tx, campaignId, panelId);
    await checkPanelInput(tx, input);
    await replacePanel(tx.db, ctx.principal.countyId, { id: panelId, ...input });
    await recordAudit(tx, { event: 'panel.update', objectType: 'judge_panel', objectId: panelId, before: panelFacts(before), after: panelFacts(input) });
    return { id: panelId, ...input };
  });
}

export async function removePanel(ctx: Ctx, campaignId: string, panelId: string) {
  await inTransaction(ctx, async (tx) => {
    assertPanelsEditable(await findCampaign(tx, campaignId));
    const panel = await findPanel(tx, campaignId, panelId);
    await deletePanel(tx.db, ctx.principal.countyId, panelId);
    await recordAudit(tx, { event: 'panel.delete', objectType: 'judge_panel', objectId: panelId, before: panelFacts(panel) });
  });
}

/** Roles whose holders can sit on a stage-1 team or a stage-2 panel. */
const evaluatorRoles = ['town_admin', 'town_leader', 'judge'];

/**
 * The accounts the department may name on teams and panels, with their roles, without giving it
 * the account administration right (account:read belongs to the system administrators).
 */
export async function listEvaluators(ctx: Ctx) {
  const users = await selectActiveUsersWithRoles(ctx.db, ctx.principal.countyId, evaluatorRoles);
  const grants = await selectRolesOfUsers(ctx.db, ctx.principal.countyId, users.map((u) => u.id));
  const items = users.map((u) => ({
    ...u,
    roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName })),
  }));
  return { items, total: items.length };
}
