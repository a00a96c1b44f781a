// 自评 with approvals: the village fills its self-evaluation and submits it under the secretary's
// account, its town approves or returns it with a reason, the department sends an approved one back
// to the town with a reason. Each step is one audited, conditional write: a move that is not drawn,
// or a save that started from an older version, is 409 and changes nothing.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { maxEvidenceBytes } from '../../../shared/contracts/evaluation-results.js';
import type { SelfEvaluation, SelfEvaluationFile, SelfEvaluationListQuery, SelfEvaluationRow, SelfEvaluationSave, SelfEvaluationStatus } from '../../../shared/contracts/self-evaluation.js';
import { recordAudit } from '../audit/audit.service.js';
import { isInScope, scopePaths } from '../auth/principal.js';
import { selectAllOrgUnits, selectOrgUnit } from '../orgs/orgs.queries.js';
import type { OrgRow } from '../orgs/orgs.js';
import { campaignStandard, findCampaign } from '../campaigns/campaigns.service.js';
import type { CampaignRow } from '../campaigns/campaigns.queries.js';
import { campaignReadScope } from '../evaluation/evaluation.policy.js';
import { checkUpload, sanitizeFileName } from '../../files/file-type.js';
import { discardEvidenceFile, readEvidenceFile, storeEvidenceFile } from '../../files/file-store.js';
import {
  actionsFor,
  campaignLock,
  checkItems,
  isEditable,
  missingIndicators,
  nextSelfEvaluationStatus,
  selfIndicators,
  stageRole,
  totalOf,
  type Part,
  type SelfEvaluationMove,
  type SelfIndicator,
} from './self-evaluation.js';
import {
  insertFile,
  insertSelfEvaluation,
  markFileRemoved,
  selectFile,
  selectFiles,
  selectSelfEvaluation,
  selectSelfEvaluationById,
  selectSelfEvaluations,
  updateSelfEvaluation,
  type SelfEvaluationDbRow,
  type SelfEvaluationFileRow,
} from './self-evaluation.queries.js';

function partOf(ctx: Ctx, villagePath: string): Part {
  const p = ctx.principal;
  return {
    submitter: isInScope(scopePaths(p, 'selfeval:submit'), villagePath),
    reviewer: isInScope(scopePaths(p, 'selfeval:review'), villagePath),
    unapprover: isInScope(scopePaths(p, 'selfeval:unapprove'), villagePath),
  };
}

/** The village if the caller may read the campaign there; otherwise it does not exist for them. */
async function readableVillage(ctx: Ctx, villageId: string): Promise<OrgRow> {
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), villageId);
  if (!village || village.level !== 'village') throw new AppError('selfeval.not_found');
  return village;
}

const personAt = (name: string | null, at: Date | null) => (name && at ? { name, at: at.toISOString() } : null);

function presentFile(f: SelfEvaluationFileRow): SelfEvaluationFile {
  return {
    id: f.id,
    indicatorId: f.indicatorId,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    uploadedByName: f.uploadedByName,
    uploadedAt: f.uploadedAt.toISOString(),
    downloadUrl: `/api/self-evaluation-files/${f.id}/file`,
  };
}

function lockReasonFor(part: Part, status: SelfEvaluationStatus, campaign: CampaignRow): string | null {
  const closed = campaignLock(campaign.status);
  if (closed) return closed;
  if (!part.submitter) return '只有本村村级管理员（村党组织书记账号）可以填报自评';
  if (status === 'submitted') return '自评已提交，等待镇审核；镇退回后才能修改';
  if (status === 'approved') return '自评已由镇审核通过并锁定；市级退回、镇再退回后才能修改';
  return null;
}

