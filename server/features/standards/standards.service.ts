// Stored standards: every write is validated as a whole standard and audited; a version used by
// a closed campaign is read-only, and a change then means a new version (clone).
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import type { StandardListQuery } from '../../../shared/contracts/standards.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { appStageErrors } from './app-stages.js';
import { validateStandard } from './engine/standard-validate.js';
import { presentStandardDetail, presentStandardSummary } from './standards.present.js';
import {
  insertStandardRow,
  listStandardRows,
  lockStandardRow,
  selectStandardByVersion,
  selectStandardRow,
  updateStandardRow,
  type StandardRow,
} from './standards.queries.js';

export function checkStandard(document: unknown) {
  const result = validateStandard(document);
  if (!result.ok) return { ok: false, errors: result.errors };
  const errors = appStageErrors(result.standard);
  return { ok: errors.length === 0, errors };
}

function validOrThrow(document: unknown): Standard {
  const result = validateStandard(document);
  if (!result.ok) throw new AppError('standard.invalid', { errors: result.errors });
  const errors = appStageErrors(result.standard);
  if (errors.length > 0) throw new AppError('standard.invalid', { errors });
  return result.standard;
}

const columnsOf = (s: Standard) => ({ code: s.id, version: s.version, name: s.name, region: s.region, year: s.year ?? null, document: s });
const auditSnapshot = (s: Pick<StandardRow, 'code' | 'version' | 'name'>) => ({ code: s.code, version: s.version, name: s.name });

export async function listStandards(ctx: Ctx, q: StandardListQuery) {
  const page = await listStandardRows(ctx.db, ctx.principal.countyId, q);
  return { items: page.items.map(presentStandardSummary), total: page.total };
}

async function findStandard(ctx: Ctx, id: string): Promise<StandardRow> {
  const row = await selectStandardRow(ctx.db, ctx.principal.countyId, id);
  if (!row) throw new AppError('standard.not_found');
  return row;
}

export async function getStandard(ctx: Ctx, id: string) {
  return presentStandardDetail(await findStandard(ctx, id));
}

/** The stored document of a version, already validated when it was saved. */
export async function getStandardDocument(ctx: Ctx, id: string): Promise<Standard> {
  return (await findStandard(ctx, id)).document as Standard;
}

export async function createStandard(ctx: Ctx, document: unknown, event = 'standard.create') {
  const standard = validOrThrow(document);
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    if (await selectStandardByVersion(tx.db, countyId, standard.id, standard.version)) throw new AppError('standard.duplicate_version');
    const id = randomUUID();
    await onUniqueViolation(insertStandardRow(tx.db, { id, countyId, ...columnsOf(standard) }), 'standard.duplicate_version');
    await recordAudit(tx, { event, objectType: 'standard', objectId: id, after: auditSnapshot(columnsOf(standard)) });
    return getStandard(tx, id);
  });
}

export async function updateStandard(ctx: Ctx, id: string, document: unknown) {
  const standard = validOrThrow(document);
  return inTransaction(ctx, async (tx) => {
    const before = await findStandard(tx, id);
    if (before.lockedAt) throw new AppError('standard.locked', { reason: before.lockedReason });
    const other = await selectStandardByVersion(tx.db, ctx.principal.countyId, standard.id, standard.version);
    if (other && other.id !== id) throw new AppError('standard.duplicate_version');
    await onUniqueViolation(
      updateStandardRow(tx.db, ctx.principal.countyId, id, { ...columnsOf(standard), updatedAt: ctx.now() }),
      'standard.duplicate_version',
    );
    await recordAudit(tx, {
      event: 'standard.update',
      objectType: 'standard',
      objectId: id,
      before: { ...auditSnapshot(before), document: before.document },
      after: { ...auditSnapshot(columnsOf(standard)), document: standard },
    });
    return getStandard(tx, id);
  });
}

/** A new, editable version with the same rules: the way to change a locked standard. */
export async function cloneStandard(ctx: Ctx, id: string, version: string) {
  return inTransaction(ctx, async (tx) => {
    const source = await findStandard(tx, id);
    const document = { ...(source.document as Standard), version };
    const standard = validOrThrow(document);
    if (await selectStandardByVersion(tx.db, ctx.principal.countyId, standard.id, version)) throw new AppError('standard.duplicate_version');
    const newId = randomUUID();
    await insertStandardRow(tx.db, { id: newId, countyId: ctx.principal.countyId, ...columnsOf(standard), clonedFrom: source.id });
    await recordAudit(tx, { event: 'standard.clone', objectType: 'standard', objectId: newId, before: auditSnapshot(source), after: auditSnapshot(columnsOf(standard)) });
    return getStandard(tx, newId);
  });
}

/** Called when a campaign that used the version closes. */
export async function lockStandard(ctx: Ctx, id: string, reason: string): Promise<void> {
  await lockStandardRow(ctx.db, ctx.principal.countyId, id, ctx.now(), reason);
}

export async function exportStandardJson(ctx: Ctx, id: string) {
  const row = await findStandard(ctx, id);
  await recordAudit(ctx, { event: 'export', objectType: 'standard', objectId: id, after: auditSnapshot(row) });
  return { fileName: `${row.code}-${row.version}.json`, json: JSON.stringify(row.document, null, 2) };
}
