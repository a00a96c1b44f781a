import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { verifyPassword } from '../server/security/passwords.js';
import { sessionIdOf } from '../server/features/auth/auth.service.js';
import { openTestDatabase } from '../test/test-database.js';
import { openPageOf } from '../shared/contracts/common.js';
import { orgTreeNodeSchema, orgUnitSchema } from '../shared/contracts/org-units.js';
import { personSchema } from '../shared/contracts/people.js';
import { meSchema } from '../shared/contracts/auth.js';
import { chinaDate } from '../shared/dates.js';
import { benchPassword, loadDataset, nameFragment, scales, type Dataset, type ScaleName } from './api-data.js';
import { rawAuthenticate, rawOrgList, rawOrgTreeRows, rawPeopleList } from './api-raw-sql.js';
import { timePaired, timeSync, type Paired, type Stats } from './api-timing.js';
import { runWhatIfs, type WhatIf } from './api-what-if.js';

// API at scale: generates a county (50 villages) and a province-sized tenant (10,000 villages,
// ~60,000 people), then times each list endpoint through app.inject against the raw SQL it
// wraps, alternating the two so the ratio survives a noisy machine. PGlite in memory always;
// also a throwaway database on PostgreSQL when DATABASE_URL is set. Usage:
//   npx tsx bench/api-scale.bench.ts [--scale county|province|all] [--db pglite|postgres|both]
//     [--budget MS per case, default 2500] [--explain] [--what-if]

type Args = { scales: ScaleName[]; dbs: ('pglite' | 'postgres')[]; budgetMs: number; explain: boolean; whatIf: boolean };

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = value('--scale') ?? 'all';
  if (!['county', 'province', 'all'].includes(scale)) throw new Error('--scale must be county, province or all');
  const hasPg = Boolean(process.env.DATABASE_URL);
  const db = value('--db') ?? (hasPg ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error('--db must be pglite, postgres or both');
  if (db !== 'pglite' && !hasPg) throw new Error('--db postgres needs DATABASE_URL (see scripts/pg-throwaway.sh)');
  const budgetMs = Number(value('--budget') ?? 2500);
  if (!(budgetMs > 0)) throw new Error('--budget must be a positive number of milliseconds');
  return {
    scales: scale === 'all' ? ['county', 'province'] : [scale as ScaleName],
    dbs: db === 'both' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'],
    budgetMs,
    explain: argv.includes('--explain'),
    whatIf: argv.includes('--what-if'),
  };
}

type Row = {
  name: string;
  as: 'city' | 'town';
  rows: string;
  kb: number;
  result: Paired;
  serialize: Stats | null;
};

type Session = { cookie: string; sessionId: string };

// Login is rate-limited per client address (60 a minute): each benchmark login comes from its
// own address, so the figure is the cost of a login, not of a refusal.
let loginCount = 0;
async function login(app: FastifyInstance, username: string): Promise<LightMyRequestResponse> {
  const n = ++loginCount;
  const remoteAddress = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password: benchPassword } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res;
}

async function sessionOf(app: FastifyInstance, username: string): Promise<Session> {
  const res = await login(app, username);
  const c = res.cookies[0];
  if (!c) throw new Error('no session cookie');
  return { cookie: `${c.name}=${c.value}`, sessionId: sessionIdOf(c.value) };
}

async function get(app: FastifyInstance, s: Session, url: string): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

/** What the route's response serializer does: zod encode against the schema, then JSON.stringify. */
function serializerOf(schema: z.ZodType, url: string): (data: unknown) => string {
  const compile = serializerCompiler as unknown as (o: { schema: z.ZodType; method: string; url: string; httpStatus: string }) => (d: unknown) => string;
  return compile({ schema, method: 'GET', url, httpStatus: '200' });
}

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function analyze(database: Database): Promise<void> {
  // Nothing runs autovacuum's ANALYZE inside PGlite, and a fresh PostgreSQL table waits up to a
  // minute for it: gather statistics now so both start from real plans. ANALYZE needs the owner.
  await database.runAsOwner('ANALYZE');
}

