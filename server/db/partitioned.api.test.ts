// The partitioned run (FIVESTAR_TEST_PARTITIONED=1 with DATABASE_URL; a CI step): the biggest
// county tables are hash-partitioned by county_id before any row is written, and the whole API
// suite runs on that. Here the catalog says it really happened; on other runs only the check that
// the script and server/db/tenancy.ts name the same tables runs.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, loginAs, type TestApp } from '../../test/test-app.js';
import { partitionedRun, partitionScript } from '../../test/partitioned.js';
import { sqlStateOf } from './errors.js';
import { selectRows } from './rows.js';
import { largestCountyTables } from './tenancy.js';
import { countyKeyBreaches } from './tenancy.queries.js';

it('the partitioning script names the tables listed in tenancy.ts', async () => {
  const list = /unnest\(ARRAY\[([^\]]*)\]\)/.exec(await readFile(partitionScript, 'utf8'))?.[1] ?? '';
  expect([...list.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort()).toEqual([...largestCountyTables].sort());
});

describe.runIf(partitionedRun)('partitioned by county', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close(); // unset when the switch was refused (no DATABASE_URL)
  });

  it('exactly the largest county tables are partitioned, by hash of county_id, four ways', async () => {
    const rows = await selectRows(
      t.database.db,
      sql`
      SELECT c.relname::text AS table, p.partstrat::text AS strategy,
        ARRAY(SELECT a.attname::text FROM unnest(p.partattrs::int2[]) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k) AS key,
        (SELECT count(*)::int FROM pg_inherits i WHERE i.inhparent = c.oid) AS partitions
      FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'p'
      ORDER BY 1`,
    );
    expect(rows).toEqual([...largestCountyTables].sort().map((table) => ({ table, strategy: 'h', key: ['county_id'], partitions: 4 })));
  });

  it('the county-key rule still holds, partitions included', async () => {
    expect(await countyKeyBreaches(t.database.db)).toEqual([]);
  });

  it("a county's audit rows land in one partition", async () => {
    await loginAs(t.app, 'orgadmin');
    const rows = await selectRows<{ part: string }>(
      t.database.db,
      sql`SELECT DISTINCT tableoid::regclass::text AS part FROM audit_log WHERE county_id = ${t.city.countyId}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.part).toMatch(/^audit_log_p[0-3]$/);
  });

  it('the application role cannot change audit rows through a partition either', async () => {
    for (const statement of ['UPDATE audit_log_p0 SET outcome = outcome', 'DELETE FROM audit_log_p1', 'UPDATE audit_log SET outcome = outcome']) {
      const err = await t.app.services.db.execute(sql.raw(statement)).then(() => null, (e: unknown) => e);
      expect(sqlStateOf(err), statement).toBe('42501');
    }
  });
});
