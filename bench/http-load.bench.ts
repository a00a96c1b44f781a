// HTTP load on the compiled server, as production runs it (`node dist/node/server/main.js`), next
// to a bare Fastify + database reference (bench/http-reference.ts) on the same data: for each row,
// the same data read by hand-written SQL (one indexed row for the single-row read and auth/me,
// the page's statements for the lists and the notice). autocannon
// drives each row with 50 connections, the reference and fivestar alternating round by round, and
// the table gives req/s, p50, p99 and fivestar's req/s as a share of the reference's, medians over
// the rounds. The load generator runs in this process, on the same machine: the figures are a
// lower bound of what the server does alone, and the ratios are what to compare.
//
//   npx tsx bench/http-load.bench.ts                       # PGlite; also PostgreSQL when DATABASE_URL is set
//   npx tsx bench/http-load.bench.ts --db postgres --seconds 10 --rounds 3
//   flags: --db pglite|postgres|both  --seconds N (per row and target, default 5)  --rounds N (default 2)
//          --connections N (default 50)  --scale county|all (default all)  --no-build
//          --only TEXT (rows whose name contains it)  --profile DIR (the server runs with --cpu-prof into DIR)
//          --port N (default 4310: the server on N, the reference on N + 1)
//
// DATABASE_URL: a server where this may create and drop a database (scripts/pg-throwaway.sh).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { benchPassword, type ScaleName } from './api-data.js';
import { seedTenants, type SeededTenant } from './http-load-data.js';
import { clusterCpuSeconds, postmasterPid, processCpuSeconds } from './cpu-usage.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    scale: { type: 'string', default: 'all' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'string' },
    port: { type: 'string', default: '4310' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
if (!(seconds > 0) || !(rounds > 0) || !(connections > 0)) throw new Error('--seconds, --rounds and --connections must be positive');
const hasPg = Boolean(process.env.DATABASE_URL);
const dbChoice = values.db ?? (hasPg ? 'both' : 'pglite');
if (!['pglite', 'postgres', 'both'].includes(dbChoice)) throw new Error('--db must be pglite, postgres or both');
if (dbChoice !== 'pglite' && !hasPg) throw new Error('--db postgres needs DATABASE_URL (scripts/pg-throwaway.sh start)');
const kinds = dbChoice === 'both' ? (['pglite', 'postgres'] as const) : ([dbChoice] as ('pglite' | 'postgres')[]);
const scalesWanted: ScaleName[] = values.scale === 'county' ? ['county'] : ['county', 'province'];

const root = path.resolve(import.meta.dirname, '..');
const secret = randomBytes(32);
// Another run on the same machine takes other ports (--port N: the server on N, the reference on N + 1).
const serverPort = Number(values.port);
const refPort = serverPort + 1;

function build(): void {
  if (values['no-build']) return;
  // The server bundle only; the UI is built once (npm run build) and not measured here.
  const r = spawnSync('npm', ['run', existsSync(path.join(root, 'dist/web')) ? 'build:server' : 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

type Target = { db: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string } };

async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL as string;
  const name = `fivestar_http_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Seeds the database in this process, then closes it so the server and the reference can open it. */
async function seed(target: Target): Promise<SeededTenant[]> {
  const database =
    target.db.kind === 'pglite' ? await openDatabase({ kind: 'pglite', dataDir: path.join(target.db.dir, 'pglite') }) : await openDatabase({ kind: 'postgres', url: target.db.url });
  const app = await buildApp({ database, secretKey: secret, secure: false });
  await app.ready();
  try {
    const t0 = performance.now();
    const tenants = await seedTenants(app, scalesWanted);
    await database.runAsOwner('ANALYZE');
    console.log(`  seeded ${tenants.map((t) => `${t.scale} ${t.data.villages} villages`).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return tenants;
  } finally {
    await app.close();
    await database.close();
  }
}

function startProcess(name: string, cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (b: Buffer) => process.stderr.write(`[${name}] ${b}`));
  return child;
}

/** A server already answering on the port (another run) would be measured instead of ours. */
async function assertPortFree(port: number): Promise<void> {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is taken (another benchmark?): choose others with --port`);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function loginOver(base: string, username: string): Promise<{ cookie: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: benchPassword }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie };
}

// CPU per request (µs) of the process answering and of the PostgreSQL cluster, from /proc: what
// a request costs, whatever else the machine was doing (req/s on a shared machine is not).
type Run = { reqs: number; p50: number; p99: number; errors: number; cpuUs: number; dbUs: number | null };
type Meter = { pid: number; postmaster: number | null };

/** Each request from its own address (through the trusted proxy header), numbered from `start`. */
function forwardedFrom(start: number) {
  let n = start;
  return (req: autocannon.Request) => {
    n++;
    return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
  };
}

async function load(url: string, headers: Record<string, string>, perRequestAddress: boolean, meter: Meter): Promise<Run> {
  const cpu0 = processCpuSeconds(meter.pid) ?? 0;
  const db0 = meter.postmaster ? clusterCpuSeconds(meter.postmaster) : 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds / rounds,
    headers,
    // The public notice is limited per client address (60 a minute): each request comes from its
    // own address through the trusted proxy header, so the figure is the page, not the refusal.
    ...(perRequestAddress ? { requests: [{ setupRequest: forwardedFrom(1 << 20) }] } : {}),
  });
  const total = Math.max(1, result.requests.total);
  const cpuUs = (((processCpuSeconds(meter.pid) ?? 0) - cpu0) * 1e6) / total;
  const dbUs = meter.postmaster ? ((clusterCpuSeconds(meter.postmaster) - db0) * 1e6) / total : null;
  return { reqs: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts, cpuUs, dbUs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

type Row = { name: string; ref: Run; app: Run; ratio: number };

type Meters = { app: Meter; ref: Meter };
let meters: Meters;

async function measure(name: string, appUrl: string, headers: Record<string, string>, refUrl: string, publicAddress = false): Promise<Row | null> {
  if (values.only && !name.includes(values.only)) return null;
  const probe = await fetch(appUrl, { headers });
  if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${(await probe.text()).slice(0, 300)}`);
  // Warm-up, not measured: the first requests of a route compile its code paths (and a server
  // just started loads modules lazily), which would otherwise land on the first row measured.
  await autocannon({ url: appUrl, connections: 10, duration: 1, headers, ...(publicAddress ? { requests: [{ setupRequest: forwardedFrom(0) }] } : {}) });
  await autocannon({ url: refUrl, connections: 10, duration: 1 });
  const refs: Run[] = [];
  const apps: Run[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ref = await load(refUrl, {}, false, meters.ref);
    const app = await load(appUrl, headers, publicAddress, meters.app);
    refs.push(ref);
    apps.push(app);
    ratios.push(app.reqs / ref.reqs);
  }
  const med = (runs: Run[]): Run => ({
    reqs: median(runs.map((x) => x.reqs)),
    p50: median(runs.map((x) => x.p50)),
    p99: median(runs.map((x) => x.p99)),
    errors: runs.reduce((a, x) => a + x.errors, 0),
    cpuUs: median(runs.map((x) => x.cpuUs)),
    dbUs: runs.every((x) => x.dbUs !== null) ? median(runs.map((x) => x.dbUs as number)) : null,
  });
  process.stdout.write('.');
  return { name, ref: med(refs), app: med(apps), ratio: median(ratios) };
}

