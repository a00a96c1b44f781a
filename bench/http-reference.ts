// The reference for bench/http-load.bench.ts: bare Fastify answering one indexed single-row read
// on the same data, with no session, no validation and no log. What fivestar adds to a read is
// measured against this. Started by the benchmark as its own process:
//   REF_PORT=4100 DATABASE_URL=postgres://… npx tsx bench/http-reference.ts
//   REF_PORT=4100 PGLITE_DIR=/path/to/a/copy npx tsx bench/http-reference.ts
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const port = Number(process.env.REF_PORT ?? 4100);
const text = 'SELECT id, name, code, path, level, active FROM org_units WHERE id = $1';

type Query = (id: string) => Promise<unknown>;
let query: Query;
let close: () => Promise<void>;
if (process.env.DATABASE_URL) {
  // The server's default pool size, so both hold the same number of connections.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = async (id) => (await pool.query({ name: 'ref_org_unit', text, values: [id] })).rows[0];
  close = () => pool.end();
} else if (process.env.PGLITE_DIR) {
  const db = new PGlite(process.env.PGLITE_DIR);
  await db.waitReady;
  query = async (id) => (await db.query(text, [id])).rows[0];
  close = () => db.close();
} else {
  throw new Error('DATABASE_URL or PGLITE_DIR is required');
}

const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/ref/org-units/:id', async (req, reply) => {
  const row = await query(req.params.id);
  if (!row) return reply.code(404).send({ error: 'not found' });
  return row;
});
await app.listen({ port, host: '127.0.0.1' });
console.log(`reference listening on ${port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(close).then(() => process.exit(0)));
}