async function present(ctx: Ctx, campaign: CampaignRow, village: OrgRow, indicators: readonly SelfIndicator[], row: SelfEvaluationDbRow | undefined, role: ReturnType<typeof stageRole>): Promise<SelfEvaluation> {
  const status: SelfEvaluationStatus = row?.status ?? 'not_started';
  const part = partOf(ctx, village.path);
  const files = row ? await selectFiles(ctx.db, ctx.principal.countyId, row.id) : [];
  const items = row?.items ?? {};
  return {
    campaignId: campaign.id,
    village: { id: village.id, name: village.name, townId: village.parentId as string, townName: village.parentName ?? '' },
    status,
    stageRole: role.role,
    stageRoleText: role.text,
    indicators: indicators.map((i) => ({
      ...i,
      points: items[i.id]?.points ?? null,
      note: items[i.id]?.note ?? '',
      files: files.filter((f) => f.indicatorId === i.id).map(presentFile),
    })),
    total: totalOf(indicators, items),
    maxTotal: indicators.reduce((n, i) => n + Math.round(i.maxPoints * 100), 0) / 100,
    submitted: personAt(row?.submittedByName ?? null, row?.submittedAt ?? null),
    reviewed: personAt(row?.reviewedByName ?? null, row?.reviewedAt ?? null),
    returnReason: row?.returnReason ?? null,
    returnedBy: row?.returnedBy ?? null,
    lockReason: lockReasonFor(part, status, campaign),
    actions: actionsFor(part, status, campaign.status),
    version: row?.version ?? 0,
  };
}

export async function getSelfEvaluation(ctx: Ctx, campaignId: string, villageId: string): Promise<SelfEvaluation> {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await readableVillage(ctx, villageId);
  const standard = await campaignStandard(ctx, campaign);
  const row = await selectSelfEvaluation(ctx.db, ctx.principal.countyId, campaignId, villageId);
  return present(ctx, campaign, village, selfIndicators(standard), row, stageRole(standard));
}

/** Every village the caller may read, with its self-evaluation's state, town by town. */
export async function listSelfEvaluations(ctx: Ctx, campaignId: string, q: SelfEvaluationListQuery) {
  const campaign = await findCampaign(ctx, campaignId);
  const scope = campaignReadScope(ctx.principal);
  const standard = await campaignStandard(ctx, campaign);
  const indicators = selfIndicators(standard);
  const units = await selectAllOrgUnits(ctx.db, ctx.principal.countyId, scope);
  // Town by town, in the units' own order (sort order, then code), as the org tree shows them.
  const byOrder = (a: OrgRow, b: OrgRow) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
  const villages = units
    .filter((u) => u.level === 'village' && u.active && (!q.townId || u.parentId === q.townId))
    .sort((a, b) => (a.parentName ?? '').localeCompare(b.parentName ?? '', 'zh-CN') || byOrder(a, b));
  const rows = new Map((await selectSelfEvaluations(ctx.db, ctx.principal.countyId, scope, campaignId)).map((r) => [r.villageId, r]));
  const all: SelfEvaluationRow[] = villages
    .map((v) => {
      const r = rows.get(v.id);
      const status: SelfEvaluationStatus = r?.status ?? 'not_started';
      return {
        villageId: v.id,
        villageName: v.name,
        townId: v.parentId as string,
        townName: v.parentName ?? '',
        status,
        total: r ? totalOf(indicators, r.items) : null,
        submitted: personAt(r?.submittedByName ?? null, r?.submittedAt ?? null),
        reviewed: personAt(r?.reviewedByName ?? null, r?.reviewedAt ?? null),
        returnReason: r?.returnReason ?? null,
        returnedBy: r?.returnedBy ?? null,
        actions: actionsFor(partOf(ctx, v.path), status, campaign.status),
      };
    });
  const counts: Record<string, number> = {};
  for (const r of all) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const filtered = q.status ? all.filter((r) => r.status === q.status) : all;
  const start = (q.page - 1) * q.pageSize;
  return { items: filtered.slice(start, start + q.pageSize), total: filtered.length, counts };
}

/** The village for a step of `permission`; a village outside the caller's reading scope does not exist. */
async function villageFor(ctx: Ctx, villageId: string, may: keyof Part): Promise<OrgRow> {
  const village = await readableVillage(ctx, villageId);
  if (!partOf(ctx, village.path)[may]) throw new AppError('auth.forbidden');
  return village;
}

async function openCampaign(ctx: Ctx, campaignId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const lock = campaignLock(campaign.status);
  if (lock) throw new AppError('selfeval.closed', { reason: lock });
  return campaign;
}

