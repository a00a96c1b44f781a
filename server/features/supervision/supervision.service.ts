// 跟踪问效: town leaders' supervision of villages, and the findings they follow to the end.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type {
  Finding,
  FindingListQuery,
  SupervisionListQuery,
  SupervisionRecord,
  SupervisionRecordCreate,
  SupervisionRecordDetail,
} from '../../../shared/contracts/fieldwork-supervision.js';
import type { Permission } from '../../../shared/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotFuture, fieldScope, filterPathOf, todayOf, villageInScope } from '../pairing/field-scope.service.js';
import { isFindingOverdue, nextFindingStatus, type FindingAction } from './supervision.js';
import {
  insertFindings,
  insertRecords,
  listFindings,
  listRecords,
  selectFinding,
  selectFindingsOfRecord,
  selectKeyTaskOfVillage,
  selectRecord,
  updateFinding,
  type FindingRow,
  type RecordRow,
} from './supervision.queries.js';

function presentRecord(row: RecordRow): SupervisionRecord {
  const { orgPath: _p, townName, method, ...rest } = row;
  return { ...rest, townName: townName ?? '', method: method as SupervisionRecord['method'] };
}

function presentFinding(row: FindingRow, today: string): Finding {
  return {
    id: row.id,
    recordId: row.recordId,
    villageId: row.villageId,
    villageName: row.villageName,
    townName: row.townName ?? '',
    description: row.description,
    dueDate: row.dueDate,
    status: row.status,
    actionTaken: row.actionTaken,
    closedDate: row.closedDate,
    reopenReason: row.reopenReason,
    overdue: isFindingOverdue(row, today),
    recordDate: row.recordDate,
    method: row.method as Finding['method'],
  };
}

export async function listSupervision(ctx: Ctx, q: SupervisionListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listRecords(ctx.db, ctx.principal.countyId, scope.paths, { year: q.year, underPath, method: q.method }, q);
  return { items: page.items.map(presentRecord), total: page.total };
}

async function findRecordRow(ctx: Ctx, permission: Permission, id: string): Promise<RecordRow> {
  const row = await selectRecord(ctx.db, ctx.principal.countyId, (await fieldScope(ctx, permission)).paths, id);
  if (!row) throw new AppError('supervision.not_found');
  return row;
}

async function findRecord(ctx: Ctx, permission: Permission, id: string): Promise<SupervisionRecordDetail> {
  const row = await findRecordRow(ctx, permission, id);
  const today = todayOf(ctx);
  const findings = await selectFindingsOfRecord(ctx.db, ctx.principal.countyId, id);
  return { ...presentRecord(row), findings: findings.map((f) => presentFinding(f, today)) };
}

export const getSupervisionRecord = (ctx: Ctx, id: string) => findRecord(ctx, 'fieldwork:read', id);

export async function recordSupervision(ctx: Ctx, input: SupervisionRecordCreate): Promise<SupervisionRecordDetail> {
  assertNotFuture(ctx, input.recordDate);
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const village = await villageInScope(tx, await fieldScope(tx, 'supervision:write'), input.villageId);
    if (input.keyTaskId && !(await selectKeyTaskOfVillage(tx.db, countyId, village.id, input.keyTaskId))) throw new AppError('keytask.not_found');
    const id = randomUUID();
    await insertRecords(tx.db, [
      {
        id,
        countyId,
        villageId: village.id,
        orgPath: village.path,
        recordDate: input.recordDate,
        method: input.method,
        keyTaskId: input.keyTaskId ?? null,
        subject: input.subject,
        summary: input.summary ?? '',
        participants: input.participants ?? '',
        recordedBy: ctx.principal.userId,
      },
    ]);
    await insertFindings(
      tx.db,
      // Entry order is kept by spacing the creation times a millisecond apart.
      input.findings.map((f, i) => ({
        id: randomUUID(),
        countyId,
        recordId: id,
        villageId: village.id,
        orgPath: village.path,
        description: f.description,
        dueDate: f.dueDate ?? null,
        status: 'open' as const,
        createdAt: new Date(ctx.now().getTime() + i),
      })),
    );
    await recordAudit(tx, {
      event: 'supervision.create',
      objectType: 'supervision_record',
      objectId: id,
      after: { villageId: village.id, recordDate: input.recordDate, method: input.method, subject: input.subject, findings: input.findings.length },
    });
    return findRecord(tx, 'supervision:write', id);
  });
}

export async function addFinding(ctx: Ctx, recordId: string, input: { description: string; dueDate?: string | null }): Promise<SupervisionRecordDetail> {
  return inTransaction(ctx, async (tx) => {
    const record = await findRecordRow(tx, 'supervision:write', recordId);
    const id = randomUUID();
    await insertFindings(tx.db, [
      { id, countyId: ctx.principal.countyId, recordId, villageId: record.villageId, orgPath: record.orgPath, description: input.description, dueDate: input.dueDate ?? null, status: 'open', createdAt: ctx.now() },
    ]);
    await recordAudit(tx, { event: 'finding.create', objectType: 'supervision_finding', objectId: id, after: { recordId, dueDate: input.dueDate ?? null } });
    return findRecord(tx, 'supervision:write', recordId);
  });
}

export async function listTrackedFindings(ctx: Ctx, q: FindingListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const today = todayOf(ctx);
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listFindings(ctx.db, ctx.principal.countyId, scope.paths, { underPath, status: q.status, overdueOn: q.overdue ? today : undefined }, q);
  return { items: page.items.map((f) => presentFinding(f, today)), total: page.total };
}

/** Closing needs what was done; reopening needs why. Either from the wrong state changes nothing. */
export async function moveFinding(ctx: Ctx, id: string, action: FindingAction, text: string): Promise<Finding> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'supervision:write');
    const before = await selectFinding(tx.db, ctx.principal.countyId, scope.paths, id);
    if (!before) throw new AppError('finding.not_found');
    const status = nextFindingStatus(before.status, action);
    if (!status) throw new AppError('finding.invalid_transition', { from: before.status, action });
    const today = todayOf(ctx);
    const set =
      action === 'close'
        ? { status, actionTaken: text, closedDate: today, closedBy: ctx.principal.userId }
        : { status, reopenReason: text, closedDate: null, closedBy: null };
    await updateFinding(tx.db, ctx.principal.countyId, id, { ...set, updatedAt: ctx.now() });
    await recordAudit(tx, { event: `finding.${action}`, objectType: 'supervision_finding', objectId: id, before: { status: before.status }, after: { status, text } });
    const after = await selectFinding(tx.db, ctx.principal.countyId, scope.paths, id);
    return presentFinding(after as FindingRow, today);
  });
}
