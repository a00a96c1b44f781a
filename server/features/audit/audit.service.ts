import type { Ctx, Services } from '../../context.js';
import type { AuditListQuery } from '../../../shared/contracts/audit.js';
import { chainGenesis, chainMaterial, systemCountyId, type Actor, type AuditInput } from './audit.js';
import { insertAuditRow, listAuditRows, selectAuditChainPage, selectAuditRowsForExport } from './audit.queries.js';

/** Writes one audit row with the caller as actor, in whatever transaction `ctx.db` is. */
export function recordAudit(ctx: Pick<Ctx, 'db' | 'crypto' | 'now' | 'actor'>, input: AuditInput): Promise<void> {
  return insertAuditRow(ctx.db, ctx.crypto, ctx.actor, input, ctx.now());
}

/** For events with no logged-in caller (login attempts). */
export function recordAuditAs(services: Services, actor: Actor, input: AuditInput): Promise<void> {
  return insertAuditRow(services.db, services.crypto, actor, input, services.now());
}

// Auditors see their county's rows and the county-less ones (failed logins for unknown names).
const visibleCounties = (ctx: Ctx) => [ctx.principal.countyId, systemCountyId];

export function listAudit(ctx: Ctx, query: AuditListQuery) {
  return listAuditRows(ctx.db, visibleCounties(ctx), query);
}

export const auditExportLimit = 50_000;

export async function exportAudit(ctx: Ctx, query: Partial<AuditListQuery>) {
  const rows = await selectAuditRowsForExport(ctx.db, visibleCounties(ctx), query, auditExportLimit);
  await recordAudit(ctx, { event: 'export', objectType: 'audit_log', after: { rows: rows.length, filters: query } });
  return rows;
}

/** Recomputes the county's hash chain; a row edited or deleted in the database breaks it. */
export async function verifyAuditChain(services: Services, countyId: string) {
  let prev = chainGenesis;
  let seq = 0;
  let checked = 0;
  for (;;) {
    const page = await selectAuditChainPage(services.db, countyId, seq, 1000);
    for (const row of page) {
      const expectedSeq = seq + 1;
      const { prevHash, hash, id: _id, ...fields } = row;
      const material = chainMaterial(prev, { ...fields, seq: Number(fields.seq), at: fields.at.toISOString() });
      if (Number(row.seq) !== expectedSeq || prevHash !== prev || services.crypto.digest(material) !== hash) {
        return { ok: false, checked, brokenAt: expectedSeq };
      }
      prev = hash;
      seq = expectedSeq;
      checked++;
    }
    if (page.length < 1000) return { ok: true, checked, brokenAt: null };
  }
}
