import { and, eq, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column` lies in one of the subtrees (materialized-path prefixes); none means no rows. */
export function inSubtrees(column: AnyColumn, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => like(column, `${p}%`))) as SQL;
}

/** Escapes LIKE wildcards in user search text. */
export function containsText(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * The join condition on a county table's key, county first: the primary key is (county_id, id),
 * so an id alone cannot use it (PostgreSQL falls back to scanning every county's rows), and a
 * distributed database needs the county to keep the join on one node.
 */
export function keyJoin(table: { countyId: AnyColumn; id: AnyColumn }, countyId: AnyColumn, id: AnyColumn): SQL {
  return and(eq(table.countyId, countyId), eq(table.id, id)) as SQL;
}
