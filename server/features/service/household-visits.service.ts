// 逐户走访: cadres' household visits, the source of most items on the problem list.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { HouseholdVisit, HouseholdVisitCreate, HouseholdVisitListQuery } from '../../../shared/contracts/fieldwork-service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotFuture, fieldScope, filterPathOf, villageInScope } from '../pairing/field-scope.service.js';
import { insertHouseholdVisits, listHouseholdVisits, selectHouseholdVisit } from './household-visits.queries.js';

const present = ({ orgPath: _p, ...row }: HouseholdVisit & { orgPath: string }): HouseholdVisit => row;

export async function listVisitsToHouseholds(ctx: Ctx, q: HouseholdVisitListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listHouseholdVisits(ctx.db, ctx.principal.countyId, scope.paths, { year: q.year, underPath }, q);
  return { items: page.items.map(present), total: page.total };
}

export async function getHouseholdVisit(ctx: Ctx, id: string): Promise<HouseholdVisit> {
  const row = await selectHouseholdVisit(ctx.db, ctx.principal.countyId, (await fieldScope(ctx, 'fieldwork:read')).paths, id);
  if (!row) throw new AppError('household_visit.not_found');
  return present(row);
}

export async function recordHouseholdVisit(ctx: Ctx, input: HouseholdVisitCreate): Promise<HouseholdVisit> {
  assertNotFuture(ctx, input.visitDate);
  return inTransaction(ctx, async (tx) => {
    const village = await villageInScope(tx, await fieldScope(tx, 'service:write'), input.villageId);
    const id = randomUUID();
    await insertHouseholdVisits(tx.db, [
      { id, countyId: ctx.principal.countyId, villageId: village.id, orgPath: village.path, visitDate: input.visitDate, household: input.household, visitors: input.visitors, notes: input.notes ?? '', recordedBy: ctx.principal.userId },
    ]);
    // The household is a villager's name: the audit row keeps only the date and the village.
    await recordAudit(tx, { event: 'household_visit.create', objectType: 'household_visit', objectId: id, after: { villageId: village.id, visitDate: input.visitDate } });
    const row = await selectHouseholdVisit(tx.db, ctx.principal.countyId, [village.path], id);
    return present(row as HouseholdVisit & { orgPath: string });
  });
}
