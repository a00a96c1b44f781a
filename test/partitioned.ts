// The partitioned run: with FIVESTAR_TEST_PARTITIONED=1 every test database on PostgreSQL gets its
// biggest county tables hash-partitioned by county_id right after the migrations, while still
// empty (scripts/partition-by-county.sql), and the API suite runs on that. It proves the county
// keys hold where rows of one table live apart by county. PGlite is not part of it: the switch is
// refused without DATABASE_URL, so a run on the embedded database never passes for the proof.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../server/db/client.js';
import { projectRoot } from '../server/paths.js';

export const partitionedRun = process.env.FIVESTAR_TEST_PARTITIONED === '1';

export const partitionScript = path.join(projectRoot, 'scripts', 'partition-by-county.sql');

/** Partitions a freshly migrated PostgreSQL test database when the switch is on; else nothing. */
export async function partitionIfAsked(database: Database): Promise<void> {
  if (!partitionedRun) return;
  if (database.kind !== 'postgres') throw new Error('FIVESTAR_TEST_PARTITIONED=1 needs DATABASE_URL (a real PostgreSQL)');
  await database.runAsOwner(await readFile(partitionScript, 'utf8'));
}
