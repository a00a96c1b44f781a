// 重点工作: per village and year, with milestones and progress; the city sets them, leaders and
// towns push them along.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { KeyTask, KeyTaskAction, KeyTaskCreate, KeyTaskListQuery, KeyTaskUpdate } from '../../../shared/contracts/fieldwork-pairing.js';
import { recordAudit } from '../audit/audit.service.js';
import { fieldScope, filterPathOf, todayOf, villageInScope } from './field-scope.service.js';
import { isKeyTaskOverdue, nextKeyTaskStatus, sortMilestones } from './pairing.js';
import { selectPersonName } from './pairing.queries.js';
import { insertKeyTasks, listKeyTasks, selectKeyTask, updateKeyTask, type KeyTaskRow } from './key-tasks.queries.js';

function presentKeyTask(row: KeyTaskRow, today: string): KeyTask {
  return {
    id: row.id,
    villageId: row.villageId,
    villageName: row.villageName,
    townName: row.townName ?? '',
    year: row.year,
    category: row.category as KeyTask['category'],
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    status: row.status,
    progress: row.progress,
    dueDate: row.dueDate,
    milestones: row.milestones,
    overdue: isKeyTaskOverdue(row, today),
  };
}

const snapshot = (t: Pick<KeyTaskRow, 'title' | 'category' | 'ownerId' | 'dueDate' | 'status' | 'progress' | 'milestones'>) => ({
  title: t.title,
  category: t.category,
  ownerId: t.ownerId,
  dueDate: t.dueDate,
  status: t.status,
  progress: t.progress,
  milestones: t.milestones.length,
});

export async function listTasks(ctx: Ctx, q: KeyTaskListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listKeyTasks(ctx.db, ctx.principal.countyId, scope.paths, { year: q.year, underPath, category: q.category, status: q.status }, q);
  const today = todayOf(ctx);
  return { items: page.items.map((r) => presentKeyTask(r, today)), total: page.total };
}

async function findTask(ctx: Ctx, paths: readonly string[], id: string): Promise<KeyTaskRow> {
  const row = await selectKeyTask(ctx.db, ctx.principal.countyId, paths, id);
  if (!row) throw new AppError('keytask.not_found');
  return row;
}

export async function getTask(ctx: Ctx, id: string): Promise<KeyTask> {
  return presentKeyTask(await findTask(ctx, (await fieldScope(ctx, 'fieldwork:read')).paths, id), todayOf(ctx));
}

async function assertOwner(ctx: Ctx, ownerId: string | null | undefined) {
  if (ownerId && !(await selectPersonName(ctx.db, ctx.principal.countyId, ownerId))) throw new AppError('person.not_found');
}

export async function createTask(ctx: Ctx, input: KeyTaskCreate): Promise<KeyTask> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'keytask:write');
    const village = await villageInScope(tx, scope, input.villageId);
    await assertOwner(tx, input.ownerId);
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
      ownerId: input.ownerId ?? null,
      status: 'planned' as const,
      progress: 0,
      dueDate: input.dueDate ?? null,
      milestones: sortMilestones(input.milestones ?? []),
    };
    await insertKeyTasks(tx.db, [row]);
    await recordAudit(tx, { event: 'key_task.create', objectType: 'key_task', objectId: id, after: { villageId: village.id, year: input.year, ...snapshot(row) } });
    return presentKeyTask(await findTask(tx, scope.paths, id), todayOf(ctx));
  });
}

export async function updateTask(ctx: Ctx, id: string, input: KeyTaskUpdate): Promise<KeyTask> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'keytask:write');
    const before = await findTask(tx, scope.paths, id);
    // A finished task is a record: its progress and plan no longer change.
    if (before.status === 'done') throw new AppError('keytask.invalid_transition');
    await assertOwner(tx, input.ownerId);
    const set = { ...input, ...(input.milestones ? { milestones: sortMilestones(input.milestones) } : {}) };
    const after = { ...before, ...set };
    await updateKeyTask(tx.db, ctx.principal.countyId, id, { ...set, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'key_task.update', objectType: 'key_task', objectId: id, before: snapshot(before), after: snapshot(after) });
    return presentKeyTask(await findTask(tx, scope.paths, id), todayOf(ctx));
  });
}

export async function moveTask(ctx: Ctx, id: string, action: KeyTaskAction, note?: string): Promise<KeyTask> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'keytask:write');
    const before = await findTask(tx, scope.paths, id);
    const status = nextKeyTaskStatus(before.status, action);
    if (!status) throw new AppError('keytask.invalid_transition', { from: before.status, action });
    const progress = status === 'done' ? 100 : before.progress;
    await updateKeyTask(tx.db, ctx.principal.countyId, id, { status, progress, updatedAt: ctx.now() });
    await recordAudit(tx, {
      event: `key_task.${action}`,
      objectType: 'key_task',
      objectId: id,
      before: { status: before.status, progress: before.progress },
      after: { status, progress, note: note ?? '' },
    });
    return presentKeyTask(await findTask(tx, scope.paths, id), todayOf(ctx));
  });
}