async function runTarget(kind: 'pglite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fivestar-http-'));
  const pgDb = kind === 'postgres' ? await createPgDatabase() : null;
  const target: Target = { db: kind === 'pglite' ? { kind, dir } : { kind, url: pgDb?.url as string } };
  const children: ChildProcess[] = [];
  try {
    console.log(`\n## ${kind}`);
    const tenants = await seed(target);
    // The reference opens the same data: the PostgreSQL database, or a copy of PGlite's files
    // (PGlite is one process's database).
    let refEnv: Record<string, string>;
    if (target.db.kind === 'pglite') {
      cpSync(path.join(dir, 'pglite'), path.join(dir, 'ref'), { recursive: true });
      refEnv = { PGLITE_DIR: path.join(dir, 'ref'), DATABASE_URL: '' };
    } else {
      refEnv = { DATABASE_URL: target.db.url };
    }
    const serverEnv = {
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      FIVESTAR_MODE: 'demo',
      FIVESTAR_SECRET: secret.toString('hex'),
      DATA_DIR: dir,
      DATABASE_URL: target.db.kind === 'postgres' ? target.db.url : '',
      TRUST_PROXY: '1',
    };
    // A CPU profile of the server alone, written when it stops (node --cpu-prof).
    await assertPortFree(serverPort);
    await assertPortFree(refPort);
    const profileArgs = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)] : [];
    const server = startProcess('server', process.execPath, [...profileArgs, path.join(root, 'dist/node/server/main.js')], serverEnv);
    children.push(server);
    const ref = startProcess('reference', process.execPath, ['--import', 'tsx', path.join(root, 'bench/http-reference.ts')], { ...refEnv, REF_PORT: String(refPort) });
    children.push(ref);
    const postmaster = kind === 'postgres' && process.env.PG_THROWAWAY_DIR ? postmasterPid(path.join(process.env.PG_THROWAWAY_DIR, 'data')) : null;
    meters = { app: { pid: server.pid as number, postmaster }, ref: { pid: ref.pid as number, postmaster } };
    const base = `http://127.0.0.1:${serverPort}`;
    await waitFor(`${base}/api/health`, server);
    await waitFor(`http://127.0.0.1:${refPort}/ref/org-units/00000000-0000-4000-8000-000000000000`, ref);

    const measured: (Row | null)[] = [];
    for (const t of tenants) {
      const { cookie } = await loginOver(base, t.data.users.cityAdmin);
      const h = { cookie };
      const ref = `http://127.0.0.1:${refPort}/ref`;
      const refUnit = `${ref}/org-units/${t.sampleVillageId}`;
      const county = t.data.countyId;
      const v = t.data.villages;
      const c = t.campaignId;
      if (t.scale === 'county') {
        measured.push(await measure('GET /api/org-units/:id (orgadmin)', `${base}/api/org-units/${t.sampleVillageId}`, h, `${ref}/org-units/${county}/${t.sampleVillageId}`));
        measured.push(await measure('GET /api/auth/me', `${base}/api/auth/me`, h, refUnit));
        measured.push(await measure(`GET /api/public/campaigns/:id/notice (${v} villages)`, `${base}/api/public/campaigns/${c}/notice`, {}, `${ref}/notice/${county}/${c}`, true));
        measured.push(await measure(`GET /api/campaigns/:id/results (${v} villages, whole list)`, `${base}/api/campaigns/${c}/results`, h, `${ref}/results/${county}/${c}?limit=1000000`));
      }
      measured.push(await measure(`GET /api/org-units?level=village page 1 of 20 (${v} villages)`, `${base}/api/org-units?level=village&page=1&pageSize=20`, h, `${ref}/villages/${county}?limit=20`));
      // The ranking table's pages ask without the towns (towns=false); the figures above it read
      // them once, and that page with the towns is measured at the province, where they weigh.
      measured.push(
        await measure(`GET /api/campaigns/:id/results page 1 of 50 (${v} villages)`, `${base}/api/campaigns/${c}/results?page=1&pageSize=50&towns=false`, h, `${ref}/results/${county}/${c}?limit=50&towns=0`),
      );
      measured.push(
        await measure(
          `GET /api/campaigns/:id/results one town's ranking (${v} villages)`,
          `${base}/api/campaigns/${c}/results?town=${t.sampleTownId}&page=1&pageSize=50&towns=false`,
          h,
          `${ref}/results/${county}/${c}?limit=50&town=${t.sampleTownId}&towns=0`,
        ),
      );
      if (t.scale === 'province') {
        measured.push(await measure(`GET /api/campaigns/:id/results page 1 of 50 with the towns (${v} villages)`, `${base}/api/campaigns/${c}/results?page=1&pageSize=50`, h, `${ref}/results/${county}/${c}?limit=50`));
      }
    }
    console.log(` load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    printTable(kind, measured.filter((r): r is Row => r !== null));
  } finally {
    for (const child of children) await stop(child);
    if (pgDb) await pgDb.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(kind: string, rows: Row[]): void {
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  console.log(`\n${kind}: ${connections} connections, ${rounds} × ${seconds / rounds} s per row and target, medians over the rounds; ratio = fivestar req/s ÷ reference req/s`);
  console.log('CPU µs/req: the answering process (fivestar / reference) and the PostgreSQL cluster (fivestar / reference), per request served');
  console.log('| endpoint | req/s | p50 ms | p99 ms | reference req/s | ref p99 ms | ratio | server CPU µs/req | db CPU µs/req | non-2xx/errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const us = (run: Run) => run.cpuUs.toFixed(0);
  const db = (run: Run) => (run.dbUs === null ? '–' : run.dbUs.toFixed(0));
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.app.reqs.toFixed(0)} | ${f(r.app.p50)} | ${f(r.app.p99)} | ${r.ref.reqs.toFixed(0)} | ${f(r.ref.p99)} | ${(r.ratio * 100).toFixed(0)}% | ${us(r.app)} / ${us(r.ref)} | ${db(r.app)} / ${db(r.ref)} | ${r.app.errors} |`);
  }
}

async function main(): Promise<void> {
  const cpu = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model ?? '?';
  console.log(`HTTP load: ${kinds.join(', ')}; ${connections} connections; ${seconds} s per row and target in ${rounds} rounds`);
  console.log(`machine: ${cpus().length} CPUs (${cpu}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  build();
  for (const kind of kinds) await runTarget(kind);
}

await main();
