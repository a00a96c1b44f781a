import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = ANY($1::uuid[])`: many ids as one parameter. inArray makes a parameter per id, and
 * drizzle types each one in turn: a thousand ids cost over 100 ms of the event loop to build.
 * The ids come from the database (UUIDs), never from the caller's text.
 */
export function anyId(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${`{${ids.join(',')}}`}::uuid[])`;
}
