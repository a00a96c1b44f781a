// Opens the database: embedded PGlite (data dir on disk, or in memory) or a real PostgreSQL.
// Both run the same migrations and the same Drizzle code.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { runMigrations } from './migrate.js';
import { listenPglite, listenPostgres, type NoticeHandlers, type NoticeListener } from './notices.js';
import { keepStatistics, statisticsTransactions } from './embedded-analyze.js';

/**
 * A database handle or an open transaction: query functions accept either. Queries import their
 * tables from server/db/schema/*.ts; the relational query API (which needs one schema object) is
 * not used, so no schema is registered here.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up banner (no credentials). */
  description: string;
  close(): Promise<void>;
  /** Runs SQL as the database owner, outside the application role: operations and tests only. */
  runAsOwner(text: string): Promise<void>;
  /**
   * True when the server's login is not the owner (PostgreSQL with a separate owner URL): only
   * then does the database itself stop the server from changing audit rows (docs/security.md).
   */
  leastPrivilege: boolean;
  /** LISTEN on a channel (db/notices.ts): each notice, and when notices may have been missed. */
  listen(channel: string, handlers: NoticeHandlers): Promise<NoticeListener>;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir?: string } // no dataDir: in memory
  /** url: the server's login; ownerUrl: the schema owner that runs the migrations (default: url). */
  | { kind: 'postgres'; url: string; ownerUrl?: string; poolSize?: number };

// The application role may insert audit rows but never change them (see 0001_init.sql).
const appRole = 'fivestar_app';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    const client = new PGlite(options.dataDir);
    await client.waitReady;
    await runMigrations({
      exec: (text) => client.exec(text).then(() => undefined),
      query: async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[],
      transaction: (fn) =>
        client.transaction(async (tx) =>
          fn({
            exec: (text) => tx.exec(text).then(() => undefined),
            query: async (text, params) => (await tx.query(text, params)).rows as Record<string, unknown>[],
          }),
        ),
    });
    await client.exec(`SET ROLE ${appRole}`);
    const statistics = keepStatistics(client, 60_000);
    await statistics.first;
    return {
      db: drizzlePglite(client) as unknown as Db,
      kind: 'pglite',
      description: options.dataDir ? `嵌入式 PostgreSQL (PGlite)，数据目录 ${options.dataDir}` : '嵌入式 PostgreSQL (PGlite)，内存',
      close: () => statistics.stop().then(() => client.close()),
      listen: (channel, handlers) => listenPglite(client, channel, handlers),
      // One embedded user: the process can always RESET ROLE (said at start-up and in the docs).
      leastPrivilege: false,
      runAsOwner: async (text) => {
        await client.exec('RESET ROLE');
        try {
          await client.exec(text);
        } finally {
          await client.exec(`SET ROLE ${appRole}`);
        }
      },
    };
  }
  const ownerUrl = options.ownerUrl ?? options.url;
  await migratePostgres(ownerUrl);
  // The role is a startup parameter of every pooled connection: if it is missing, connecting
  // fails loudly instead of silently running as the owner (who could change audit rows).
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, options: `-c role=${appRole}` });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  // A few connections that always use the generic plan of a prepared statement, for the ranking
  // pages (genericPlans below). Not the main pool: there a generic plan would also serve unnamed
  // statements with a LIKE prefix parameter, which then could not use the path index.
  const genericPool = new pg.Pool({ connectionString: options.url, max: genericPoolSize, options: `-c role=${appRole} -c plan_cache_mode=force_generic_plan` });
  genericPool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  const db = drizzlePg(pool) as unknown as Db;
  genericOf.set(db, drizzlePg(genericPool) as unknown as Db);
  const url = new URL(options.url);
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL ${url.hostname || 'socket'}${url.port ? `:${url.port}` : ''}${url.pathname}`,
    close: () => Promise.all([pool.end(), genericPool.end()]).then(() => undefined),
    listen: (channel, handlers) => listenPostgres(options.url, channel, handlers),
    leastPrivilege: ownerUrl !== options.url,
    runAsOwner: async (text) => {
      const owner = new pg.Client({ connectionString: ownerUrl });
      await owner.connect();
      try {
        await owner.query(text);
      } finally {
        await owner.end();
      }
    },
  };
}

const genericPoolSize = 4;
const genericOf = new WeakMap<Db, Db>();

/**
 * The handle to send a prepared statement on when its plan does not depend on its parameters'
 * values (the ranking pages: the same index walk whatever the page): PostgreSQL 15 otherwise
 * plans such a statement anew at every execution, because with LIMIT and OFFSET as parameters
 * the generic plan's estimated cost never beats a custom one's. A transaction, or PGlite, is
 * given back as it is.
 */
export function genericPlans(db: Db): Db {
  return genericOf.get(db) ?? db;
}

/** True for the embedded database (PGlite): one connection, statements run on this process's thread. */
const clientOf = (db: Db) => (db as unknown as { $client?: unknown }).$client;

export function isEmbedded(db: Db): boolean {
  return clientOf(db) instanceof PGlite;
}

/** On PGlite, the transaction ids of the embedded ANALYZEs (embedded-analyze.ts); none elsewhere. */
export function statisticsXids(db: Db): ReadonlySet<string> {
  const client = clientOf(db);
  return client instanceof PGlite ? statisticsTransactions(client) : new Set();
}

async function migratePostgres(url: string): Promise<void> {
  const conn = new pg.Client({ connectionString: url });
  await conn.connect();
  try {
    const run = {
      exec: (text: string) => conn.query(text).then(() => undefined),
      query: async (text: string, params?: unknown[]) => (await conn.query(text, params)).rows as Record<string, unknown>[],
    };
    await runMigrations({
      ...run,
      transaction: async (fn) => {
        await conn.query('BEGIN');
        try {
          const result = await fn(run);
          await conn.query('COMMIT');
          return result;
        } catch (err) {
          await conn.query('ROLLBACK');
          throw err;
        }
      },
    });
  } finally {
    await conn.end();
  }
}
