// 整改 after the department review: the village's panel (or the department) sets tasks with a
// deadline, the village admin submits evidence, the panel or the department verifies or returns.
// Every move is one audited transition; an illegal one is 409 and changes nothing.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { Attachment } from '../../../../shared/contracts/attachments.js';
import { rectificationStatusLabels } from '../../../../shared/contracts/evaluation-stages.js';
import type {
  RectificationCreate,
  RectificationListQuery,
  RectificationTask,
  RectificationUpdate,
} from '../../../../shared/contracts/evaluation-stages.js';
import { recordAudit } from '../../audit/audit.service.js';
import { addAttachment, attachmentFile, attachmentsOf, removeAttachment, type AttachmentOwner } from '../../attachments/attachments.service.js';
import { isInScope, scopePaths } from '../../auth/principal.js';
import { selectOrgUnit } from '../../orgs/orgs.queries.js';
import type { OrgRow } from '../../orgs/orgs.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { isOwnUnit } from '../evaluation.policy.js';
import { isOverdue, nextRectificationStatus, rectificationCreateLock, rectificationHandleLock, type RectificationMove } from './rectification.js';
import {
  insertRectification,
  listRectifications as listTaskRows,
  selectRectification,
  updateRectification,
  type RectificationRow,
} from './rectification.queries.js';
import { assignedVillages, stageAccess } from '../stages/stages.access.service.js';
import { personalNumberFields } from '../stages/stages.js';

type Part = { reviewer: boolean; submitter: boolean; reader: boolean };

/** The caller's part in a village's tasks: the panel or the department review, the village submits, its town reads. */
async function partIn(ctx: Ctx, campaign: CampaignRow, village: Pick<OrgRow, 'id' | 'path'>, panelVillages?: ReadonlySet<string>): Promise<Part> {
  let reviewer = false;
  try {
    reviewer = (await stageAccess(ctx, campaign, 'department', village, panelVillages)) !== null;
  } catch {
    reviewer = false; // a judge's own unit
  }
  const submitter = isInScope(scopePaths(ctx.principal, 'rectification:submit'), village.path);
  const ownReader = isOwnUnit(ctx.principal, village.path) && isInScope(scopePaths(ctx.principal, 'campaign:read'), village.path);
  return { reviewer, submitter, reader: reviewer || submitter || ownReader };
}

function actionsFor(part: Part, row: Pick<RectificationRow, 'status'>, campaign: CampaignRow): RectificationTask['actions'] {
  if (rectificationHandleLock(campaign.status)) return [];
  const actions: RectificationTask['actions'] = [];
  if (part.reviewer && row.status === 'open') actions.push('edit');
  if (part.submitter && nextRectificationStatus(row.status, 'submit')) actions.push('attach', 'submit');
  if (part.reviewer && row.status === 'submitted') actions.push('verify', 'return');
  return actions;
}

const filesBase = (row: Pick<RectificationRow, 'campaignId' | 'id'>) => `/api/campaigns/${row.campaignId}/rectifications/${row.id}/files`;

function present({ orgPath: _p, submittedAt, verifiedAt, createdAt, ...row }: RectificationRow, actions: RectificationTask['actions'], today: string, files: Attachment[]): RectificationTask {
  return {
    ...row,
    files,
    overdue: isOverdue(row, today),
    submittedAt: submittedAt?.toISOString() ?? null,
    verifiedAt: verifiedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    actions,
  };
}

export async function listRectifications(ctx: Ctx, campaignId: string, q: RectificationListQuery) {
  const campaign = await findCampaign(ctx, campaignId);
  const p = ctx.principal;
  // The department's subtree, the village's own admins and officials, and the judge's panel villages.
  const paths = [
    ...scopePaths(p, 'campaign:manage'),
    ...scopePaths(p, 'rectification:submit'),
    ...scopePaths({ roles: p.roles.filter((r) => r.orgLevel !== 'city') }, 'campaign:read'),
  ];
  const panelVillages = await assignedVillages(ctx, campaign, 'department');
  const today = chinaDate(ctx.now());
  const overdueOn = q.overdue === undefined ? undefined : { today, overdue: q.overdue };
  const page = await listTaskRows(ctx.db, p.countyId, campaignId, { paths, villageIds: [...panelVillages] }, { villageId: q.villageId, status: q.status, overdueOn }, q);
  const files = await attachmentsOf(ctx, 'rectification', page.items.map((r) => ({ id: r.id, base: filesBase(r) })));
  const items: RectificationTask[] = [];
  for (const row of page.items) {
    const actions = actionsFor(await partIn(ctx, campaign, { id: row.villageId, path: row.orgPath }, panelVillages), row, campaign);
    items.push(present(row, actions, today, files.get(row.id) ?? []));
  }
  return { items, total: page.total };
}

