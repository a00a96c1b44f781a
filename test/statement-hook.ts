// Runs a test's actions at chosen statements of the app's database handle: something that lands
// at a point of a use case the test controls (between a compute's reads and its switch, say).
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../server/db/client.js';
import type { TestApp } from './test-app.js';

export type StatementHook = { marker: string; when: 'before' | 'after'; actions: (() => Promise<void>)[] };

/**
 * While `work` runs, the i-th statement sent through the handle's `execute` whose SQL contains
 * `marker` runs `actions[i]` just before or just after it. Answers work's answer and how many
 * statements matched.
 */
export async function withStatementHook<T>(t: TestApp, hook: StatementHook, work: () => Promise<T>): Promise<{ value: T; matched: number }> {
  const services = t.app.services as { db: Db };
  const real = services.db;
  const dialect = new PgDialect();
  let matched = 0;
  services.db = new Proxy(real, {
    get(target, prop) {
      if (prop !== 'execute') return Reflect.get(target, prop, target) as unknown;
      return async (query: SQL) => {
        const action = dialect.sqlToQuery(query).sql.includes(hook.marker) ? hook.actions[matched++] : undefined;
        if (action && hook.when === 'before') await action();
        const done = await target.execute(query);
        if (action && hook.when === 'after') await action();
        return done;
      };
    },
  });
  try {
    return { value: await work(), matched };
  } finally {
    services.db = real;
  }
}
