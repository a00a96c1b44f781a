// 为民办实事: drafted at year start, approved by the town, tracked, settled at year end, published.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type {
  Commitment,
  CommitmentCreate,
  CommitmentDetail,
  CommitmentListQuery,
  CommitmentSettle,
  CommitmentUpdate,
} from '../../../shared/contracts/fieldwork-service.js';
import type { Permission } from '../../../shared/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { fieldScope, filterPathOf, todayOf, villageInScope } from '../pairing/field-scope.service.js';
import { isCommitmentEditable, missingOutcomeFields, nextCommitmentStatus, type CommitmentAction } from './service.js';
import {
  insertCommitments,
  listCommitments,
  selectCommitment,
  selectSettledOfVillage,
  updateCommitment,
  type CommitmentRow,
} from './commitments.queries.js';
import { insertEvents, selectEvents } from './events.queries.js';

function presentCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    villageId: row.villageId,
    villageName: row.villageName,
    townName: row.townName ?? '',
    year: row.year,
    category: row.category as Commitment['category'],
    title: row.title,
    description: row.description,
    targetDate: row.targetDate,
    status: row.status,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    evidence: row.evidence,
    returnReason: row.returnReason,
    progressNote: row.progressNote,
    approvedDate: row.approvedDate,
    settledDate: row.settledDate,
    publishedDate: row.publishedDate,
  };
}

const snapshot = (c: Pick<CommitmentRow, 'title' | 'category' | 'targetDate' | 'status' | 'outcome'>) => ({
  title: c.title,
  category: c.category,
  targetDate: c.targetDate,
  status: c.status,
  outcome: c.outcome,
});

export async function listVillageCommitments(ctx: Ctx, q: CommitmentListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listCommitments(ctx.db, ctx.principal.countyId, scope.paths, { year: q.year, underPath, status: q.status }, q);
  return { items: page.items.map(presentCommitment), total: page.total };
}

async function findCommitment(ctx: Ctx, permission: Permission, id: string): Promise<CommitmentRow> {
  const row = await selectCommitment(ctx.db, ctx.principal.countyId, (await fieldScope(ctx, permission)).paths, id);
  if (!row) throw new AppError('commitment.not_found');
  return row;
}

export async function getCommitment(ctx: Ctx, id: string): Promise<CommitmentDetail> {
  const row = await findCommitment(ctx, 'fieldwork:read', id);
  return { ...presentCommitment(row), events: await selectEvents(ctx.db, ctx.principal.countyId, id) };
}

const event = (ctx: Ctx, row: { id: string; orgPath: string }, action: string, from: string | null, to: string | null, note = '') => ({
  countyId: ctx.principal.countyId,
  objectType: 'commitment' as const,
  objectId: row.id,
  orgPath: row.orgPath,
  at: ctx.now(),
  action,
  fromStatus: from,
  toStatus: to,
  actor: ctx.principal.displayName,
  note,
});

export async function createCommitment(ctx: Ctx, input: CommitmentCreate): Promise<Commitment> {
  return inTransaction(ctx, async (tx) => {
    const village = await villageInScope(tx, await fieldScope(tx, 'service:write'), input.villageId);
    const id = randomUUID();
    const row = {
      id,
      countyId: ctx.principal.countyId,
      villageId: village.id,
      orgPath: village.path,
      year: input.year,
      category: input.category,
      title: input.title,
      description: input.description ?? '',
      targetDate: input.targetDate ?? null,
      status: 'draft' as const,
      outcome: null,
      createdBy: ctx.principal.userId,
    };
    await insertCommitments(tx.db, [row]);
    await insertEvents(tx.db, [event(tx, row, 'create', null, 'draft')]);
    await recordAudit(tx, { event: 'commitment.create', objectType: 'commitment', objectId: id, after: { villageId: village.id, year: input.year, ...snapshot(row) } });
    return presentCommitment(await findCommitment(tx, 'service:write', id));
  });
}

export async function updateCommitmentDetails(ctx: Ctx, id: string, input: CommitmentUpdate): Promise<Commitment> {
  return inTransaction(ctx, async (tx) => {
    const before = await findCommitment(tx, 'service:write', id);
    if (!isCommitmentEditable(before.status)) throw new AppError('commitment.invalid_transition', { from: before.status, action: 'edit' });
    await updateCommitment(tx.db, ctx.principal.countyId, id, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'commitment.update', objectType: 'commitment', objectId: id, before: snapshot(before), after: snapshot({ ...before, ...input }) });
    return presentCommitment(await findCommitment(tx, 'service:write', id));
  });
}

