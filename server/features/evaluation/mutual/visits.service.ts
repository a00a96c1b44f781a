// 入户走访 in stage 1: the evaluating team records its household visits per village; the
// department reads them. Households are named as the village knows them, never by ID or phone.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { MutualVisit, MutualVisitCreate, MutualVisitListQuery, MutualVisitUpdate } from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { openStageVillage, openStageVillageForWrite, stageVillages } from '../stages/stages.access.service.js';
import { personalNumberFields } from '../stages/stages.js';
import { deleteMutualVisit, insertMutualVisits, listMutualVisits, selectMutualVisit, updateMutualVisit, type MutualVisitRow } from './visits.queries.js';

function present({ orgPath: _p, createdAt, updatedAt, ...row }: MutualVisitRow, canEdit: boolean): MutualVisit {
  return { ...row, recordedAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), canEdit };
}

function checkContent(ctx: Ctx, campaign: CampaignRow, input: Partial<MutualVisitCreate>) {
  const fields = personalNumberFields({ household: input.household, visitors: input.visitors, findings: input.findings });
  if (fields.length > 0) throw new AppError('stage_work.personal_data', { fields });
  if (input.visitDate && (input.visitDate < campaign.windows.mutual.opens || input.visitDate > chinaDate(ctx.now()))) {
    throw new AppError('mutual_visit.date_outside_window', { opens: campaign.windows.mutual.opens });
  }
}

// The audit row keeps the village and the date: the household and the visitors are people's names.
const auditSnapshot = (row: { villageId: string; visitDate: string }) => ({ villageId: row.villageId, visitDate: row.visitDate });

export async function listVisits(ctx: Ctx, campaignId: string, q: MutualVisitListQuery) {
  const campaign = await findCampaign(ctx, campaignId);
  let villages = await stageVillages(ctx, campaign, 'mutual');
  if (q.villageId) {
    villages = villages.filter((v) => v.village.id === q.villageId);
    if (villages.length === 0) throw new AppError('sheet.not_assigned');
  }
  const writable = new Set(villages.filter((v) => v.access === 'write').map((v) => v.village.id));
  const open = sheetLockReason(campaign.status, 'mutual', campaign.windows, chinaDate(ctx.now())) === null;
  const page = await listMutualVisits(ctx.db, ctx.principal.countyId, campaignId, villages.map((v) => v.village.id), q);
  return { items: page.items.map((r) => present(r, open && writable.has(r.villageId))), total: page.total };
}

async function visitFor(ctx: Ctx, campaignId: string, visitId: string, write: boolean) {
  const row = await selectMutualVisit(ctx.db, ctx.principal.countyId, campaignId, visitId);
  if (!row) throw new AppError('mutual_visit.not_found');
  const opened = await (write ? openStageVillageForWrite : openStageVillage)(ctx, campaignId, 'mutual', row.villageId);
  return { row, opened };
}

export async function getVisit(ctx: Ctx, campaignId: string, visitId: string): Promise<MutualVisit> {
  const { row, opened } = await visitFor(ctx, campaignId, visitId, false);
  return present(row, opened.access === 'write' && opened.lockReason === null);
}

export async function recordVisit(ctx: Ctx, campaignId: string, villageId: string, input: MutualVisitCreate): Promise<MutualVisit> {
  return inTransaction(ctx, async (tx) => {
    const { campaign, village } = await openStageVillageForWrite(tx, campaignId, 'mutual', villageId);
    checkContent(tx, campaign, input);
    const id = randomUUID();
    const now = ctx.now();
    await insertMutualVisits(tx.db, [
      { id, countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, ...input, recordedBy: ctx.principal.userId, createdAt: now, updatedAt: now },
    ]);
    await recordAudit(tx, { event: 'mutual_visit.create', objectType: 'mutual_visit', objectId: id, after: auditSnapshot({ villageId, visitDate: input.visitDate }) });
    return present((await selectMutualVisit(tx.db, ctx.principal.countyId, campaignId, id)) as MutualVisitRow, true);
  });
}

export async function updateVisit(ctx: Ctx, campaignId: string, visitId: string, input: MutualVisitUpdate): Promise<MutualVisit> {
  return inTransaction(ctx, async (tx) => {
    const { row, opened } = await visitFor(tx, campaignId, visitId, true);
    checkContent(tx, opened.campaign, input);
    const changed = (Object.keys(input) as (keyof MutualVisitUpdate)[]).filter((k) => input[k] !== undefined && input[k] !== row[k]);
    if (changed.length === 0) return present(row, true);
    await updateMutualVisit(tx.db, ctx.principal.countyId, visitId, { ...input, updatedAt: ctx.now() });
    const after = (await selectMutualVisit(tx.db, ctx.principal.countyId, campaignId, visitId)) as MutualVisitRow;
    await recordAudit(tx, {
      event: 'mutual_visit.update',
      objectType: 'mutual_visit',
      objectId: visitId,
      before: auditSnapshot(row),
      after: { ...auditSnapshot(after), changed },
    });
    return present(after, true);
  });
}

export async function deleteVisit(ctx: Ctx, campaignId: string, visitId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row } = await visitFor(tx, campaignId, visitId, true);
    await deleteMutualVisit(tx.db, ctx.principal.countyId, visitId);
    await recordAudit(tx, { event: 'mutual_visit.delete', objectType: 'mutual_visit', objectId: visitId, before: auditSnapshot(row) });
  });
}