async function taskFor(ctx: Ctx, campaignId: string, taskId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const row = await selectRectification(ctx.db, ctx.principal.countyId, campaignId, taskId);
  if (!row) throw new AppError('rectification.not_found');
  const part = await partIn(ctx, campaign, { id: row.villageId, path: row.orgPath });
  if (!part.reader) throw new AppError('rectification.not_found');
  return { campaign, row, part };
}

export async function getRectification(ctx: Ctx, campaignId: string, taskId: string): Promise<RectificationTask> {
  const { campaign, row, part } = await taskFor(ctx, campaignId, taskId);
  const files = await attachmentsOf(ctx, 'rectification', [{ id: row.id, base: filesBase(row) }]);
  return present(row, actionsFor(part, row, campaign), chinaDate(ctx.now()), files.get(row.id) ?? []);
}

/** The task as a file owner, for whoever may read it. */
async function fileOwner(ctx: Ctx, campaignId: string, taskId: string): Promise<AttachmentOwner> {
  const { row } = await taskFor(ctx, campaignId, taskId);
  return { kind: 'rectification', id: row.id, villageId: row.villageId, orgPath: row.orgPath, base: filesBase(row) };
}

/**
 * Only the village changes its 整改材料, and only while the task waits for it (open or returned) and
 * the campaign still handles rectification. The task row is touched under its status, so a submit
 * racing the upload either sees the file or the upload is refused.
 */
function attachGuard(campaignId: string, taskId: string) {
  return async (tx: Ctx) => {
    const { campaign, row, part } = await taskFor(tx, campaignId, taskId);
    if (!part.submitter) throw new AppError('auth.forbidden');
    const lock = rectificationHandleLock(campaign.status);
    if (lock) throw new AppError('attachment.locked', { reason: lock });
    if (!nextRectificationStatus(row.status, 'submit')) throw new AppError('attachment.locked', { reason: `整改任务${rectificationStatusLabels[row.status]}，材料不能再改动` });
    if ((await updateRectification(tx.db, tx.principal.countyId, taskId, row.status, { updatedAt: tx.now() })) === 0) {
      throw new AppError('rectification.invalid_transition', { from: row.status, action: 'attach' });
    }
  };
}

export async function uploadRectificationFile(ctx: Ctx, campaignId: string, taskId: string, fileName: string, body: unknown): Promise<Attachment> {
  return addAttachment(ctx, await fileOwner(ctx, campaignId, taskId), fileName, body, attachGuard(campaignId, taskId));
}

export async function removeRectificationFile(ctx: Ctx, campaignId: string, taskId: string, fileId: string): Promise<void> {
  await removeAttachment(ctx, await fileOwner(ctx, campaignId, taskId), fileId, attachGuard(campaignId, taskId));
}

export async function rectificationFile(ctx: Ctx, campaignId: string, taskId: string, fileId: string) {
  return attachmentFile(ctx, await fileOwner(ctx, campaignId, taskId), fileId);
}

function checkText(fields: Record<string, string | undefined>) {
  const bad = personalNumberFields(fields);
  if (bad.length > 0) throw new AppError('stage_work.personal_data', { fields: bad });
}

const auditShape = (r: { title: string; deadline: string; status: string }) => ({ title: r.title, deadline: r.deadline, status: r.status });

