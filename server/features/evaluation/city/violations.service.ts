// 违纪违法核查: the discipline and petition officers register cases against a village's cadres
// and Party members, confirm or dismiss them; confirmed cases of a year reach that year's rating
// (veto, cap or downgrade by the standard). Names and details are encrypted; every read of a
// full record is audited, and audit rows never hold them in clear.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { onUniqueViolation } from '../../../db/errors.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { ImportReport } from '../../../../shared/contracts/common.js';
import type {
  Violation,
  ViolationCreate,
  ViolationDecide,
  ViolationDetail,
  ViolationListQuery,
  ViolationUpdate,
} from '../../../../shared/contracts/evaluation-results.js';
import { readTable, refuseIfErrors, writeTable } from '../../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { selectAllOrgUnits, selectOrgUnit } from '../../orgs/orgs.queries.js';
import { caseNoOf, maskPersonName, mayDecide } from './violations.js';
import { planViolationImport, violationSheet } from './violations.sheet.js';
import { decisionRefusal } from '../decisions/duties.js';
import {
  insertViolations,
  listViolationRows,
  nextViolationSeq,
  selectViolationRow,
  updateViolation,
  type ViolationRow,
} from './violations.queries.js';

const readScope = (ctx: Ctx) => scopePaths(ctx.principal, 'violation:read');
const writeScope = (ctx: Ctx) => scopePaths(ctx.principal, 'violation:write');

function presentViolation(row: ViolationRow): Violation {
  const r = row.record;
  return {
    id: r.id,
    caseNo: caseNoOf(r.seq),
    village: { id: r.villageId, name: row.villageName, townName: row.townName ?? '' },
    category: r.category,
    occurredOn: r.occurredOn,
    status: r.status,
    personNameMasked: r.personNameMasked,
    reportedByName: row.reportedByName,
    reportedAt: r.reportedAt.toISOString(),
    decidedByName: row.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

/** What an audit row may say about a record: no name, no details. */
const auditView = (r: { seq: number; villageId: string; category: string; occurredOn: string; status: string }) => ({
  caseNo: caseNoOf(r.seq),
  villageId: r.villageId,
  category: r.category,
  occurredOn: r.occurredOn,
  status: r.status,
});

export async function listViolations(ctx: Ctx, q: ViolationListQuery) {
  const rows = await listViolationRows(ctx.db, ctx.principal.countyId, readScope(ctx), q);
  // Discipline and petition data: looking at the list is itself audited (PIPL; item 14).
  await recordAudit(ctx, { event: 'violation.list_view', objectType: 'violation', after: { filters: q, shown: rows.items.length, total: rows.total } });
  return { items: rows.items.map(presentViolation), total: rows.total };
}

async function findViolation(ctx: Ctx, scope: readonly string[], id: string): Promise<ViolationRow> {
  const row = await selectViolationRow(ctx.db, ctx.principal.countyId, scope, id);
  if (!row) throw new AppError('violation.not_found');
  return row;
}

/** The full record in clear; each read leaves an audit row (violation.view). */
/** A record as listed, for answers after a change. */
export async function violationSummary(ctx: Ctx, id: string): Promise<Violation> {
  return presentViolation(await findViolation(ctx, readScope(ctx), id));
}

export async function getViolation(ctx: Ctx, id: string): Promise<ViolationDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await findViolation(tx, readScope(tx), id);
    await recordAudit(tx, { event: 'violation.view', objectType: 'violation', objectId: id, after: { caseNo: caseNoOf(row.record.seq) } });
    const r = row.record;
    const open = (v: string | null) => (v === null ? null : ctx.crypto.decrypt(v));
    return { ...presentViolation(row), personName: ctx.crypto.decrypt(r.personNameEnc), details: open(r.detailsEnc), decisionNote: open(r.decisionNoteEnc) };
  });
}

async function writableVillage(ctx: Ctx, villageId: string) {
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, writeScope(ctx), villageId);
  if (!village || village.level !== 'village') throw new AppError('org.not_found');
  return village;
}

function checkDate(ctx: Ctx, date: string | undefined) {
  if (date && date > chinaDate(ctx.now())) throw new AppError('violation.future_date');
}

export async function createViolation(ctx: Ctx, input: ViolationCreate): Promise<Violation> {
  checkDate(ctx, input.occurredOn);
  const id = await inTransaction(ctx, async (tx) => {
    const village = await writableVillage(tx, input.villageId);
    const countyId = ctx.principal.countyId;
    const seq = await nextViolationSeq(tx.db, countyId);
    const now = ctx.now();
    const row = {
      id: randomUUID(), countyId, seq, villageId: village.id, orgPath: village.path, category: input.category, occurredOn: input.occurredOn, status: 'reported' as const,
      personNameEnc: ctx.crypto.encrypt(input.personName), personNameMasked: maskPersonName(input.personName),
      detailsEnc: input.details ? ctx.crypto.encrypt(input.details) : null, reportedBy: ctx.principal.userId, reportedAt: now, updatedAt: now,
    };
    await onUniqueViolation(insertViolations(tx.db, [row]), 'violation.busy');
    await recordAudit(tx, { event: 'violation.create', objectType: 'violation', objectId: row.id, after: auditView(row) });
    return row.id;
  });
  return presentViolation(await findViolation(ctx, readScope(ctx), id));
}

