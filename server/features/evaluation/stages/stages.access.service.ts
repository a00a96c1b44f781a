// The one answer to "may this caller act for this village (or town) in this stage": score sheets,
// household visits, surveys, the mutual report, the arena, democratic evaluation and the panel's
// comment all ask here. Write for the assigned team or panel (never for one's own unit), or the
// city team in stage 3; read for the department.
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import { stageLabels, type EvaluationStage } from '../../../../shared/contracts/campaigns.js';
import { scopePaths } from '../../auth/principal.js';
import { selectAllOrgUnits, selectOrgUnit } from '../../orgs/orgs.queries.js';
import type { OrgRow } from '../../orgs/orgs.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectAssignedVillageIds, selectTeams } from '../assignments/assignments.queries.js';
import { isOwnUnit, mayScore, mayScoreCity } from '../evaluation.policy.js';

export type StageAccess = 'write' | 'read';

/** Villages the caller scores in a stage through team or panel membership. */
export async function assignedVillages(ctx: Ctx, campaign: CampaignRow, stage: EvaluationStage): Promise<Set<string>> {
  if (stage === 'city' || !mayScore(ctx.principal, stage)) return new Set();
  return selectAssignedVillageIds(ctx.db, ctx.principal.countyId, campaign.id, stage, ctx.principal.userId);
}

const manages = (ctx: Ctx, path: string) => scopePaths(ctx.principal, 'campaign:manage').some((p) => path.startsWith(p));

/**
 * Write for the assigned scorer (or the city team in stage 3); read for the department; else null.
 * `assigned` (from assignedVillages) saves the lookup when many villages are checked at once.
 */
export async function stageAccess(
  ctx: Ctx,
  campaign: CampaignRow,
  stage: EvaluationStage,
  village: Pick<OrgRow, 'id' | 'path'>,
  assigned?: ReadonlySet<string>,
): Promise<StageAccess | null> {
  if (stage === 'city' && mayScoreCity(ctx.principal, village.path)) return 'write';
  if ((assigned ?? (await assignedVillages(ctx, campaign, stage))).has(village.id)) {
    if (isOwnUnit(ctx.principal, village.path)) throw new AppError('sheet.own_unit');
    return 'write';
  }
  return manages(ctx, village.path) ? 'read' : null;
}

/** Stage 1 per town: write for the team that evaluates the town, read for the department. */
export async function townStageAccess(ctx: Ctx, campaign: CampaignRow, town: Pick<OrgRow, 'id' | 'path'>): Promise<StageAccess | null> {
  if (mayScore(ctx.principal, 'mutual')) {
    const teams = await selectTeams(ctx.db, ctx.principal.countyId, campaign.id);
    const mine = teams.some((t) => t.targetTownId === town.id && (t.leaderUserId === ctx.principal.userId || t.memberIds.includes(ctx.principal.userId)));
    if (mine) {
      if (isOwnUnit(ctx.principal, town.path)) throw new AppError('sheet.own_unit');
      return 'write';
    }
  }
  return manages(ctx, town.path) ? 'read' : null;
}

/** Why the caller cannot change the stage's records now (closed stage, or only reading); null when they can. */
export function stageLockReason(ctx: Ctx, campaign: CampaignRow, stage: EvaluationStage, access: StageAccess): string | null {
  return (
    sheetLockReason(campaign.status, stage, campaign.windows, chinaDate(ctx.now())) ??
    (access === 'read' ? `您可以查看${stageLabels[stage]}记录，但不是本村的${stage === 'mutual' ? '互评组成员' : '评委'}` : null)
  );
}

export type StageVillage = { campaign: CampaignRow; village: OrgRow; access: StageAccess; lockReason: string | null };

/** The campaign and village for a stage's per-village work, or 404 when the caller has no part in it. */
export async function openStageVillage(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string): Promise<StageVillage> {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, ['/'], villageId);
  if (!village || village.level !== 'village') throw new AppError('sheet.not_assigned');
  const access = await stageAccess(ctx, campaign, stage, village);
  if (!access) throw new AppError('sheet.not_assigned');
  return { campaign, village, access, lockReason: stageLockReason(ctx, campaign, stage, access) };
}

/** Like openStageVillage, for a change: refuses with the lock reason when the caller cannot write now. */
export async function openStageVillageForWrite(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageId: string): Promise<StageVillage> {
  const opened = await openStageVillage(ctx, campaignId, stage, villageId);
  if (opened.lockReason) throw new AppError('stage_work.locked', { reason: opened.lockReason });
  return opened;
}

/** The active villages the caller may open in a stage, with write (assigned) or read (department) access. */
export async function stageVillages(ctx: Ctx, campaign: CampaignRow, stage: Exclude<EvaluationStage, 'city'>) {
  const assigned = await assignedVillages(ctx, campaign, stage);
  const manageScope = scopePaths(ctx.principal, 'campaign:manage');
  const writes = (u: OrgRow) => assigned.has(u.id) && !isOwnUnit(ctx.principal, u.path);
  return (await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/']))
    .filter((u) => u.level === 'village' && u.active && (writes(u) || manageScope.some((p) => u.path.startsWith(p))))
    .map((u) => ({ village: u, access: (writes(u) ? 'write' : 'read') as StageAccess }));
}

/**
 * openStageVillageForWrite for a block of villages saved together (the stage-2 grids): the
 * campaign and the caller's assignments are read once; any village the caller may not write now
 * refuses the whole block, naming it.
 */
export async function openStageVillagesForWrite(ctx: Ctx, campaignId: string, stage: EvaluationStage, villageIds: readonly string[]): Promise<StageVillage[]> {
  const campaign = await findCampaign(ctx, campaignId);
  const assigned = await assignedVillages(ctx, campaign, stage);
  const opened: StageVillage[] = [];
  for (const villageId of villageIds) {
    const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, ['/'], villageId);
    if (!village || village.level !== 'village') throw new AppError('sheet.not_assigned', { villageId });
    const access = await stageAccess(ctx, campaign, stage, village, assigned);
    if (!access) throw new AppError('sheet.not_assigned', { villageId });
    const lockReason = stageLockReason(ctx, campaign, stage, access);
    if (lockReason) throw new AppError('stage_work.locked', { reason: lockReason, villageId, villageName: village.name });
    opened.push({ campaign, village, access, lockReason });
  }
  return opened;
}
