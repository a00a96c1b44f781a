import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { rateCampaign } from '../server/features/standards/engine/rating-engine.js';
import { openTestDatabase } from '../test/test-database.js';
import { statsOf } from './api-timing.js';
import { pollHealth } from './health-poller.js';
import { seedProvinceCompute, type ComputeTenant } from './province-compute-data.js';
import { rawComputeInputs } from './province-compute-raw.js';

// Province compute: 生成定星建议 for a generated province campaign (default 10,000 villages in 200
// towns, 60 indicators × 3 stages, surveys, figures, violations), end to end through the HTTP
// route, against hand-written SQL reading the same inputs plus the engine's own CPU time on them;
// then the same compute as a background job with /api/health polled over real HTTP meanwhile.
// PGlite runs on a data directory in the system's temp dir, as the server runs it (server/start.ts):
// in memory, PGlite's file system copies a whole table file each time it grows by an eighth
// (Emscripten's MEMFS), stalls of up to 0.1 s at this size that a server on disk does not have.
//   npx tsx bench/province-compute.bench.ts [--db pglite|postgres|both] [--villages N] [--rounds N]

type Args = { dbs: ('pglite' | 'postgres')[]; villages: number; rounds: number };

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const hasPg = Boolean(process.env.DATABASE_URL);
  const db = value('--db') ?? (hasPg ? 'both' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error('--db must be pglite, postgres or both');
  if (db !== 'pglite' && !hasPg) throw new Error('--db postgres needs DATABASE_URL (see scripts/pg-throwaway.sh)');
  const villages = Number(value('--villages') ?? 10_000);
  const rounds = Number(value('--rounds') ?? 3);
  if (!Number.isInteger(villages) || villages < 50) throw new Error('--villages must be an integer ≥ 50');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
  return { dbs: db === 'both' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'], villages, rounds };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function post(app: FastifyInstance, t: ComputeTenant, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, headers: { cookie: t.cookie, 'x-csrf-token': t.csrf, ...headers } });
}

/** One synchronous compute through the route: wall time. */
async function computeOnce(app: FastifyInstance, t: ComputeTenant): Promise<number> {
  const t0 = performance.now();
  const res = await post(app, t, `/api/campaigns/${t.campaignId}/results/compute`);
  if (res.statusCode !== 200) throw new Error(`compute: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return performance.now() - t0;
}

/** Raw SQL reads (wall) and the engine on them (CPU of this thread: the rating alone). */
async function rawOnce(db: Database['db'], t: ComputeTenant): Promise<{ sqlMs: number; engineCpuMs: number; engineWallMs: number }> {
  const t0 = performance.now();
  const { standard, input } = await rawComputeInputs(db, t.data.countyId, t.campaignId);
  const sqlMs = performance.now() - t0;
  const c0 = process.cpuUsage();
  const t1 = performance.now();
  const result = rateCampaign(standard, input);
  const engineWallMs = performance.now() - t1;
  const c = process.cpuUsage(c0);
  if (result.villages.length !== input.villages.length) throw new Error('engine result size');
  return { sqlMs, engineCpuMs: (c.user + c.system) / 1000, engineWallMs };
}

async function healthDuring(port: number, work: () => Promise<unknown>) {
  const poll = pollHealth(port, 10);
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  const { times, failures } = await poll.stop();
  const st = statsOf(times);
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN;
  return { wall, n: st.n, p50: st.median, p99, max: sorted[sorted.length - 1] ?? NaN, failures };
}

/** Starts the compute as a job and polls it until it is done or failed. */
async function computeAsJob(app: FastifyInstance, t: ComputeTenant): Promise<{ status: string; polls: number }> {
  const res = await post(app, t, `/api/campaigns/${t.campaignId}/results/compute`, { prefer: 'respond-async' });
  if (res.statusCode !== 202) throw new Error(`compute job: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const id = res.json().id as string;
  let polls = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    polls++;
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie: t.cookie } })).json();
    if (job.status === 'done' || job.status === 'failed') return { status: job.status === 'failed' ? `failed ${job.errorCode}` : 'done', polls };
  }
}

async function runOn(kind: 'pglite' | 'postgres', args: Args): Promise<void> {
  console.log(`\n== ${kind}, ${args.villages} villages`);
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'fivestar-bench-pglite-')) : null;
  const database = dataDir ? await openDatabase({ kind: 'pglite', dataDir }) : await openTestDatabase();
  const app = await buildApp({ database, secretKey: Buffer.alloc(32, 7), secure: true });
  try {
    const t0 = performance.now();
    const tenant = await seedProvinceCompute(app, args.villages);
    await database.runAsOwner('ANALYZE');
    console.log(`seeded in ${s(performance.now() - t0)}: ${JSON.stringify(tenant.rows)}`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    // Warm-up: one of each (JIT, plans, first results written). The first compute writes every
    // result row, kept input and seal; the recomputations below find most rows unchanged and write
    // few, so health is reported for both.
    const first = await healthDuring(port, () => computeOnce(app, tenant));
    console.log(`health during the first compute (${s(first.wall)}, every row written): ${first.n} polls, p50 ${ms(first.p50)}, p99 ${ms(first.p99)}, max ${ms(first.max)}, failures ${first.failures}`);
    await rawOnce(database.db, tenant);
    const e2e: number[] = [];
    const raw: number[] = [];
    const engine: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < args.rounds; r++) {
      const pair = r % 2 ? [() => rawOnce(database.db, tenant), () => computeOnce(app, tenant)] : [() => computeOnce(app, tenant), () => rawOnce(database.db, tenant)];
      const out: Record<string, unknown> = {};
      for (const f of pair) {
        const v = await f();
        if (typeof v === 'number') out.e2e = v;
        else out.raw = v;
      }
      const rr = out.raw as Awaited<ReturnType<typeof rawOnce>>;
      e2e.push(out.e2e as number);
      raw.push(rr.sqlMs);
      engine.push(rr.engineCpuMs);
      ratios.push((out.e2e as number) / (rr.sqlMs + rr.engineCpuMs));
      console.log(`  round ${r + 1}: end to end ${s(out.e2e as number)}; raw SQL ${s(rr.sqlMs)} + engine CPU ${s(rr.engineCpuMs)} (wall ${s(rr.engineWallMs)}); load ${loadavg()[0]?.toFixed(1)}`);
    }
    const med = (x: number[]) => statsOf(x).median;
    console.log(`medians: end to end ${s(med(e2e))}; raw SQL ${s(med(raw))}; engine CPU ${s(med(engine))}; ratio end to end ÷ (raw SQL + engine) ${med(ratios).toFixed(2)}×`);

    const sync = await healthDuring(port, () => computeOnce(app, tenant));
    console.log(`health during the synchronous compute (${s(sync.wall)}): ${sync.n} polls, p50 ${ms(sync.p50)}, p99 ${ms(sync.p99)}, max ${ms(sync.max)}, failures ${sync.failures}`);
    let job = { status: '', polls: 0 };
    const background = await healthDuring(port, async () => (job = await computeAsJob(app, tenant)));
    console.log(`health during the compute job (${s(background.wall)}, ${job.status}): ${background.n} polls, p50 ${ms(background.p50)}, p99 ${ms(background.p99)}, max ${ms(background.max)}, failures ${background.failures}`);
    const idle = await healthDuring(port, () => new Promise((r) => setTimeout(r, 2000)));
    console.log(`health idle (2 s): p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)}`);
  } finally {
    await app.close();
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`Province compute: ${args.villages} villages; databases ${args.dbs.join(', ')}; ${args.rounds} rounds`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const kind of args.dbs) await runOn(kind, args);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