export async function createRectification(ctx: Ctx, campaignId: string, villageId: string, input: RectificationCreate): Promise<RectificationTask> {
  checkText({ title: input.title, requirement: input.requirement, ownerText: input.ownerText });
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    const village = await selectOrgUnit(tx.db, ctx.principal.countyId, ['/'], villageId);
    if (!village || village.level !== 'village') throw new AppError('sheet.not_assigned');
    if (!(await partIn(tx, campaign, village)).reviewer) throw new AppError('sheet.not_assigned');
    const lock = rectificationCreateLock(campaign.status);
    if (lock) throw new AppError('rectification.locked', { reason: lock });
    const now = ctx.now();
    await insertRectification(tx.db, {
      id, countyId: ctx.principal.countyId, campaignId, villageId, orgPath: village.path, ...input, status: 'open', createdBy: ctx.principal.userId, createdAt: now, updatedAt: now,
    });
    // The owner is often a person's name: the audit row keeps the task, not the person.
    await recordAudit(tx, { event: 'rectification.create', objectType: 'rectification_task', objectId: id, after: { villageId, ...auditShape({ ...input, status: 'open' }) } });
  });
  return getRectification(ctx, campaignId, id);
}

export async function updateRectificationTask(ctx: Ctx, campaignId: string, taskId: string, input: RectificationUpdate): Promise<RectificationTask> {
  checkText({ title: input.title, requirement: input.requirement, ownerText: input.ownerText });
  await inTransaction(ctx, async (tx) => {
    const { campaign, row, part } = await taskFor(tx, campaignId, taskId);
    if (!part.reviewer) throw new AppError('auth.forbidden');
    const lock = rectificationHandleLock(campaign.status);
    if (lock) throw new AppError('rectification.locked', { reason: lock });
    if (row.status !== 'open') throw new AppError('rectification.invalid_transition', { from: row.status, action: 'edit' });
    const changed = await updateRectification(tx.db, ctx.principal.countyId, taskId, 'open', { ...input, updatedAt: ctx.now() });
    if (changed === 0) throw new AppError('rectification.invalid_transition', { from: row.status, action: 'edit' });
    await recordAudit(tx, { event: 'rectification.update', objectType: 'rectification_task', objectId: taskId, before: auditShape(row), after: auditShape({ ...row, ...input }) });
  });
  return getRectification(ctx, campaignId, taskId);
}

export type MoveInput = { move: 'submit'; evidence: string } | { move: 'verify'; note: string } | { move: 'return'; reason: string };

/** One step of the task: submit (the village), verify or return (the panel or the department). */
export async function moveRectification(ctx: Ctx, campaignId: string, taskId: string, input: MoveInput): Promise<RectificationTask> {
  if (input.move === 'submit') checkText({ evidence: input.evidence });
  await inTransaction(ctx, async (tx) => {
    const { campaign, row, part } = await taskFor(tx, campaignId, taskId);
    if (input.move === 'submit' ? !part.submitter : !part.reviewer) throw new AppError('auth.forbidden');
    const lock = rectificationHandleLock(campaign.status);
    if (lock) throw new AppError('rectification.locked', { reason: lock });
    const to = nextRectificationStatus(row.status, input.move as RectificationMove);
    if (!to) throw new AppError('rectification.invalid_transition', { from: row.status, action: input.move });
    const now = ctx.now();
    const me = ctx.principal.userId;
    const set =
      input.move === 'submit'
        ? { evidence: input.evidence, submittedBy: me, submittedAt: now }
        : input.move === 'verify'
          ? { verifiedBy: me, verifiedAt: now, verifyNote: input.note }
          : { returnReason: input.reason };
    const changed = await updateRectification(tx.db, ctx.principal.countyId, taskId, row.status, { ...set, status: to, updatedAt: now });
    if (changed === 0) throw new AppError('rectification.invalid_transition', { from: row.status, action: input.move });
    const detail = input.move === 'submit' ? { evidenceLength: input.evidence.length } : input.move === 'verify' ? { note: input.note } : { reason: input.reason };
    await recordAudit(tx, { event: `rectification.${input.move}`, objectType: 'rectification_task', objectId: taskId, before: { status: row.status }, after: { status: to, ...detail } });
  });
  return getRectification(ctx, campaignId, taskId);
}
