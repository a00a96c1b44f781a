// The local-expert pool (土专家, 田秀才): who they are, which training cultivated them, which
// villages they help; searchable by specialty.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { Expert, ExpertCreate, ExpertListQuery, ExpertUpdate } from '../../../shared/contracts/training.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectOrgUnit } from '../orgs/orgs.queries.js';
import { selectPersonRef } from './attendance.queries.js';
import { expertSnapshot, presentExpert } from './experts.js';
import {
  insertExperts,
  listExperts,
  replaceHelpedVillages,
  selectExpert,
  selectExpertIdOfPerson,
  selectHelpedVillages,
  selectVillageIds,
  updateExpert,
} from './experts.queries.js';
import { trainingReadScope, trainingWriteScope } from './training.policy.js';
import { findVisibleSession } from './training.service.js';

export async function listLocalExperts(ctx: Ctx, query: ExpertListQuery) {
  const { page, pageSize, orgUnitId, ...filter } = query;
  const countyId = ctx.principal.countyId;
  const scope = trainingReadScope(ctx.principal);
  let underPath: string | undefined;
  if (orgUnitId) {
    const unit = await selectOrgUnit(ctx.db, countyId, scope, orgUnitId);
    if (!unit) throw new AppError('org.not_found');
    underPath = unit.path;
  }
  const result = await listExperts(ctx.db, countyId, scope, { ...filter, underPath }, { page, pageSize });
  const villages = await selectHelpedVillages(ctx.db, countyId, result.items.map((r) => r.id));
  return { items: result.items.map((r) => presentExpert(r, villages)), total: result.total };
}

async function findExpert(ctx: Ctx, scope: readonly string[], id: string): Promise<Expert> {
  const row = await selectExpert(ctx.db, ctx.principal.countyId, scope, id);
  if (!row) throw new AppError('training.expert_not_found');
  return presentExpert(row, await selectHelpedVillages(ctx.db, ctx.principal.countyId, [id]));
}

export function getLocalExpert(ctx: Ctx, id: string): Promise<Expert> {
  return findExpert(ctx, trainingReadScope(ctx.principal), id);
}

async function checkLinks(ctx: Ctx, input: Pick<ExpertUpdate, 'cultivatedBySessionId' | 'helpedVillageIds'>): Promise<void> {
  if (input.cultivatedBySessionId) await findVisibleSession(ctx, input.cultivatedBySessionId);
  const ids = [...new Set(input.helpedVillageIds ?? [])];
  const found = await selectVillageIds(ctx.db, ctx.principal.countyId, ids);
  if (found.size !== ids.length) throw new AppError('training.invalid_village');
}

const snapshotOf = (e: Expert) =>
  expertSnapshot({ ...e, cultivatedBySessionId: e.cultivatedBy?.sessionId ?? null, helpedVillageIds: e.helpedVillages.map((v) => v.id) });

export async function createLocalExpert(ctx: Ctx, input: ExpertCreate): Promise<Expert> {
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const scope = trainingWriteScope(ctx.principal);
    const person = await selectPersonRef(tx.db, countyId, scope, input.personId, chinaDate(ctx.now()));
    if (!person) throw new AppError('person.not_found');
    if (await selectExpertIdOfPerson(tx.db, countyId, person.id)) throw new AppError('training.expert_exists');
    await checkLinks(tx, input);
    const id = randomUUID();
    await onUniqueViolation(
      insertExperts(tx.db, [
        {
          id,
          countyId,
          personId: person.id,
          kind: input.kind,
          field: input.field,
          specialty: input.specialty,
          description: input.description ?? null,
          cultivatedBySessionId: input.cultivatedBySessionId ?? null,
        },
      ]),
      'training.expert_exists',
    );
    await replaceHelpedVillages(tx.db, countyId, id, [...new Set(input.helpedVillageIds)]);
    const expert = await findExpert(tx, scope, id);
    await recordAudit(tx, { event: 'training.expert_create', objectType: 'local_expert', objectId: id, after: snapshotOf(expert) });
    return expert;
  });
}

export async function updateLocalExpert(ctx: Ctx, id: string, input: ExpertUpdate): Promise<Expert> {
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const scope = trainingWriteScope(ctx.principal);
    const before = await findExpert(tx, scope, id);
    await checkLinks(tx, input);
    const { helpedVillageIds, ...plain } = input;
    await updateExpert(tx.db, countyId, id, { ...plain, updatedAt: ctx.now() });
    if (helpedVillageIds) await replaceHelpedVillages(tx.db, countyId, id, [...new Set(helpedVillageIds)]);
    const after = await findExpert(tx, scope, id);
    await recordAudit(tx, { event: 'training.expert_update', objectType: 'local_expert', objectId: id, before: snapshotOf(before), after: snapshotOf(after) });
    return after;
  });
}
