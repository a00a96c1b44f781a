// 问题清单: problems found on household visits are claimed by cadres, worked, closed (销号) by the
// claimer or the village admin, and confirmed by the town or the villager — or reopened.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { Problem, ProblemCreate, ProblemDetail, ProblemListQuery, ProblemUpdate } from '../../../shared/contracts/fieldwork-service.js';
import type { Permission } from '../../../shared/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachmentsOf } from '../attachments/attachments.service.js';
import { inFieldScope } from '../pairing/field-scope.js';
import { assertNotFuture, fieldScope, filterPathOf, todayOf, villageInScope } from '../pairing/field-scope.service.js';
import { isProblemEditable, isProblemOverdue, mayWorkOn, nextProblemStatus, problemFilesLock, yearOf, type ProblemAction } from './service.js';
import { insertEvents, selectEvents } from './events.queries.js';
import { selectHouseholdVisit } from './household-visits.queries.js';
import { insertProblems, listProblems, selectProblem, selectVillagePerson, updateProblem, type ProblemRow } from './problems.queries.js';

export function presentProblem(row: ProblemRow, ctx: Pick<Ctx, 'principal'>, today: string): Problem {
  return {
    id: row.id,
    villageId: row.villageId,
    villageName: row.villageName,
    townName: row.townName ?? '',
    year: row.year,
    title: row.title,
    description: row.description,
    household: row.household,
    category: row.category as Problem['category'],
    source: row.source as Problem['source'],
    householdVisitId: row.householdVisitId,
    reportedDate: row.reportedDate,
    dueDate: row.dueDate,
    status: row.status,
    claimedByName: row.claimedByName,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    claimedDate: row.claimedDate,
    resolution: row.resolution,
    resolvedDate: row.resolvedDate,
    confirmedVia: row.confirmedVia,
    confirmedDate: row.confirmedDate,
    confirmationNote: row.confirmationNote,
    reopenCount: row.reopenCount,
    reopenReason: row.reopenReason,
    overdue: isProblemOverdue(row, today),
    mine: row.status !== 'open' && mayWorkOn(ctx.principal, row),
  };
}

/** Audit snapshot: the household (a villager's name) stays out of the audit trail. */
const snapshot = (p: Pick<ProblemRow, 'title' | 'category' | 'source' | 'dueDate' | 'status'>) => ({
  title: p.title,
  category: p.category,
  source: p.source,
  dueDate: p.dueDate,
  status: p.status,
});

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function listProblemList(ctx: Ctx, q: ProblemListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const today = todayOf(ctx);
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const filter = {
    year: q.year,
    underPath,
    status: q.status,
    category: q.category,
    source: q.source,
    overdueOn: q.overdue ? today : undefined,
    claimedBy: q.mine ? ctx.principal.userId : undefined,
    q: q.q,
  };
  const page = await listProblems(ctx.db, ctx.principal.countyId, scope.paths, filter, q);
  return { items: page.items.map((r) => presentProblem(r, ctx, today)), total: page.total };
}

export async function findProblem(ctx: Ctx, permission: Permission, id: string): Promise<ProblemRow> {
  const row = await selectProblem(ctx.db, ctx.principal.countyId, (await fieldScope(ctx, permission)).paths, id);
  if (!row) throw new AppError('problem.not_found');
  return row;
}

export const problemFilesBase = (id: string) => `/api/problems/${id}/files`;

/**
 * Why the caller may not change the problem's 销号材料 now, or null: the same caller as 销号 (the
 * claimer or the village admin), and only before it. The caller's write scope is checked apart.
 */
export function attachRefusal(ctx: Pick<Ctx, 'principal'>, row: ProblemRow): AppError | null {
  if (!mayWorkOn(ctx.principal, row)) return new AppError('problem.not_claimer');
  const lock = problemFilesLock(row.status);
  return lock ? new AppError('attachment.locked', { reason: lock }) : null;
}

export async function getProblem(ctx: Ctx, id: string): Promise<ProblemDetail> {
  const row = await findProblem(ctx, 'fieldwork:read', id);
  const files = await attachmentsOf(ctx, 'problem', [{ id, base: problemFilesBase(id) }]);
  const writable = inFieldScope(await fieldScope(ctx, 'service:write'), row.orgPath);
  return {
    ...presentProblem(row, ctx, todayOf(ctx)),
    events: await selectEvents(ctx.db, ctx.principal.countyId, id),
    files: files.get(id) ?? [],
    canAttach: writable && attachRefusal(ctx, row) === null,
  };
}

export const problemEvent = (ctx: Pick<Ctx, 'now'>, actor: string, row: { id: string; countyId: string; orgPath: string }, action: string, from: string | null, to: string | null, note = '') => ({
  countyId: row.countyId,
  objectType: 'problem' as const,
  objectId: row.id,
  orgPath: row.orgPath,
  at: ctx.now(),
  action,
  fromStatus: from,
  toStatus: to,
  actor,
  note,
});