type Extra = { note?: string; reason?: string; settle?: CommitmentSettle };

/** Approving or returning is the town's decision; every other step is the village's. */
const permissionFor = (action: CommitmentAction): Permission => (action === 'approve' || action === 'return' ? 'service:approve' : 'service:write');

export async function moveCommitment(ctx: Ctx, id: string, action: CommitmentAction, extra: Extra = {}): Promise<Commitment> {
  return inTransaction(ctx, async (tx) => {
    const before = await findCommitment(tx, permissionFor(action), id);
    const status = nextCommitmentStatus(before.status, action);
    if (!status) throw new AppError('commitment.invalid_transition', { from: before.status, action });
    const today = todayOf(ctx);
    const set: Parameters<typeof updateCommitment>[3] = { status, updatedAt: ctx.now() };
    if (action === 'approve') Object.assign(set, { approvedBy: ctx.principal.userId, approvedDate: today, returnReason: '' });
    if (action === 'return') set.returnReason = extra.reason ?? '';
    if (action === 'settle' && extra.settle) {
      const { outcome, reason = '', evidence = '' } = extra.settle;
      const missing = missingOutcomeFields(outcome, reason, evidence);
      if (missing.length > 0) throw new AppError('commitment.outcome_incomplete', { missing });
      Object.assign(set, { outcome, outcomeReason: reason, evidence, settledDate: today });
    }
    if (action === 'publish') set.publishedDate = today;
    await updateCommitment(tx.db, ctx.principal.countyId, id, set);
    const note = extra.reason ?? extra.note ?? extra.settle?.reason ?? '';
    await insertEvents(tx.db, [event(tx, before, action, before.status, status, note)]);
    await recordAudit(tx, {
      event: `commitment.${action}`,
      objectType: 'commitment',
      objectId: id,
      before: { status: before.status, outcome: before.outcome },
      after: { status, outcome: set.outcome ?? before.outcome, reason: extra.reason ?? extra.settle?.reason },
    });
    return presentCommitment(await findCommitment(tx, permissionFor(action), id));
  });
}

/** Progress notes during the year: recorded on the timeline, the status stays. */
export async function noteCommitmentProgress(ctx: Ctx, id: string, note: string): Promise<Commitment> {
  return inTransaction(ctx, async (tx) => {
    const before = await findCommitment(tx, 'service:write', id);
    if (before.status !== 'in_progress') throw new AppError('commitment.invalid_transition', { from: before.status, action: 'note' });
    await updateCommitment(tx.db, ctx.principal.countyId, id, { progressNote: note, updatedAt: ctx.now() });
    await insertEvents(tx.db, [event(tx, before, 'note', null, null, note)]);
    await recordAudit(tx, { event: 'commitment.progress', objectType: 'commitment', objectId: id, after: { status: before.status } });
    return presentCommitment(await findCommitment(tx, 'service:write', id));
  });
}

/** Year-end publication (公示) of every settled item of a village at once. */
export async function publishVillageYear(ctx: Ctx, villageId: string, year: number): Promise<{ published: number }> {
  return inTransaction(ctx, async (tx) => {
    const village = await villageInScope(tx, await fieldScope(tx, 'service:write'), villageId);
    const rows = await selectSettledOfVillage(tx.db, ctx.principal.countyId, village.id, year);
    if (rows.length === 0) throw new AppError('commitment.invalid_transition', { action: 'publish', reason: 'nothing settled' });
    await updateCommitment(tx.db, ctx.principal.countyId, rows.map((r) => r.id), { status: 'published', publishedDate: todayOf(ctx), updatedAt: ctx.now() });
    await insertEvents(tx.db, rows.map((r) => event(tx, r, 'publish', 'settled', 'published')));
    await recordAudit(tx, { event: 'commitment.publish_all', objectType: 'org_unit', objectId: village.id, after: { year, count: rows.length, ids: rows.map((r) => r.id) } });
    return { published: rows.length };
  });
}
