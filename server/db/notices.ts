// LISTEN on a channel: what lets a server keep something it read (the principals of
// features/auth/principal-cache.ts) and still see a change made by anyone else (another server,
// the CLI, a hand edit), announced by a trigger's pg_notify (migrations/0027).
//
// PostgreSQL: one connection of its own, outside the pool (a pooled connection would hand its
// LISTEN to whoever borrows it next). When it drops, notices may have been missed: `onReset` says
// so at once, `live` is false until it is connected and listening again (retried with a growing
// pause), and `onReset` is called again then. `sync()` sends a statement on that connection:
// PostgreSQL hands a connection its pending notices before it answers the connection's next
// statement, so when sync() resolves, every notice committed before it was called has reached
// `onNotice`.
//
// PGlite: one process, one connection; a notice reaches the listener when the statement that
// committed it returns, so there is nothing to wait for.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type NoticeHandlers = { onNotice(payload: string): void; onReset(): void };

export type NoticeListener = {
  /** False while notices could be missed (PostgreSQL connection down): do not trust what was kept. */
  readonly live: boolean;
  sync(): Promise<void>;
  close(): Promise<void>;
};

const channelName = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!channelName.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

export async function listenPglite(client: PGlite, channel: string, handlers: NoticeHandlers): Promise<NoticeListener> {
  checkChannel(channel);
  const unsubscribe = await client.listen(channel, (payload) => handlers.onNotice(payload));
  return { live: true, sync: async () => undefined, close: () => unsubscribe() };
}

const firstRetryMs = 500;
const maxRetryMs = 30_000;

export async function listenPostgres(url: string, channel: string, handlers: NoticeHandlers): Promise<NoticeListener> {
  checkChannel(channel);
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    live = false;
    handlers.onReset();
    c.end().catch(() => undefined);
    if (closed) return;
    retryTimer = setTimeout(() => void connect().catch(() => undefined), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  async function connect(): Promise<void> {
    retryTimer = null;
    // Named, so an operator (and a test) can tell it from the pool's connections in pg_stat_activity.
    const c = new pg.Client({ connectionString: url, application_name: 'fivestar_notices' });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel === channel) handlers.onNotice(msg.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      lost(c);
      throw err;
    }
    if (closed || client !== c) return;
    retryMs = firstRetryMs;
    live = true;
    // Whatever was kept before this connection listened may be stale.
    handlers.onReset();
  }

  // A server that cannot listen yet starts anyway and keeps nothing until it can (live is false).
  await connect().catch(() => undefined);
  return {
    get live() {
      return live;
    },
    sync: async () => {
      const c = client;
      if (!c || !live) return;
      try {
        await c.query('SELECT 1');
      } catch {
        lost(c);
      }
    },
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      live = false;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
