// A fresh database per test file: in-memory PGlite by default, or a throwaway database on the
// PostgreSQL server named by DATABASE_URL (the same API suite runs on both), partitioned by county
// when FIVESTAR_TEST_PARTITIONED=1 (test/partitioned.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.js';
import { partitionedRun, partitionIfAsked } from './partitioned.js';

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (partitionedRun) throw new Error('FIVESTAR_TEST_PARTITIONED=1 needs DATABASE_URL (a real PostgreSQL)');
    return openDatabase({ kind: 'pglite' });
  }
  const name = `fivestar_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: testUrl.toString(), poolSize: 4 });
  await partitionIfAsked(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
