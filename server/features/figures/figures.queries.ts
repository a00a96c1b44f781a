// The one SQL piece the figure providers share: narrowing a per-village count to some villages
// (生成定星建议 reads figures a chunk of villages at a time, docs/ARCHITECTURE.md).
import { sql, type SQL } from 'drizzle-orm';

/** `AND <column> = ANY(ids)`, or nothing when every village is wanted. */
export function andInVillages(column: SQL, villageIds: readonly string[] | undefined): SQL {
  return villageIds ? sql`AND ${column} = ANY(${`{${villageIds.join(',')}}`}::uuid[])` : sql``;
}
