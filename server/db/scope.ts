import { like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column` lies in one of the subtrees (materialized-path prefixes); none means no rows. */
export function inSubtrees(column: AnyColumn, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => like(column, `${p}%`))) as SQL;
}

/** Escapes LIKE wildcards in user search text. */
export function containsText(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
