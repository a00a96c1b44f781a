import { createHash } from 'node:crypto';
import { and, eq, inArray, like, or, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { recordSeals, sealRoots } from '../../../db/schema/sealed-decisions.js';
import type { SealKind, StoredRoot, StoredSeal } from './seal.js';

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

type Key = SQL | AnyColumn | Placeholder | string;

/** The campaign's results generation (0029), as a sub-select. */
export function campaignGeneration(countyId: Key, campaignId: Key): SQL {
  return sql`(SELECT c.results_generation FROM campaigns c WHERE c.county_id = ${countyId} AND c.id = ${campaignId})`;
}

/**
 * The seals a campaign shows: result seals of its results generation (0029), every other kind.
 * Result seals of another generation are those of a compute not switched in yet, or left over.
 */
export function currentSeals(countyId: Key, campaignId: Key, alias = 'record_seals'): SQL {
  const s = sql.raw(alias);
  return sql`(${s}.kind <> 'result' OR ${s}.generation = ${campaignGeneration(countyId, campaignId)})`;
}

/**
 * The seals of a campaign (of one kind when given), or those whose key starts with one of the row
 * prefixes. Past a few hundred prefixes the OR of LIKEs costs prefixes × seals: then all seals of
 * the kind are read and the caller keeps the ones it asked for (sealRows does).
 */
export async function selectSeals(db: Db, countyId: string, campaignId: string, rowPrefixes?: readonly string[], kind?: SealKind): Promise<StoredSeal[]> {
  if (rowPrefixes && rowPrefixes.length === 0) return [];
  const byPrefix = rowPrefixes && !(kind && rowPrefixes.length > 200) ? or(...rowPrefixes.map((p) => like(recordSeals.rowKey, `${p}#%`))) : undefined;
  return db
    .select({ rowKey: recordSeals.rowKey, kind: recordSeals.kind, digest: recordSeals.digest })
    .from(recordSeals)
    .where(and(eq(recordSeals.countyId, countyId), eq(recordSeals.campaignId, campaignId), currentSeals(countyId, campaignId), kind ? eq(recordSeals.kind, kind) : undefined, byPrefix));
}

// 6 columns a row: 5,000 rows stay under a statement's 65,535 parameters, and a province's
// 80,000 result seals go in 16 statements instead of 160.
export async function upsertSeals(db: Db, rows: { countyId: string; campaignId: string; kind: SealKind; rowKey: string; digest: string; sealedAt: Date }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insert(recordSeals)
      .values(rows.slice(i, i + 5000))
      .onConflictDoUpdate({ target: [recordSeals.countyId, recordSeals.campaignId, recordSeals.kind, recordSeals.generation, recordSeals.rowKey], set: { digest: sqlExcluded('digest'), sealedAt: sqlExcluded('sealed_at') } });
  }
}

export async function deleteSeals(db: Db, countyId: string, campaignId: string, rowKeys: readonly string[]): Promise<void> {
  for (let i = 0; i < rowKeys.length; i += 500) {
    await db.delete(recordSeals).where(and(eq(recordSeals.countyId, countyId), eq(recordSeals.campaignId, campaignId), currentSeals(countyId, campaignId), inArray(recordSeals.rowKey, rowKeys.slice(i, i + 500))));
  }
}

/** The root row, locked: concurrent sealing in one campaign goes one at a time. */
export async function lockRoot(db: Db, countyId: string, campaignId: string): Promise<StoredRoot> {
  const [row] = await db
    .select({ rowCount: sealRoots.rowCount, xorDigest: sealRoots.xorDigest, mac: sealRoots.mac })
    .from(sealRoots)
    .where(and(eq(sealRoots.countyId, countyId), eq(sealRoots.campaignId, campaignId)))
    .for('update');
  return row ?? null;
}

export async function selectRoot(db: Db, countyId: string, campaignId: string): Promise<StoredRoot> {
  const [row] = await db.select({ rowCount: sealRoots.rowCount, xorDigest: sealRoots.xorDigest, mac: sealRoots.mac }).from(sealRoots).where(and(eq(sealRoots.countyId, countyId), eq(sealRoots.campaignId, campaignId)));
  return row ?? null;
}

export async function saveRoot(db: Db, row: { countyId: string; campaignId: string; rowCount: number; xorDigest: string; mac: string; updatedAt: Date }): Promise<void> {
  await db
    .insert(sealRoots)
    .values(row)
    .onConflictDoUpdate({ target: [sealRoots.countyId, sealRoots.campaignId], set: { rowCount: row.rowCount, xorDigest: row.xorDigest, mac: row.mac, updatedAt: row.updatedAt } });
}

/**
 * A fingerprint of a campaign's seals of one kind, as SQL to put in the statement that reads the
 * sealed rows (one snapshot): sha256 over "row_key=digest" lines in byte order of the key.
 * sealsFingerprint computes the same from seals read.
 */
export function sealsFingerprintSql(countyId: SQL | AnyColumn | Placeholder, campaignId: SQL | AnyColumn | Placeholder, kind: SealKind): SQL<string> {
  return sql<string>`(SELECT encode(sha256(convert_to(coalesce(string_agg(s.row_key || '=' || s.digest, E'\\n' ORDER BY s.row_key COLLATE "C"), ''), 'UTF8')), 'hex')
    FROM record_seals s WHERE s.county_id = ${countyId} AND s.campaign_id = ${campaignId} AND s.kind = ${sql.raw(`'${kind}'`)} AND ${currentSeals(countyId, campaignId, 's')})`;
}

export function sealsFingerprint(seals: readonly Pick<StoredSeal, 'rowKey' | 'digest'>[]): string {
  // Row keys are ASCII (kind/uuid/…#field): UTF-16 order is byte order, as COLLATE "C" sorts.
  const lines = [...seals].sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0)).map((s) => `${s.rowKey}=${s.digest}`);
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}