/** Only a record still being checked may change; what changed is audited without the values of personal fields. */
export async function updateViolationRecord(ctx: Ctx, id: string, input: ViolationUpdate): Promise<Violation> {
  checkDate(ctx, input.occurredOn);
  await inTransaction(ctx, async (tx) => {
    const row = await findViolation(tx, writeScope(tx), id);
    const r = row.record;
    if (r.status !== 'reported') throw new AppError('violation.not_editable', { status: r.status });
    const set = {
      ...(input.category ? { category: input.category } : {}),
      ...(input.occurredOn ? { occurredOn: input.occurredOn } : {}),
      ...(input.personName ? { personNameEnc: ctx.crypto.encrypt(input.personName), personNameMasked: maskPersonName(input.personName) } : {}),
      ...(input.details !== undefined ? { detailsEnc: input.details ? ctx.crypto.encrypt(input.details) : null } : {}),
      updatedAt: ctx.now(),
    };
    await updateViolation(tx.db, ctx.principal.countyId, id, set);
    await recordAudit(tx, {
      event: 'violation.update',
      objectType: 'violation',
      objectId: id,
      before: auditView(r),
      after: { ...auditView({ ...r, ...set }), personNameChanged: input.personName !== undefined, detailsChanged: input.details !== undefined },
    });
  });
  return presentViolation(await findViolation(ctx, readScope(ctx), id));
}

/** 核查: reported → confirmed (counts in the rating) or dismissed, with the conclusion kept encrypted. */
export async function decideViolation(ctx: Ctx, id: string, input: ViolationDecide): Promise<Violation> {
  await inTransaction(ctx, async (tx) => {
    const row = await findViolation(tx, writeScope(tx), id);
    const r = row.record;
    if (!mayDecide(r.status)) throw new AppError('violation.invalid_transition', { from: r.status, to: input.to });
    const refusal = decisionRefusal(ctx.principal, r);
    if (refusal) throw new AppError(refusal);
    const now = ctx.now();
    await updateViolation(tx.db, ctx.principal.countyId, id, { status: input.to, decisionNoteEnc: ctx.crypto.encrypt(input.note), decidedBy: ctx.principal.userId, decidedAt: now, updatedAt: now });
    await recordAudit(tx, {
      event: input.to === 'confirmed' ? 'violation.confirm' : 'violation.dismiss',
      objectType: 'violation',
      objectId: id,
      before: auditView(r),
      after: auditView({ ...r, status: input.to }),
    });
  });
  return presentViolation(await findViolation(ctx, readScope(ctx), id));
}

export function violationImportTemplate(): Promise<Buffer> {
  return writeTable(violationSheet, [], { withNotes: true });
}

/** All rows or none; one audit row listing the case numbers and categories, never the names. */
export async function importViolations(ctx: Ctx, file: Buffer): Promise<ImportReport> {
  const rows = await readTable(violationSheet, file);
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const units = await selectAllOrgUnits(tx.db, countyId, writeScope(tx));
    const villages = new Map(units.filter((u) => u.level === 'village' && u.active).map((u) => [`${u.parentName ?? ''}/${u.name}`, { id: u.id, path: u.path }]));
    const { records, errors } = planViolationImport(rows, villages, chinaDate(ctx.now()));
    refuseIfErrors(errors);
    // Separation of duties: whoever enters a record does not decide it, so a file registers cases only.
    const decided = records.filter((p) => p.status !== 'reported').map((p) => p.row);
    if (decided.length) throw new AppError('violation.own_record', { rows: decided, text: `第 ${decided.join('、')} 行已填写核查结论：导入只登记待核查记录，结论须由另一位专员逐条作出` });
    const first = await nextViolationSeq(tx.db, countyId);
    const now = ctx.now();
    const inserts = records.map((p, i) => {
      const decided = p.status !== 'reported';
      return {
        id: randomUUID(), countyId, seq: first + i, villageId: p.villageId, orgPath: p.orgPath, category: p.category, occurredOn: p.occurredOn, status: p.status,
        personNameEnc: ctx.crypto.encrypt(p.personName), personNameMasked: maskPersonName(p.personName),
        detailsEnc: p.details ? ctx.crypto.encrypt(p.details) : null, decisionNoteEnc: p.decisionNote ? ctx.crypto.encrypt(p.decisionNote) : null,
        reportedBy: ctx.principal.userId, reportedAt: now, decidedBy: decided ? ctx.principal.userId : null, decidedAt: decided ? now : null, updatedAt: now,
      };
    });
    await onUniqueViolation(insertViolations(tx.db, inserts), 'violation.busy');
    await recordAudit(tx, { event: 'violation.import', objectType: 'violation', after: { count: inserts.length, records: inserts.map(auditView) } });
    return { imported: inserts.length, errors: [] };
  });
}
