// The planner's statistics for the embedded database. PGlite runs no autovacuum, so nothing ever
// ANALYZEs its tables: every one stays "never analyzed", the planner takes each scan for one row,
// and joins fall into nested loops whose cost grows with the square of the county (the training
// figures of 10,000 villages compared every cadre's position with every village). This does
// autovacuum's analyze part in the server: at start, then every minute, each table changed past
// autovacuum's default threshold (50 rows and 10% of the table) or never analyzed while holding
// rows. PostgreSQL proper has autovacuum and does not use this.
import type { PGlite } from '@electric-sql/pglite';

type Client = Pick<PGlite, 'query' | 'transaction'>;

// The transaction ids of the ANALYZEs run on each client (ANALYZE writes pg_statistic, so it takes
// one). 生成定星建议 on PGlite takes any transaction committed during its reads for someone's
// write and reads again; statistics change no row it reads, so it passes over these.
const statisticsXids = new WeakMap<object, Set<string>>();

/** The transaction ids of this client's ANALYZEs (pg_current_xact_id as text), kept up to date. */
export function statisticsTransactions(client: object): ReadonlySet<string> {
  return xidsOf(client);
}

function xidsOf(client: object): Set<string> {
  let xids = statisticsXids.get(client);
  if (!xids) statisticsXids.set(client, (xids = new Set()));
  return xids;
}

// Enough for days of minutely runs: a compute takes minutes at most.
const keptXids = 10_000;

function keepXid(client: object, xid: string): void {
  const xids = xidsOf(client);
  // A Set iterates in insertion order: the first is the oldest.
  for (const old of xids) {
    if (xids.size < keptXids) break;
    xids.delete(old);
  }
  xids.add(xid);
}

/** The tables whose statistics are missing or stale, by autovacuum's rule, as quoted identifiers. */
async function staleTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(c.relname) AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND ((c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
         OR coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0))
     ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/**
 * ANALYZEs the stale tables one at a time and names them. The application's role may not analyze
 * tables it does not own, so each runs as the owner inside a transaction (SET LOCAL ROLE NONE):
 * the embedded database runs one transaction at a time, so no other query runs as the owner, and
 * the role is back when it ends, whatever happened.
 */
export async function analyzeStaleTables(client: Client, pause: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<string[]> {
  const tables = await staleTables(client);
  for (const table of tables) {
    await client.transaction(async (tx) => {
      await tx.query('SET LOCAL ROLE NONE');
      await tx.query(`ANALYZE public.${table}`);
      const { rows } = await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      for (const { xid } of rows) keepXid(client, xid);
    });
    // Between tables other requests get their turn: each ANALYZE holds the database.
    await pause();
  }
  return tables;
}

/** Analyzes now, then every `everyMs`; stop() ends it and waits for a run under way (before the database closes). */
export function keepStatistics(client: Client, everyMs: number): { first: Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= analyzeStaleTables(client)
      .then(() => undefined)
      .catch((err: Error) => console.warn(`嵌入式数据库统计信息更新失败：${err.message}`))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    first: run(),
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
