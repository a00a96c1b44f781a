// The ranking pages' handle (client.ts genericPlans): on PostgreSQL its connections use the generic
// plan of a prepared statement and the main pool's do not; on PGlite, and for a transaction, it is
// the handle given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { genericPlans } from './client.js';
import { selectRows } from './rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const mode = async (db: Parameters<typeof genericPlans>[0]) => (await selectRows<{ plan_cache_mode: string }>(db, sql`SHOW plan_cache_mode`))[0]?.plan_cache_mode;

describe('generic plans for the ranking pages', () => {
  it('when the database is PostgreSQL, then only the ranking pages’ handle forces generic plans, as the application role', async () => {
    const db = t.database.db;
    expect(await mode(db)).toBe('auto');
    if (t.database.kind === 'postgres') {
      expect(genericPlans(db)).not.toBe(db);
      expect(await mode(genericPlans(db))).toBe('force_generic_plan');
      expect((await selectRows<{ r: string }>(genericPlans(db), sql`SELECT current_user AS r`))[0]?.r).toBe('fivestar_app');
    } else {
      expect(genericPlans(db)).toBe(db);
    }
    await db.transaction(async (tx) => {
      expect(genericPlans(tx as unknown as typeof db)).toBe(tx);
    });
  });
});
