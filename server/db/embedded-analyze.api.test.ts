// The embedded database's statistics (embedded-analyze.ts), on a PGlite set up as the server sets
// it up: tables owned by the session user, queries under the application's role, which may not
// ANALYZE them itself.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeStaleTables } from './embedded-analyze.js';

let client: PGlite;
const one = async <T>(text: string) => (await client.query<T>(text)).rows[0] as T;
const insert = async (n: number) => {
  await client.query(`INSERT INTO scratch (k) SELECT g % 7 FROM generate_series(1, ${n}) g`);
  // The counters analyze reads are flushed when a transaction ends, at most once a second.
  await client.query('SELECT pg_stat_force_next_flush()');
};
const tuples = async () => Number((await one<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE relname = 'scratch'`)).n);

beforeAll(async () => {
  client = new PGlite();
  await client.exec(`CREATE ROLE app_role; CREATE TABLE scratch (k int); GRANT SELECT, INSERT ON scratch TO app_role; SET ROLE app_role;`);
});
afterAll(() => client.close());

describe('statistics of the embedded database', () => {
  it('when the application role cannot ANALYZE, then an own ANALYZE is skipped with a warning and the table stays never analyzed', async () => {
    await insert(5000);
    await client.query('ANALYZE scratch');
    expect(await tuples()).toBe(-1);
  });

  it('when a table holds rows and was never analyzed, then it is analyzed as the owner and the role is the application’s again', async () => {
    expect(await analyzeStaleTables(client)).toEqual(['scratch']);
    expect(await tuples()).toBe(5000);
    expect((await one<{ u: string }>('SELECT current_user AS u')).u).toBe('app_role');
    // The planner now sees the table's size instead of guessing.
    const plan = (await client.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT * FROM scratch WHERE k = 3')).rows[0]?.['QUERY PLAN'] ?? '';
    expect(Number(/rows=(\d+)/.exec(plan)?.[1])).toBeGreaterThan(500);
  });

  it('when fewer rows changed than autovacuum’s threshold (50 and 10% of the table), then nothing is analyzed; past it, the table is', async () => {
    expect(await analyzeStaleTables(client)).toEqual([]);
    await insert(500); // 500 < 50 + 500
    expect(await analyzeStaleTables(client)).toEqual([]);
    await insert(100); // 600 changed since the last ANALYZE
    expect(await analyzeStaleTables(client)).toEqual(['scratch']);
    expect(await tuples()).toBe(5600);
  });

  it('when a table’s name needs quoting, then it is analyzed all the same', async () => {
    await client.query('SET ROLE NONE');
    await client.exec(`CREATE TABLE "odd ""name" (k int); GRANT INSERT ON "odd ""name" TO app_role; SET ROLE app_role;`);
    await client.query(`INSERT INTO "odd ""name" SELECT g FROM generate_series(1, 100) g`);
    await client.query('SELECT pg_stat_force_next_flush()');
    expect(await analyzeStaleTables(client)).toEqual(['"odd ""name"']);
    expect(Number((await one<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE relname = 'odd "name'`)).n)).toBe(100);
  });
});
