// Reads PostgreSQL's catalog for tables that break the county-key rule (see tenancy.ts).
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { selectRows } from './rows.js';
import { referenceTables, type CountyKeyBreach } from './tenancy.js';

/** Every breach of the county-key rule in the public schema; empty when the schema is sound. */
export async function countyKeyBreaches(db: Db): Promise<CountyKeyBreach[]> {
  const reference = `{${referenceTables.join(',')}}`;
  return selectRows<CountyKeyBreach>(
    db,
    sql`
    WITH t AS (
      SELECT c.oid, c.relname::text AS relname, a.attnum AS county, a.attnotnull AS county_not_null
      FROM pg_class c
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'county_id' AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ),
    county AS (SELECT * FROM t WHERE county IS NOT NULL AND relname <> ALL (${reference}::text[])),
    reference AS (SELECT * FROM t WHERE relname = ANY (${reference}::text[]))
    SELECT relname AS "table", 'no county_id and not a listed reference table' AS rule, '' AS name
      FROM t WHERE county IS NULL AND relname <> ALL (${reference}::text[])
    UNION ALL
    SELECT relname, 'county_id may be null', 'county_id' FROM county WHERE NOT county_not_null
    UNION ALL
    SELECT c.relname, 'primary key without county_id', '' FROM county c
      WHERE NOT EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p' AND c.county = ANY (p.conkey))
    UNION ALL
    SELECT c.relname, 'unique index without county_id', i.indexrelid::regclass::text FROM county c
      JOIN pg_index i ON i.indrelid = c.oid AND i.indisunique
      WHERE NOT (c.county = ANY (i.indkey::int2[]))
    UNION ALL
    SELECT c.relname, 'foreign key to a county table without county_id = county_id', f.conname::text
      FROM pg_constraint f JOIN county c ON f.conrelid = c.oid JOIN county r ON f.confrelid = r.oid
      WHERE f.contype = 'f'
        AND NOT EXISTS (SELECT 1 FROM unnest(f.conkey, f.confkey) AS k(a, b) WHERE k.a = c.county AND k.b = r.county)
    UNION ALL
    SELECT c.relname, 'ON DELETE SET NULL/DEFAULT would clear county_id', f.conname::text
      FROM pg_constraint f JOIN county c ON f.conrelid = c.oid
      WHERE f.contype = 'f' AND f.confdeltype IN ('n', 'd')
        AND (f.confdelsetcols IS NULL OR c.county = ANY (f.confdelsetcols))
    UNION ALL
    SELECT c.relname, 'reference table points at a county table', f.conname::text
      FROM pg_constraint f JOIN reference c ON f.conrelid = c.oid JOIN county r ON f.confrelid = r.oid
      WHERE f.contype = 'f'
    ORDER BY 1, 2, 3`,
  );
}

/**
 * The tables a distributed database spreads by county_id (every table with county_id that is
 * not a listed reference table; a partitioned table counts once), in an order that creates every
 * table after those its foreign keys point at, org_units first (the others are co-located with
 * it). docs/operations.md lists them in this order; a test keeps the two equal.
 */
export async function distributedTables(db: Db): Promise<string[]> {
  const reference = `{${referenceTables.join(',')}}`;
  const rows = await selectRows<{ table: string }>(
    db,
    sql`
    WITH RECURSIVE county AS (
      SELECT c.oid, c.relname::text AS relname FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'county_id' AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> ALL (${reference}::text[])
    ),
    edge AS (
      SELECT DISTINCT f.conrelid AS from_oid, f.confrelid AS to_oid FROM pg_constraint f
      JOIN county a ON a.oid = f.conrelid JOIN county b ON b.oid = f.confrelid
      WHERE f.contype = 'f' AND f.conrelid <> f.confrelid
    ),
    -- A table's depth is the longest chain of foreign keys below it (bounded, should one loop).
    depth AS (
      SELECT oid, 0 AS d FROM county
      UNION ALL SELECT e.from_oid, depth.d + 1 FROM depth JOIN edge e ON e.to_oid = depth.oid WHERE depth.d < 50
    )
    SELECT c.relname AS "table" FROM county c JOIN depth USING (oid)
    GROUP BY c.relname ORDER BY c.relname <> 'org_units', max(depth.d), c.relname`,
  );
  return rows.map((r) => r.table);
}
