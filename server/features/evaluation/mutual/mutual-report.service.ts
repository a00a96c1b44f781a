// 互评报告: the team that evaluated a town writes its report (narrative and findings), saves drafts
// and submits it once; it is read-only after submission and after stage 1. The department reads it.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { MutualReport, MutualReportSave } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { selectAllOrgUnits, selectOrgUnit } from '../../orgs/orgs.queries.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectTeams } from '../assignments/assignments.queries.js';
import { markReportSubmitted, selectCampaignReports, selectMutualReport, upsertMutualReport, type MutualReportRow } from './mutual-report.queries.js';
import { townStageAccess, type StageAccess } from '../stages/stages.access.service.js';
import { holdsPersonalNumber } from '../stages/stages.js';

/** The evaluating town of each target town, from the campaign's teams. */
export async function evaluatorTowns(ctx: Ctx, campaignId: string): Promise<Map<string, { id: string; name: string }>> {
  const names = new Map((await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).map((u) => [u.id, u.name]));
  const teams = await selectTeams(ctx.db, ctx.principal.countyId, campaignId);
  return new Map(teams.map((t) => [t.targetTownId, { id: t.evaluatorTownId, name: names.get(t.evaluatorTownId) ?? '' }]));
}

export async function openTown(ctx: Ctx, campaignId: string, townId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const town = await selectOrgUnit(ctx.db, ctx.principal.countyId, ['/'], townId);
  if (!town || town.level !== 'town') throw new AppError('mutual_report.not_found');
  const access = await townStageAccess(ctx, campaign, town);
  if (!access) throw new AppError('mutual_report.not_found');
  return { campaign, town, access, evaluatorTown: (await evaluatorTowns(ctx, campaignId)).get(townId) ?? null };
}

function reportLock(ctx: Ctx, campaign: CampaignRow, access: StageAccess, row: MutualReportRow | undefined): string | null {
  if (row?.status === 'submitted') return '互评报告已提交，只读';
  return sheetLockReason(campaign.status, 'mutual', campaign.windows, chinaDate(ctx.now())) ?? (access === 'read' ? '互评报告由互评组撰写，您可以查看' : null);
}

export async function getMutualReport(ctx: Ctx, campaignId: string, townId: string): Promise<MutualReport> {
  const { campaign, town, access, evaluatorTown } = await openTown(ctx, campaignId, townId);
  const row = await selectMutualReport(ctx.db, ctx.principal.countyId, campaignId, townId);
  const villageNames = new Map((await selectAllOrgUnits(ctx.db, ctx.principal.countyId, [town.path])).map((u) => [u.id, u.name]));
  const lockReason = reportLock(ctx, campaign, access, row);
  return {
    campaignId,
    town: { id: town.id, name: town.name },
    evaluatorTown,
    status: row?.status ?? 'none',
    narrative: row?.narrative ?? '',
    findings: (row?.findings ?? []).map((f) => ({ ...f, villageName: f.villageId ? (villageNames.get(f.villageId) ?? null) : null })),
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    submittedBy: row?.submittedBy ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    canEdit: lockReason === null,
    lockReason,
  };
}

async function openForWrite(ctx: Ctx, campaignId: string, townId: string) {
  const opened = await openTown(ctx, campaignId, townId);
  const row = await selectMutualReport(ctx.db, ctx.principal.countyId, campaignId, townId);
  if (row?.status === 'submitted') throw new AppError('mutual_report.already_submitted');
  const lock = reportLock(ctx, opened.campaign, opened.access, row);
  if (lock) throw new AppError('stage_work.locked', { reason: lock });
  return { ...opened, row };
}

// The audit row keeps the shape of the report, not its text (which may name people).
const auditShape = (r: { narrative: string; findings: unknown[] } | undefined, status: string) =>
  r ? { status, narrativeLength: r.narrative.length, findings: r.findings.length } : null;

export async function saveMutualReport(ctx: Ctx, campaignId: string, townId: string, input: MutualReportSave): Promise<MutualReport> {
  await inTransaction(ctx, async (tx) => {
    const { town, row } = await openForWrite(tx, campaignId, townId);
    const villages = new Set((await selectAllOrgUnits(tx.db, ctx.principal.countyId, [town.path])).filter((u) => u.level === 'village').map((u) => u.id));
    if (input.findings.some((f) => f.villageId !== null && !villages.has(f.villageId))) throw new AppError('mutual_report.village_not_in_town');
    if (holdsPersonalNumber(input.narrative) || input.findings.some((f) => holdsPersonalNumber(f.text))) throw new AppError('stage_work.personal_data', { fields: ['narrative'] });
    await upsertMutualReport(tx.db, {
      countyId: ctx.principal.countyId,
      campaignId,
      townId,
      orgPath: town.path,
      status: 'draft',
      narrative: input.narrative,
      findings: input.findings,
      updatedBy: ctx.principal.userId,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, {
      event: 'mutual_report.save',
      objectType: 'mutual_report',
      objectId: `${campaignId}/${townId}`,
      before: auditShape(row, 'draft'),
      after: auditShape(input, 'draft'),
    });
  });
  return getMutualReport(ctx, campaignId, townId);
}

export async function submitMutualReport(ctx: Ctx, campaignId: string, townId: string): Promise<MutualReport> {
  await inTransaction(ctx, async (tx) => {
    const { row } = await openForWrite(tx, campaignId, townId);
    if (!row || row.narrative.trim() === '') throw new AppError('mutual_report.empty');
    await markReportSubmitted(tx.db, ctx.principal.countyId, campaignId, townId, ctx.principal.userId, ctx.now());
    await recordAudit(tx, { event: 'mutual_report.submit', objectType: 'mutual_report', objectId: `${campaignId}/${townId}`, before: { status: 'draft' }, after: { status: 'submitted' } });
  });
  return getMutualReport(ctx, campaignId, townId);
}

/** The towns whose report the caller may open: the team's target town, or every town for the department. */
export async function listMutualReports(ctx: Ctx, campaignId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const towns = (await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).filter((u) => u.level === 'town' && u.active);
  const reports = new Map((await selectCampaignReports(ctx.db, ctx.principal.countyId, campaignId)).map((r) => [r.townId, r]));
  const evaluators = await evaluatorTowns(ctx, campaignId);
  const items = [];
  for (const town of towns) {
    let access: StageAccess | null;
    try {
      access = await townStageAccess(ctx, campaign, town);
    } catch {
      access = null; // a team member's own town: not theirs to report on
    }
    if (!access) continue;
    const row = reports.get(town.id);
    items.push({
      town: { id: town.id, name: town.name },
      evaluatorTown: evaluators.get(town.id) ?? null,
      status: row?.status ?? ('none' as const),
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      canEdit: reportLock(ctx, campaign, access, row) === null,
    });
  }
  return items;
}
