// 查阅考评材料: the city team attaches evidence to a village's stage-3 indicators; whoever may
// read the campaign for that village may view it. Files are typed by their bytes and stored
// outside the web root; each upload and removal writes one audit row.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import { maxEvidenceBytes, type Evidence } from '../../../../shared/contracts/evaluation-results.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { selectOrgUnit } from '../../orgs/orgs.queries.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { campaignReadScope, mayScoreCity } from '../evaluation.policy.js';
import { stageIndicators } from '../sheets/sheets.js';
import { checkUpload, sanitizeFileName } from '../../../files/file-type.js';
import { discardEvidenceFile, readEvidenceFile, storeEvidenceFile } from '../../../files/file-store.js';
import { insertEvidence, markEvidenceRemoved, selectEvidence, selectVillageEvidence, type EvidenceRow } from './evidence.queries.js';

export function presentEvidence(row: EvidenceRow, indicatorNames: Map<string, string>): Evidence {
  return {
    id: row.id,
    campaignId: row.campaignId,
    villageId: row.villageId,
    indicatorId: row.indicatorId,
    indicatorName: indicatorNames.get(row.indicatorId) ?? row.indicatorId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    downloadUrl: `/api/evidence/${row.id}/file`,
  };
}

async function cityIndicatorNames(ctx: Ctx, campaign: CampaignRow): Promise<Map<string, string>> {
  const standard = await campaignStandard(ctx, campaign);
  return new Map(stageIndicators(standard, 'city').map((i) => [i.id, i.name]));
}

/** The village, if the caller may read the campaign there; otherwise it does not exist for them. */
async function readableVillage(ctx: Ctx, villageId: string) {
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), villageId);
  if (!village || village.level !== 'village') throw new AppError('org.not_found');
  return village;
}

/** Why the caller cannot add or remove evidence for this village now; null when they can. */
function uploadLockReason(ctx: Ctx, campaign: CampaignRow, villagePath: string): string | null {
  if (!mayScoreCity(ctx.principal, villagePath)) return '只有市级考评专班可以上传考评材料';
  return sheetLockReason(campaign.status, 'city', campaign.windows, chinaDate(ctx.now()));
}

export async function listEvidence(ctx: Ctx, campaignId: string, villageId: string, indicatorId?: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await readableVillage(ctx, villageId);
  const rows = await selectVillageEvidence(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), campaignId, villageId, indicatorId);
  const names = await cityIndicatorNames(ctx, campaign);
  return { uploadLockReason: uploadLockReason(ctx, campaign, village.path), items: rows.map((r) => presentEvidence(r, names)) };
}

export async function uploadEvidence(ctx: Ctx, campaignId: string, villageId: string, meta: { indicatorId: string; fileName: string }, body: unknown): Promise<Evidence> {
  const countyId = ctx.principal.countyId;
  const campaign = await findCampaign(ctx, campaignId);
  const village = await selectOrgUnit(ctx.db, countyId, scopePaths(ctx.principal, 'score:city'), villageId);
  if (!village || village.level !== 'village') throw new AppError('sheet.not_assigned');
  const lock = uploadLockReason(ctx, campaign, village.path);
  if (lock) throw new AppError('evidence.locked', { reason: lock });
  const names = await cityIndicatorNames(ctx, campaign);
  if (!names.has(meta.indicatorId)) throw new AppError('evidence.unknown_indicator', { indicatorId: meta.indicatorId });
  const { data, contentType, sha256 } = checkUpload(body, maxEvidenceBytes);
  const existing = await selectVillageEvidence(ctx.db, countyId, ['/'], campaignId, villageId, meta.indicatorId);
  if (existing.some((e) => e.sha256 === sha256)) throw new AppError('evidence.duplicate');

  const id = randomUUID();
  const row = {
    id, countyId, campaignId, villageId, orgPath: village.path, indicatorId: meta.indicatorId, fileName: sanitizeFileName(meta.fileName, contentType),
    contentType, sizeBytes: data.length, sha256, uploadedBy: ctx.principal.userId, uploadedAt: ctx.now(),
  };
  // The bytes go first; if the row does not commit, the orphan file is removed again.
  await storeEvidenceFile(ctx.evidenceDir, countyId, id, data);
  try {
    await inTransaction(ctx, async (tx) => {
      await insertEvidence(tx.db, row);
      const { countyId: _c, orgPath: _p, uploadedAt: _a, ...after } = row;
      await recordAudit(tx, { event: 'evidence.upload', objectType: 'evidence', objectId: id, after });
    });
  } catch (err) {
    await discardEvidenceFile(ctx.evidenceDir, countyId, id);
    throw err;
  }
  return presentEvidence({ ...row, removedBy: null, removedAt: null, uploadedByName: ctx.principal.displayName }, names);
}

/** The file for a download, if its village is one the caller may read. */
export async function getEvidenceFile(ctx: Ctx, id: string) {
  const row = await selectEvidence(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), id);
  if (!row) throw new AppError('evidence.not_found');
  const data = await readEvidenceFile(ctx.evidenceDir, row.countyId, row.id);
  return { fileName: row.fileName, contentType: row.contentType, data };
}

/** Hidden from the lists while stage 3 is open; the file stays for the record. */
export async function removeEvidence(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await selectEvidence(tx.db, ctx.principal.countyId, scopePaths(ctx.principal, 'score:city'), id);
    if (!row) throw new AppError('evidence.not_found');
    const campaign = await findCampaign(tx, row.campaignId);
    const lock = uploadLockReason(tx, campaign, row.orgPath);
    if (lock) throw new AppError('evidence.locked', { reason: lock });
    await markEvidenceRemoved(tx.db, ctx.principal.countyId, id, ctx.principal.userId, ctx.now());
    await recordAudit(tx, {
      event: 'evidence.remove',
      objectType: 'evidence',
      objectId: id,
      before: { campaignId: row.campaignId, villageId: row.villageId, indicatorId: row.indicatorId, fileName: row.fileName, sha256: row.sha256 },
    });
  });
}

/** For the village evaluation page: every listed file of the village in the campaign. */
export async function villageEvidence(ctx: Ctx, campaign: CampaignRow, villageId: string): Promise<Evidence[]> {
  const rows = await selectVillageEvidence(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), campaign.id, villageId);
  const names = await cityIndicatorNames(ctx, campaign);
  return rows.map((r) => presentEvidence(r, names));
}
