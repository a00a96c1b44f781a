import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditChain, auditLog } from '../../db/schema/core.js';
import { auditAnchors, auditPurges } from '../../db/schema/platform-security.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import type { AuditListQuery } from '../../../shared/contracts/audit.js';
import { chainGenesis, chainMaterial, type Actor, type AuditInput, type HashedFields } from './audit.js';

/**
 * Appends one audit row to the county's hash chain. Call it inside the business transaction:
 * if it fails, the change fails with it.
 */
export async function insertAuditRow(db: Db, crypto: FieldCrypto, actor: Actor, input: AuditInput, at: Date) {
  await db.insert(auditChain).values({ countyId: actor.countyId, seq: 0, hash: chainGenesis }).onConflictDoNothing();
  const [head] = await db.select().from(auditChain).where(eq(auditChain.countyId, actor.countyId)).for('update');
  if (!head) throw new Error('audit chain head missing');
  const row: HashedFields = {
    countyId: actor.countyId,
    seq: Number(head.seq) + 1,
    at: at.toISOString(),
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    event: input.event,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    outcome: input.outcome ?? 'success',
    ip: actor.ip,
    requestId: actor.requestId,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  const hash = crypto.digest(chainMaterial(head.hash, row));
  await db.insert(auditLog).values({ ...row, at, prevHash: head.hash, hash });
  await db.update(auditChain).set({ seq: row.seq, hash }).where(eq(auditChain.countyId, actor.countyId));
  // The anchor the server's login can add but never change: rewinding audit_chain cannot hide a cut.
  await db.insert(auditAnchors).values({ countyId: actor.countyId, seq: row.seq, hash });
}

/** The newest anchored head of a county's chain (what verification must reach). */
export async function selectAnchoredHead(db: Db, countyId: string) {
  const [head] = await db.select().from(auditAnchors).where(eq(auditAnchors.countyId, countyId)).orderBy(desc(auditAnchors.seq)).limit(1);
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/** Where verification starts after a purge of old rows: the last purged row's seq and hash. */
export async function selectPurgePoint(db: Db, countyId: string) {
  const [p] = await db.select().from(auditPurges).where(eq(auditPurges.countyId, countyId)).orderBy(desc(auditPurges.throughSeq)).limit(1);
  return p ? { seq: Number(p.throughSeq), hash: p.throughHash } : null;
}

function auditFilters(countyIds: string[], q: Partial<AuditListQuery>): SQL | undefined {
  return and(
    inArray(auditLog.countyId, countyIds),
    q.event ? eq(auditLog.event, q.event) : undefined,
    q.username ? ilike(auditLog.username, `%${q.username.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    q.objectType ? eq(auditLog.objectType, q.objectType) : undefined,
    q.outcome ? eq(auditLog.outcome, q.outcome) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
}

export async function listAuditRows(db: Db, countyIds: string[], q: AuditListQuery) {
  const where = auditFilters(countyIds, q);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Rows for an export: the same filters, capped so one request stays bounded. */
export function selectAuditRowsForExport(db: Db, countyIds: string[], q: Partial<AuditListQuery>, limit: number) {
  return db.select().from(auditLog).where(auditFilters(countyIds, q)).orderBy(desc(auditLog.at)).limit(limit);
}

export function selectAuditChainPage(db: Db, countyId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.countyId, countyId), gt(auditLog.seq, afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

export async function countAuditRows(db: Db, countyId: string, event?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.countyId, countyId), event ? eq(auditLog.event, event) : undefined));
  return Number(row?.n ?? 0);
}
