// The reference for bench/http-load.bench.ts: bare Fastify answering each row's read with
// hand-written SQL on the same data, with no session, validation or log. What fivestar adds to a
// read is measured against this. Started by the benchmark as its own process:
//   REF_PORT=4100 DATABASE_URL=postgres://… npx tsx bench/http-reference.ts
//   REF_PORT=4100 PGLITE_DIR=/path/to/a/copy npx tsx bench/http-reference.ts
//
// Routes (what a page needs, as one would write it by hand: named prepared statements on
// PostgreSQL, the columns the page shows):
//   /ref/org-units/:id                          one indexed row (the first reference; auth/me's)
//   /ref/org-units/:county/:id                  the unit with its parent's name, as GET /api/org-units/:id answers
//   /ref/villages/:county?limit=                a page of a county's villages in tree order
//   /ref/results/:county/:campaign?limit=&town=&towns=0  a page of the ranking with village and town names, and the towns (not with towns=0)
//   /ref/notice/:county/:campaign               the whole ranking's shown columns, and the towns
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const port = Number(process.env.REF_PORT ?? 4100);

const statements = {
  unit: 'SELECT id, name, code, path, level, active FROM org_units WHERE id = $1',
  // What GET /api/org-units/:id answers: the unit with its parent's name.
  unitWithParent: `SELECT u.id, u.parent_id, u.level, u.kind, u.name, u.code, u.party_org_type, u.party_org_name, u.active, u.sort_order, p.name AS parent_name
    FROM org_units u LEFT JOIN org_units p ON p.county_id = u.county_id AND p.id = u.parent_id
    WHERE u.county_id = $1 AND u.id = $2`,
  villages: `SELECT u.id, u.parent_id, u.level, u.kind, u.name, u.code, u.party_org_type, u.party_org_name, u.active, u.sort_order, p.name AS parent_name
    FROM org_units u LEFT JOIN org_units p ON p.county_id = u.county_id AND p.id = u.parent_id
    WHERE u.county_id = $1 AND u.level = 'village' ORDER BY length(u.path), u.sort_order, u.code LIMIT $2`,
  results: `SELECT r.village_id, v.name, t.name AS town_name, r.score, r.stars, r.engine_stars, r.vetoed, r.override_reason,
      r.confirmed_at, r.proposal_change, r.rank_in_town, r.rank_in_city, r.notes
    FROM campaign_results r
    JOIN org_units v ON v.county_id = r.county_id AND v.id = r.village_id
    JOIN org_units t ON t.county_id = r.county_id AND t.id = r.town_id
    WHERE r.county_id = $1 AND r.campaign_id = $2 AND ($4::uuid IS NULL OR r.town_id = $4)
    ORDER BY coalesce(r.rank_in_city, 1000000), v.name, r.village_id LIMIT $3`,
  towns: `SELECT tr.town_id, tr.stars, o.name, o.path, s.score AS own_score
    FROM campaign_town_results tr
    JOIN org_units o ON o.county_id = tr.county_id AND o.id = tr.town_id
    LEFT JOIN campaign_town_scores s ON s.county_id = tr.county_id AND s.campaign_id = tr.campaign_id AND s.town_id = tr.town_id
    WHERE tr.county_id = $1 AND tr.campaign_id = $2 ORDER BY o.sort_order, o.code`,
  notice: `SELECT r.village_id, v.name, t.name AS town_name, r.score, r.stars, r.rank_in_town, r.rank_in_city
    FROM campaign_results r
    JOIN org_units v ON v.county_id = r.county_id AND v.id = r.village_id
    JOIN org_units t ON t.county_id = r.county_id AND t.id = r.town_id
    WHERE r.county_id = $1 AND r.campaign_id = $2
    ORDER BY coalesce(r.rank_in_city, 1000000), v.name`,
} as const;
type Name = keyof typeof statements;

type Query = (name: Name, values: unknown[]) => Promise<unknown[]>;
let query: Query;
let close: () => Promise<void>;
if (process.env.DATABASE_URL) {
  // The server's default pool size, so both hold the same number of connections.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = async (name, values) => (await pool.query({ name: `ref_${name}`, text: statements[name], values })).rows;
  close = () => pool.end();
} else if (process.env.PGLITE_DIR) {
  const db = new PGlite(process.env.PGLITE_DIR);
  await db.waitReady;
  query = async (name, values) => (await db.query(statements[name], values)).rows;
  close = () => db.close();
} else {
  throw new Error('DATABASE_URL or PGLITE_DIR is required');
}

const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/ref/org-units/:id', async (req, reply) => {
  const [row] = await query('unit', [req.params.id]);
  if (!row) return reply.code(404).send({ error: 'not found' });
  return row;
});
app.get<{ Params: { county: string; id: string } }>('/ref/org-units/:county/:id', async (req, reply) => {
  const [row] = await query('unitWithParent', [req.params.county, req.params.id]);
  if (!row) return reply.code(404).send({ error: 'not found' });
  return row;
});
app.get<{ Params: { county: string }; Querystring: { limit?: string } }>('/ref/villages/:county', async (req) => ({
  items: await query('villages', [req.params.county, Number(req.query.limit ?? 20) + 1]),
}));
app.get<{ Params: { county: string; campaign: string }; Querystring: { limit?: string; town?: string; towns?: string } }>('/ref/results/:county/:campaign', async (req) => {
  const { county, campaign } = req.params;
  const items = query('results', [county, campaign, Number(req.query.limit ?? 50) + 1, req.query.town ?? null]);
  if (req.query.towns === '0') return { items: await items };
  const [rows, towns] = await Promise.all([items, query('towns', [county, campaign])]);
  return { items: rows, towns };
});
app.get<{ Params: { county: string; campaign: string } }>('/ref/notice/:county/:campaign', async (req) => {
  const { county, campaign } = req.params;
  const [villages, towns] = await Promise.all([query('notice', [county, campaign]), query('towns', [county, campaign])]);
  return { villages, towns };
});
await app.listen({ port, host: '127.0.0.1' });
console.log(`reference listening on ${port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(close).then(() => process.exit(0)));
}
