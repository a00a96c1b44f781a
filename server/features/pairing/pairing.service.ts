// 包保联系: the pairing register, the visit-frequency rule and who is overdue.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import type {
  ComplianceQuery,
  Pairing,
  PairingCreate,
  PairingListQuery,
  PairingUpdate,
  VisitRule,
  VisitRuleWrite,
} from '../../../shared/contracts/fieldwork-pairing.js';
import { recordAudit } from '../audit/audit.service.js';
import type { FieldScope } from './field-scope.js';
import { fieldScope, filterPathOf, todayOf, villageInScope } from './field-scope.service.js';
import { defaultVisitRule, presentCompliance, presentPairing, rangesOverlap, type PairingRow } from './pairing.js';
import {
  insertPairings,
  listPairings,
  selectLeaderPerson,
  selectPairing,
  selectPairingsOfLeaderVillage,
  selectPairingsOfYear,
  selectVisitDates,
  selectVisitRule,
  updatePairing,
  upsertVisitRule,
} from './pairing.queries.js';

const snapshot = (p: Pick<PairingRow, 'leaderId' | 'villageId' | 'startDate' | 'endDate' | 'note'>) => ({
  leaderId: p.leaderId,
  villageId: p.villageId,
  startDate: p.startDate,
  endDate: p.endDate,
  note: p.note,
});

function assertRange(startDate: string, endDate: string | null | undefined): void {
  if (endDate && endDate < startDate) {
    throw new AppError('validation.failed', { issues: [{ path: 'endDate', message: '结束日期不能早于开始日期' }] });
  }
}

export async function listPairingRegister(ctx: Ctx, q: PairingListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const today = todayOf(ctx);
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const activeOn = q.active === undefined ? undefined : { day: today, active: q.active };
  const page = await listPairings(ctx.db, ctx.principal.countyId, scope, { leaderId: q.leaderId, underPath, activeOn }, q);
  return { items: page.items.map((r) => presentPairing(r, today)), total: page.total };
}

export async function findPairing(ctx: Ctx, scope: FieldScope, id: string): Promise<PairingRow> {
  const row = await selectPairing(ctx.db, ctx.principal.countyId, scope, id);
  if (!row) throw new AppError('pairing.not_found');
  return row;
}

export async function getPairing(ctx: Ctx, id: string): Promise<Pairing> {
  return presentPairing(await findPairing(ctx, await fieldScope(ctx, 'fieldwork:read'), id), todayOf(ctx));
}

export async function createPairing(ctx: Ctx, input: PairingCreate): Promise<Pairing> {
  assertRange(input.startDate, input.endDate);
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const scope = await fieldScope(tx, 'pairing:write');
    const village = await villageInScope(tx, scope, input.villageId);
    const leader = await selectLeaderPerson(tx.db, countyId, input.leaderId);
    if (!leader) throw new AppError('pairing.not_a_leader');
    const range = { startDate: input.startDate, endDate: input.endDate ?? null };
    const existing = await selectPairingsOfLeaderVillage(tx.db, countyId, leader.id, village.id);
    if (existing.some((p) => rangesOverlap(p, range))) throw new AppError('pairing.duplicate');
    const id = randomUUID();
    const row = { id, countyId, leaderId: leader.id, villageId: village.id, orgPath: village.path, ...range, note: input.note ?? '' };
    await onUniqueViolation(insertPairings(tx.db, [row]), 'pairing.duplicate');
    await recordAudit(tx, { event: 'pairing.create', objectType: 'pairing', objectId: id, after: snapshot(row) });
    return presentPairing(await findPairing(tx, scope, id), todayOf(ctx));
  });
}

export async function updatePairingDetails(ctx: Ctx, id: string, input: PairingUpdate): Promise<Pairing> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'pairing:write');
    const before = await findPairing(tx, scope, id);
    const after = { ...before, ...input };
    assertRange(after.startDate, after.endDate);
    const others = await selectPairingsOfLeaderVillage(tx.db, ctx.principal.countyId, before.leaderId, before.villageId);
    if (others.some((p) => p.id !== id && rangesOverlap(p, after))) throw new AppError('pairing.duplicate');
    await updatePairing(tx.db, ctx.principal.countyId, id, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'pairing.update', objectType: 'pairing', objectId: id, before: snapshot(before), after: snapshot(after) });
    return presentPairing(await findPairing(tx, scope, id), todayOf(ctx));
  });
}

/** Pairings end rather than disappear: their visits stay on record. */
export async function endPairing(ctx: Ctx, id: string, endDate: string): Promise<Pairing> {
  return inTransaction(ctx, async (tx) => {
    const scope = await fieldScope(tx, 'pairing:write');
    const before = await findPairing(tx, scope, id);
    if (before.endDate !== null) throw new AppError('pairing.ended');
    assertRange(before.startDate, endDate);
    await updatePairing(tx.db, ctx.principal.countyId, id, { endDate, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'pairing.end', objectType: 'pairing', objectId: id, before: { endDate: null }, after: { endDate } });
    return presentPairing(await findPairing(tx, scope, id), todayOf(ctx));
  });
}

export async function getVisitRule(ctx: Pick<Ctx, 'db' | 'principal'>, year: number): Promise<VisitRule> {
  const row = await selectVisitRule(ctx.db, ctx.principal.countyId, year);
  return row ? { year, period: row.period, minVisits: row.minVisits, isDefault: false } : defaultVisitRule(year);
}

export async function setVisitRule(ctx: Ctx, year: number, input: VisitRuleWrite): Promise<VisitRule> {
  return inTransaction(ctx, async (tx) => {
    const before = await getVisitRule(tx, year);
    await upsertVisitRule(tx.db, { countyId: ctx.principal.countyId, year, ...input, updatedAt: ctx.now() });
    await recordAudit(tx, {
      event: 'visit_rule.set',
      objectType: 'visit_rule',
      objectId: String(year),
      before: { period: before.period, minVisits: before.minVisits, isDefault: before.isDefault },
      after: input,
    });
    return { year, ...input, isDefault: false };
  });
}

/** Every pairing of the year in scope with its compliance (a county has tens of pairings). */
export async function pairingCompliance(ctx: Ctx, scope: FieldScope, year: number, leaderId?: string) {
  const countyId = ctx.principal.countyId;
  const [rule, rows] = await Promise.all([getVisitRule(ctx, year), selectPairingsOfYear(ctx.db, countyId, scope, year, leaderId)]);
  const dates = await selectVisitDates(ctx.db, countyId, rows.map((r) => r.id), year);
  const today = todayOf(ctx);
  return rows.map((r) => presentCompliance(r, rule, dates.get(r.id) ?? [], today));
}

export async function listCompliance(ctx: Ctx, q: ComplianceQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const all = await pairingCompliance(ctx, scope, q.year, q.leaderId);
  const rows = q.overdueOnly ? all.filter((r) => r.overdue) : all;
  return { items: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: rows.length };
}