async function explainPeople(database: Database, data: Dataset): Promise<void> {
  const q = sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
    SELECT pe.id, o.name FROM people pe JOIN org_units o ON o.id = pe.org_unit_id
    WHERE pe.county_id = ${data.countyId} AND pe.org_path LIKE ${`${data.city.path}%`}
    ORDER BY o.path, pe.name, pe.id LIMIT 100`;
  const res = (await database.db.execute(q)) as unknown as { rows: Record<string, string>[] };
  console.log(`  EXPLAIN people page 1 (${database.kind}):`);
  for (const r of res.rows) console.log(`    ${Object.values(r)[0]}`);
}

async function runCombination(kind: 'pglite' | 'postgres', scaleName: ScaleName, args: Args) {
  const spec = scales[scaleName];
  const database = kind === 'pglite' ? await openDatabase({ kind: 'pglite' }) : await openTestDatabase();
  const app = await buildApp({ database, secretKey: Buffer.alloc(32, 7), secure: true });
  await app.ready();
  const db = database.db;
  try {
    const tLoad = performance.now();
    const data = await loadDataset(app.services, spec);
    await analyze(database);
    const loadS = (performance.now() - tLoad) / 1000;
    const size = (await db.execute(sql`SELECT pg_database_size(current_database())::bigint AS b`)) as unknown as { rows: { b: string | number }[] };
    const dbMb = Number(size.rows[0]?.b ?? 0) / 1024 / 1024;
    console.log(
      `\n## ${scaleName} on ${kind}: ${data.towns.length} towns, ${data.villages} villages, ${data.people} people, ${data.positions} positions` +
        ` (loaded in ${loadS.toFixed(1)} s: org units ${(data.loadMs.orgUnits / 1000).toFixed(1)} s, people ${(data.loadMs.people / 1000).toFixed(1)} s,` +
        ` positions ${(data.loadMs.positions / 1000).toFixed(1)} s; database ${dbMb.toFixed(0)} MB)`,
    );
    if (args.explain) await explainPeople(database, data);

    const cityS = await sessionOf(app, data.users.cityAdmin);
    const townS = await sessionOf(app, data.users.townAdmin);
    const town = data.towns[0];
    if (!town) throw new Error('no town');
    const cityScope = [data.city.path];
    const townScope = [town.path];
    const today = chinaDate(new Date());
    const opts = { budgetMs: args.budgetMs, minN: 10, maxN: 400 };
    const rows: Row[] = [];

    const listCase = async (
      name: string,
      as: 'city' | 'town',
      url: string,
      schema: z.ZodType,
      raw: () => Promise<{ items: unknown[]; total: number }>,
      minN = opts.minN,
    ) => {
      const s = as === 'city' ? cityS : townS;
      const sample = await get(app, s, url);
      const body = sample.json() as { items: { id: string }[]; total: number | null };
      const check = await raw();
      // Org-unit and people pages leave total null when it was not counted (openPageOf).
      if ((body.total !== null && check.total !== body.total) || check.items.length !== body.items.length) {
        console.warn(`  ! ${name}: raw SQL gives ${check.items.length}/${check.total}, endpoint ${body.items.length}/${body.total}`);
      }
      const serialize = serializerOf(schema, url);
      const result = await timePaired(() => get(app, s, url), raw, { ...opts, minN });
      rows.push({ name, as, rows: `${body.items.length}/${body.total ?? '?'}`, kb: sample.rawPayload.length / 1024, result, serialize: timeSync(() => serialize(body), args.budgetMs / 5) });
      process.stdout.write('.');
    };

    const orgPage = openPageOf(orgUnitSchema);
    const peoplePage = openPageOf(personSchema);
    // The guard alone: session + roles lookups and Fastify, with a tiny response.
    {
      const sample = await get(app, cityS, '/api/auth/me');
      const serialize = serializerOf(meSchema, '/api/auth/me');
      const body = sample.json();
      const result = await timePaired(() => get(app, cityS, '/api/auth/me'), () => rawAuthenticate(db, cityS.sessionId), opts);
      rows.push({ name: 'GET /api/auth/me (guard only)', as: 'city', rows: '—', kb: sample.rawPayload.length / 1024, result, serialize: timeSync(() => serialize(body), 200) });
    }
    await listCase('GET /api/org-units?level=village&page=1&pageSize=100', 'city', '/api/org-units?level=village&page=1&pageSize=100', orgPage, () =>
      rawOrgList(db, data.countyId, cityScope, { level: 'village', page: 1, pageSize: 100 }),
    );
    if (data.villages > 49 * 100) {
      await listCase('GET /api/org-units?level=village&page=50&pageSize=100', 'city', '/api/org-units?level=village&page=50&pageSize=100', orgPage, () =>
        rawOrgList(db, data.countyId, cityScope, { level: 'village', page: 50, pageSize: 100 }),
      );
    }
    await listCase(`GET /api/org-units?q=${nameFragment}`, 'city', `/api/org-units?q=${encodeURIComponent(nameFragment)}`, orgPage, () =>
      rawOrgList(db, data.countyId, cityScope, { q: nameFragment, page: 1, pageSize: 20 }),
    );
    {
      const url = '/api/org-units/tree';
      const sample = await get(app, cityS, url);
      const body = sample.json() as unknown[];
      const serialize = serializerOf(z.array(orgTreeNodeSchema), url);
      const result = await timePaired(() => get(app, cityS, url), () => rawOrgTreeRows(db, data.countyId, cityScope), { ...opts, minN: 5 });
      rows.push({ name: `GET ${url}`, as: 'city', rows: `${data.villages + data.towns.length + 1} units`, kb: sample.rawPayload.length / 1024, result, serialize: timeSync(() => serialize(body), args.budgetMs / 2, 30) });
      process.stdout.write('.');
    }
    await listCase('GET /api/people?page=1&pageSize=100', 'city', '/api/people?page=1&pageSize=100', peoplePage, () =>
      rawPeopleList(db, data.countyId, cityScope, { today, page: 1, pageSize: 100 }),
    );
    await listCase(`GET /api/people?orgUnitId=<town>&title=书记`, 'city', `/api/people?orgUnitId=${town.id}&title=${encodeURIComponent('书记')}`, peoplePage, () =>
      rawPeopleList(db, data.countyId, cityScope, { underOrgUnitId: town.id, title: '书记', today, page: 1, pageSize: 20 }),
    );
    await listCase('GET /api/org-units?level=village&page=1&pageSize=100', 'town', '/api/org-units?level=village&page=1&pageSize=100', orgPage, () =>
      rawOrgList(db, data.countyId, townScope, { level: 'village', page: 1, pageSize: 100 }),
    );
    await listCase('GET /api/people?page=1&pageSize=100', 'town', '/api/people?page=1&pageSize=100', peoplePage, () =>
      rawPeopleList(db, data.countyId, townScope, { today, page: 1, pageSize: 100 }),
    );
    {
      // Login = argon2id verify + throttle, session, audit rows; raw = the argon2id verify alone.
      const result = await timePaired(() => login(app, data.users.cityAdmin), () => verifyPassword(data.passwordHash, benchPassword), {
        budgetMs: args.budgetMs,
        minN: 10,
        maxN: 60,
      });
      rows.push({ name: 'POST /api/auth/login (raw: argon2id verify)', as: 'city', rows: '—', kb: 0, result, serialize: null });
    }
    console.log(` load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    printTable(rows);
    if (args.whatIf) printWhatIfs(await runWhatIfs(database, data.countyId, data.city.path, args.budgetMs));
    const rss = process.resourceUsage().maxRSS;
    console.log(`peak RSS so far: ${mb(rss)} (PGlite's database lives inside this process; PostgreSQL's does not)`);
    return { kind, scale: scaleName, rows, data: { villages: data.villages, people: data.people }, loadS, dbMb };
  } finally {
    await app.close();
    await database.close();
  }
}

function printTable(rows: Row[]): void {
  const header = ['case', 'as', 'items/total', 'JSON KB', 'endpoint med', 'p95', 'CPU med', 'raw SQL med', 'p95', 'ratio', 'zod+JSON med', 'N'];
  const lines = rows.map((r) => [
    r.name,
    r.as,
    r.rows,
    r.kb ? r.kb.toFixed(1) : '—',
    ms(r.result.a.median),
    ms(r.result.a.p95),
    ms(r.result.aCpu.median),
    ms(r.result.b?.median),
    ms(r.result.b?.p95),
    r.result.ratio === null ? '—' : `${r.result.ratio.toFixed(1)}×`,
    r.serialize ? ms(r.serialize.median) : '—',
    String(r.result.a.n),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log('times in ms (wall); CPU = this process, all threads, per endpoint call (PGlite runs inside it, PostgreSQL does not);');
  console.log('ratio = median over rounds of endpoint ÷ raw SQL, the two timed alternately; zod+JSON = the route\'s response serializer alone');
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

function printWhatIfs(list: WhatIf[]): void {
  console.log('what if (raw SQL, times in ms; the two indexes exist only in this throwaway database):');
  for (const w of list) {
    const r = w.result;
    console.log(`  ${w.name}: ${w.today} ${ms(r.a.median)} (p95 ${ms(r.a.p95)}) → ${w.changed} ${ms(r.b?.median)} (p95 ${ms(r.b?.p95)}); ${r.ratio?.toFixed(1)}×, N ${r.a.n}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  console.log(`API at scale: scales ${args.scales.join(', ')}; databases ${args.dbs.join(', ')}; ~${args.budgetMs} ms per case`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const scale of args.scales) {
    for (const kind of args.dbs) await runCombination(kind, scale, args);
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(0)} s; peak RSS ${mb(process.resourceUsage().maxRSS)}`);
}

await main();