/** Saves points and notes of a draft or returned self-evaluation (created on the first save). */
export async function saveSelfEvaluation(ctx: Ctx, campaignId: string, villageId: string, input: SelfEvaluationSave): Promise<SelfEvaluation> {
  await inTransaction(ctx, async (tx) => {
    const campaign = await openCampaign(tx, campaignId);
    const village = await villageFor(tx, villageId, 'submitter');
    const indicators = selfIndicators(await campaignStandard(tx, campaign));
    const checked = checkItems(indicators, input.items);
    if ('problem' in checked) throw new AppError(checked.problem.code, { indicatorId: checked.problem.indicatorId });
    const countyId = ctx.principal.countyId;
    const row = await selectSelfEvaluation(tx.db, countyId, campaignId, villageId);
    const now = ctx.now();
    const me = ctx.principal.userId;
    if (row && !isEditable(row.status)) throw new AppError('selfeval.locked', { status: row.status });
    if ((row?.version ?? 0) !== input.version) throw new AppError('selfeval.version_conflict', { version: row?.version ?? 0 });
    let id: string;
    if (!row) {
      id = randomUUID();
      await insertSelfEvaluation(tx.db, { id, countyId, campaignId, villageId, orgPath: village.path, status: 'draft', items: checked.items, version: 1, updatedBy: me, updatedAt: now });
    } else {
      id = row.id;
      const changed = await updateSelfEvaluation(tx.db, countyId, id, { from: ['draft', 'returned'], version: row.version }, { items: { ...row.items, ...checked.items }, version: row.version + 1, updatedBy: me, updatedAt: now });
      if (changed === 0) throw new AppError('selfeval.version_conflict', { version: row.version });
    }
    const before = Object.fromEntries(Object.keys(checked.items).map((k) => [k, row?.items[k] ?? null]));
    await recordAudit(tx, { event: 'selfeval.save', objectType: 'self_evaluation', objectId: id, before: { villageId, items: before }, after: { villageId, items: checked.items } });
  });
  return getSelfEvaluation(ctx, campaignId, villageId);
}

const movePart: Record<SelfEvaluationMove, keyof Part> = { submit: 'submitter', approve: 'reviewer', return: 'reviewer', unapprove: 'unapprover' };
const moveEvents = { submit: 'selfeval.submit', approve: 'selfeval.approve', return: 'selfeval.return', unapprove: 'selfeval.unapprove' } as const;

/** One approval step: submit (the village), approve or return (its town), unapprove (the department). */
export async function moveSelfEvaluation(ctx: Ctx, campaignId: string, villageId: string, move: SelfEvaluationMove, reason?: string): Promise<SelfEvaluation> {
  await inTransaction(ctx, async (tx) => {
    const campaign = await openCampaign(tx, campaignId);
    await villageFor(tx, villageId, movePart[move]);
    const countyId = ctx.principal.countyId;
    const row = await selectSelfEvaluation(tx.db, countyId, campaignId, villageId);
    const from: SelfEvaluationStatus = row?.status ?? 'not_started';
    const to = nextSelfEvaluationStatus(from, move);
    if (!row || !to) throw new AppError('selfeval.invalid_transition', { from, action: move });
    if (move === 'submit') {
      const missing = missingIndicators(selfIndicators(await campaignStandard(tx, campaign)), row.items);
      if (missing.length > 0) throw new AppError('selfeval.incomplete', { indicatorIds: missing });
    }
    const now = ctx.now();
    const me = ctx.principal.userId;
    const set =
      move === 'submit'
        ? { submittedBy: me, submittedAt: now }
        : move === 'approve'
          ? { reviewedBy: me, reviewedAt: now, returnReason: null, returnedBy: null }
          : move === 'return'
            ? { reviewedBy: me, reviewedAt: now, returnReason: reason as string, returnedBy: 'town' as const }
            : { reviewedBy: null, reviewedAt: null, returnReason: reason as string, returnedBy: 'city' as const };
    const changed = await updateSelfEvaluation(tx.db, countyId, row.id, { from: [row.status], version: row.version }, { ...set, status: to, version: row.version + 1, updatedBy: me, updatedAt: now });
    if (changed === 0) throw new AppError('selfeval.invalid_transition', { from, action: move });
    await recordAudit(tx, {
      event: moveEvents[move],
      objectType: 'self_evaluation',
      objectId: row.id,
      before: { villageId, status: from },
      after: { villageId, status: to, ...(reason ? { reason } : {}), ...(move === 'submit' ? { total: totalOf(selfIndicators(await campaignStandard(tx, campaign)), row.items) } : {}) },
    });
  });
  return getSelfEvaluation(ctx, campaignId, villageId);
}