export async function createProblem(ctx: Ctx, input: ProblemCreate): Promise<Problem> {
  assertNotFuture(ctx, input.reportedDate);
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'service:write');
    const village = await villageInScope(tx, scope, input.villageId);
    if (input.householdVisitId) {
      const visit = await selectHouseholdVisit(tx.db, ctx.principal.countyId, [village.path], input.householdVisitId);
      if (!visit) throw new AppError('household_visit.not_found');
    }
    const id = randomUUID();
    const row = {
      id,
      countyId: ctx.principal.countyId,
      villageId: village.id,
      orgPath: village.path,
      year: yearOf(input.reportedDate),
      title: input.title,
      description: input.description ?? '',
      household: input.household ?? '',
      category: input.category,
      source: input.source,
      householdVisitId: input.householdVisitId ?? null,
      reportedDate: input.reportedDate,
      dueDate: input.dueDate ?? null,
      status: 'open' as const,
      createdBy: ctx.principal.userId,
    };
    await insertProblems(tx.db, [row]);
    await insertEvents(tx.db, [problemEvent(tx, ctx.principal.displayName, row, 'create', null, 'open')]);
    await recordAudit(tx, { event: 'problem.create', objectType: 'problem', objectId: id, after: { villageId: village.id, ...snapshot(row) } });
    return presentProblem(await findProblem(tx, 'service:write', id), ctx, todayOf(ctx));
  });
}

export async function updateProblemDetails(ctx: Ctx, id: string, input: ProblemUpdate): Promise<Problem> {
  return inTransaction(ctx, async (tx) => {
    const before = await findProblem(tx, 'service:write', id);
    if (!isProblemEditable(before.status)) throw new AppError('problem.invalid_transition', { from: before.status, action: 'edit' });
    await updateProblem(tx.db, ctx.principal.countyId, id, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'problem.update', objectType: 'problem', objectId: id, before: snapshot(before), after: snapshot({ ...before, ...input }) });
    return presentProblem(await findProblem(tx, 'service:write', id), ctx, todayOf(ctx));
  });
}

type Extra = { assigneeId?: string | null; resolution?: string; note?: string; reason?: string };

/** Confirming and reopening are the town's; claiming is open to the village's writers. */
const permissionFor = (action: ProblemAction): Permission => (action === 'confirm' || action === 'reopen' ? 'service:approve' : 'service:write');

/**
 * One step of the problem's life. Returns the problem and, on resolve, the one-time path the
 * villager opens to confirm (only its hash is stored).
 */
export async function moveProblem(ctx: Ctx, id: string, action: ProblemAction, extra: Extra = {}): Promise<{ problem: Problem; confirmPath: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const before = await findProblem(tx, permissionFor(action), id);
    const status = nextProblemStatus(before.status, action);
    if (!status) throw new AppError('problem.invalid_transition', { from: before.status, action });
    if ((action === 'release' || action === 'start' || action === 'resolve') && !mayWorkOn(ctx.principal, before)) {
      throw new AppError('problem.not_claimer');
    }
    const today = todayOf(ctx);
    const set: Parameters<typeof updateProblem>[3] = { status, updatedAt: ctx.now() };
    let confirmPath: string | null = null;
    let note = '';
    switch (action) {
      case 'claim': {
        const person = extra.assigneeId ? await selectVillagePerson(tx.db, countyId, extra.assigneeId, before.orgPath) : null;
        if (extra.assigneeId && !person) throw new AppError('fieldwork.person_not_in_village');
        Object.assign(set, { claimedBy: ctx.principal.userId, claimedByName: person?.name ?? ctx.principal.displayName, assigneeId: person?.id ?? null, claimedDate: today });
        note = person ? `由${person.name}负责` : '';
        break;
      }
      case 'release':
        Object.assign(set, { claimedBy: null, claimedByName: '', assigneeId: null, claimedDate: null });
        break;
      case 'start':
        break;
      case 'resolve': {
        const token = randomBytes(24).toString('base64url');
        confirmPath = `/m/problems/confirm/${token}`;
        note = extra.resolution ?? '';
        Object.assign(set, { resolution: note, resolvedBy: ctx.principal.userId, resolvedDate: today, confirmTokenHash: tokenHash(token) });
        break;
      }
      case 'confirm':
        note = extra.note ?? '';
        Object.assign(set, { confirmedVia: 'town', confirmedDate: today, confirmationNote: note, confirmTokenHash: null });
        break;
      case 'reopen':
        note = extra.reason ?? '';
        Object.assign(set, {
          reopenReason: note,
          reopenCount: before.reopenCount + 1,
          resolvedDate: null,
          resolvedBy: null,
          confirmedVia: null,
          confirmedDate: null,
          confirmTokenHash: null,
        });
        break;
    }
    await updateProblem(tx.db, countyId, id, set);
    await insertEvents(tx.db, [problemEvent(tx, ctx.principal.displayName, before, action, before.status, status, note)]);
    await recordAudit(tx, {
      event: `problem.${action}`,
      objectType: 'problem',
      objectId: id,
      before: { status: before.status },
      after: { status, ...(action === 'reopen' ? { reason: note } : {}) },
    });
    const problem = presentProblem(await findProblem(tx, permissionFor(action), id), ctx, today);
    return { problem, confirmPath };
  });
}
