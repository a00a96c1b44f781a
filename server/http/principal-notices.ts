// Wires the kept session lookups (features/auth/principal-cache.ts) to the database's notices
// (db/notices.ts, migrations/0027), and makes a request that wrote wait for its own notices:
// whatever it changed about a session, a user, a role or an org unit is dropped here before its
// answer leaves, so the caller's next request (or anyone's) is checked against the new rows.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { PrincipalCache } from '../features/auth/principal-cache.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

// Enough for every signed-in user of a province at once; an entry is re-read at least every minute.
const limits = { maxEntries: 50_000, ttlMs: 60_000 };

export async function installPrincipalCache(app: FastifyInstance, database: Database): Promise<PrincipalCache> {
  const cache = new PrincipalCache(limits);
  const listener = await database.listen('fivestar_auth', { onNotice: (payload) => cache.notice(payload), onReset: () => cache.reset() });
  cache.live = () => listener.live;
  cache.sync = () => listener.sync();
  app.addHook('onSend', async (req) => {
    if (!safeMethods.has(req.method)) await cache.sync();
  });
  app.addHook('onClose', async () => listener.close());
  return cache;
}