/** Attaches a file to an indicator of an editable self-evaluation (typed by its bytes, like stage-3 evidence). */
export async function uploadSelfEvaluationFile(ctx: Ctx, campaignId: string, villageId: string, meta: { indicatorId: string; fileName: string }, body: unknown): Promise<SelfEvaluationFile> {
  const countyId = ctx.principal.countyId;
  const campaign = await openCampaign(ctx, campaignId);
  const village = await villageFor(ctx, villageId, 'submitter');
  const indicators = selfIndicators(await campaignStandard(ctx, campaign));
  if (!indicators.some((i) => i.id === meta.indicatorId)) throw new AppError('selfeval.unknown_indicator', { indicatorId: meta.indicatorId });
  const { data, contentType, sha256 } = checkUpload(body, maxEvidenceBytes);
  const id = randomUUID();
  await storeEvidenceFile(ctx.evidenceDir, countyId, id, data);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await selectSelfEvaluation(tx.db, countyId, campaignId, villageId);
      if (!row) throw new AppError('selfeval.invalid_transition', { from: 'not_started', action: 'upload' });
      if (!isEditable(row.status)) throw new AppError('selfeval.locked', { status: row.status });
      const existing = await selectFiles(tx.db, countyId, row.id);
      if (existing.some((f) => f.indicatorId === meta.indicatorId && f.sha256 === sha256)) throw new AppError('evidence.duplicate');
      const file = { id, countyId, selfEvaluationId: row.id, villageId, orgPath: village.path, indicatorId: meta.indicatorId, fileName: sanitizeFileName(meta.fileName, contentType), contentType, sizeBytes: data.length, sha256, uploadedBy: ctx.principal.userId, uploadedAt: ctx.now() };
      // The status is read again under the row's version: a file never joins a submitted self-evaluation.
      const changed = await updateSelfEvaluation(tx.db, countyId, row.id, { from: ['draft', 'returned'], version: row.version }, { version: row.version + 1, updatedBy: ctx.principal.userId, updatedAt: ctx.now() });
      if (changed === 0) throw new AppError('selfeval.locked', { status: row.status });
      await insertFile(tx.db, file);
      await recordAudit(tx, { event: 'selfeval.file_upload', objectType: 'self_evaluation_file', objectId: id, after: { villageId, indicatorId: meta.indicatorId, fileName: file.fileName, sha256, sizeBytes: data.length } });
      return presentFile({ ...file, removedBy: null, removedAt: null, uploadedByName: ctx.principal.displayName });
    });
  } catch (err) {
    await discardEvidenceFile(ctx.evidenceDir, countyId, id);
    throw err;
  }
}

/** Hidden from the list while the self-evaluation is editable; the bytes stay for the record. */
export async function removeSelfEvaluationFile(ctx: Ctx, fileId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const file = await selectFile(tx.db, countyId, scopePaths(ctx.principal, 'selfeval:submit'), fileId);
    if (!file) throw new AppError('selfeval.file_not_found');
    const row = await selectSelfEvaluationById(tx.db, countyId, file.selfEvaluationId);
    if (!row) throw new AppError('selfeval.file_not_found');
    await openCampaign(tx, row.campaignId);
    if (!isEditable(row.status)) throw new AppError('selfeval.locked', { status: row.status });
    const changed = await updateSelfEvaluation(tx.db, countyId, row.id, { from: ['draft', 'returned'], version: row.version }, { version: row.version + 1, updatedBy: ctx.principal.userId, updatedAt: ctx.now() });
    if (changed === 0) throw new AppError('selfeval.locked', { status: row.status });
    await markFileRemoved(tx.db, countyId, fileId, ctx.principal.userId, ctx.now());
    await recordAudit(tx, { event: 'selfeval.file_remove', objectType: 'self_evaluation_file', objectId: fileId, before: { villageId: file.villageId, indicatorId: file.indicatorId, fileName: file.fileName, sha256: file.sha256 } });
  });
}

/** The bytes for a download, if the file's village is one the caller may read. */
export async function getSelfEvaluationFile(ctx: Ctx, fileId: string) {
  const file = await selectFile(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), fileId);
  if (!file) throw new AppError('selfeval.file_not_found');
  return { fileName: file.fileName, contentType: file.contentType, data: await readEvidenceFile(ctx.evidenceDir, file.countyId, file.id) };
}
