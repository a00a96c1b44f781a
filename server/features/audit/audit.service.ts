import type { Ctx, Services } from '../../context.js';
import type { AuditListQuery } from '../../../shared/contracts/audit.js';
import { chainGenesis, chainMaterial, systemCountyId, type Actor, type AuditInput } from './audit.js';
import { insertAuditRow, listAuditRows, selectAnchoredHead, selectAuditChainPage, selectAuditRowsForExport, selectPurgePoint } from './audit.queries.js';

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
  // Every export carries the anchored head (and the trail records it): a later cut of the newest
  // rows shows against any earlier export, even offline.
  const head = await selectAnchoredHead(ctx.db, ctx.principal.countyId);
  await recordAudit(ctx, { event: 'export', objectType: 'audit_log', after: { rows: rows.length, filters: query, head } });
  return { rows, head };
}

export type ChainCheck = { ok: boolean; checked: number; brokenAt: number | null; truncated: boolean; head: { seq: number; hash: string } | null };

/** The county's chain and the chain of failed logins for unknown names, which auditors also read. */
export async function verifyAuditChains(services: Services, countyId: string) {
  const [county, unknownNames] = await Promise.all([verifyAuditChain(services, countyId), verifyAuditChain(services, systemCountyId)]);
  return { ...county, ok: county.ok && unknownNames.ok, unknownNames };
}

/**
 * Recomputes the county's hash chain; a row edited or deleted in the database breaks it, and rows
 * cut from the end show as the anchored head not reached. After a purge it starts from the purge.
 */
export async function verifyAuditChain(services: Services, countyId: string): Promise<ChainCheck> {
  const [start, head] = await Promise.all([selectPurgePoint(services.db, countyId), selectAnchoredHead(services.db, countyId)]);
  let prev = start?.hash ?? chainGenesis;
  let seq = start?.seq ?? 0;
  let checked = 0;
  for (;;) {
    const page = await selectAuditChainPage(services.db, countyId, seq, 1000);
    for (const row of page) {
      const expectedSeq = seq + 1;
      const { prevHash, hash, id: _id, ...fields } = row;
      const material = chainMaterial(prev, { ...fields, seq: Number(fields.seq), at: fields.at.toISOString() });
      if (Number(row.seq) !== expectedSeq || prevHash !== prev || services.crypto.digest(material) !== hash) {
        return { ok: false, checked, brokenAt: expectedSeq, truncated: false, head };
      }
      prev = hash;
      seq = expectedSeq;
      checked++;
    }
    if (page.length < 1000) {
      // The last row must be the anchored head: anything short of it was cut off.
      const cut = head !== null && (head.seq > seq || (head.seq === seq && head.hash !== prev));
      return { ok: !cut, checked, brokenAt: cut ? seq + 1 : null, truncated: cut, head };
    }
  }
}
