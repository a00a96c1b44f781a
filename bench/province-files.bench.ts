import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { writeTable } from '../server/spreadsheets/xlsx-table.js';
import { orgSheet } from '../server/features/orgs/orgs.sheet.js';
import { peopleSheet } from '../server/features/people/people.sheet.js';
import { selectAllOrgUnits } from '../server/features/orgs/orgs.queries.js';
import { openTestDatabase } from '../test/test-database.js';
import { statsOf } from './api-timing.js';
import { pollHealth } from './health-poller.js';
import { seedProvinceCompute, type ComputeTenant } from './province-compute-data.js';

// Province files: the exports and imports whose size grows with the number of villages, on a
// generated province (default 10,000 villages in 200 towns, the province compute's campaign with
// its results computed once). Each is timed through its route, first as the synchronous answer,
// then (where the route offers it) as a job (`Prefer: respond-async`, polled to the end and the
// file fetched), with /api/health polled over real HTTP from a worker thread meanwhile and the
// server thread's longest event-loop block taken from perf_hooks.monitorEventLoopDelay.
//   npx tsx bench/province-files.bench.ts [--db pglite|postgres|both] [--villages N] [--rounds N] [--only name,name]

type Args = { dbs: ('pglite' | 'postgres')[]; villages: number; rounds: number; only: string[] | null };

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
  const only = value('--only')?.split(',') ?? null;
  return { dbs: db === 'both' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'], villages, rounds, only };
}

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** One route call: the request, what it answered with, and for an import the body to send. */
type Case = {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  /** Imports: a fresh file per call (each call inserts, so the same rows would be refused). */
  body?: (round: number) => Promise<Buffer>;
  /** Imports insert rows: one round only. */
  once?: boolean;
};

async function call(app: FastifyInstance, t: ComputeTenant, c: Case, round: number, prefer?: string) {
  const payload = c.body ? await c.body(round) : undefined;
  const headers: Record<string, string> = { cookie: t.cookie, ...(c.method === 'POST' ? { 'x-csrf-token': t.csrf } : {}), ...(payload ? { 'content-type': xlsx } : {}), ...(prefer ? { prefer } : {}) };
  return app.inject({ method: c.method, url: c.url, headers, ...(payload ? { payload } : {}) });
}

/** Polls the job until it ends and fetches its file when it has one; the job's own answer. */
async function runAsJob(app: FastifyInstance, t: ComputeTenant, c: Case, round: number): Promise<{ status: string; bytes: number } | null> {
  const res = await call(app, t, c, round, 'respond-async');
  if (res.statusCode !== 202) return null;
  const id = res.json().id as string;
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { cookie: t.cookie } })).json();
    if (job.status === 'failed') return { status: `failed ${job.error?.code}`, bytes: 0 };
    if (job.status !== 'done') continue;
    const file = job.result?.file as { url: string } | undefined;
    if (!file) return { status: 'done', bytes: 0 };
    const got = await app.inject({ method: 'GET', url: file.url, headers: { cookie: t.cookie } });
    if (got.statusCode !== 200) throw new Error(`${c.name} job file: ${got.statusCode} ${got.body.slice(0, 200)}`);
    return { status: 'done', bytes: got.rawPayload.length };
  }
}

type Sample = { wall: number; block: number; p50: number; p99: number; max: number; bytes: number; failures: number };

/** Runs `work` with /api/health polled every 10 ms and the event loop watched. */
async function watched(port: number, work: () => Promise<number>): Promise<Sample> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const poll = pollHealth(port, 10);
  loop.enable();
  const t0 = performance.now();
  const bytes = await work();
  const wall = performance.now() - t0;
  loop.disable();
  const { times, failures } = await poll.stop();
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN;
  return { wall, block: loop.max / 1e6, p50: statsOf(times).median, p99, max: sorted.at(-1) ?? NaN, bytes, failures };
}

function line(label: string, samples: Sample[]) {
  const med = (f: (s: Sample) => number) => statsOf(samples.map(f)).median;
  const worst = (f: (s: Sample) => number) => Math.max(...samples.map(f));
  return `${label}: time ${ms(med((s) => s.wall))} (median of ${samples.length}), longest block ${ms(worst((s) => s.block))}, health p50 ${ms(med((s) => s.p50))} p99 ${ms(worst((s) => s.p99))} max ${ms(worst((s) => s.max))}, ${(samples[0]!.bytes / 1024).toFixed(0)} KB, health failures ${samples.reduce((n, s) => n + s.failures, 0)}`;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid resident ID, different for every (round, n). */
function idNumber(round: number, n: number): string {
  const body = `${320100 + round}${1960 + (n % 40)}0101${String(n % 1000).padStart(3, '0')}`;
  // Day and month vary with n / 1000 so the 17 digits stay unique for up to 28,000 rows.
  const day = String(1 + (Math.floor(n / 1000) % 28)).padStart(2, '0');
  const b = `${body.slice(0, 12)}${day}${body.slice(14)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(b[i]) * (idWeights[i] ?? 0);
  return `${b}${'10X98765432'[sum % 11]}`;
}

async function cases(app: FastifyInstance, t: ComputeTenant): Promise<Case[]> {
  const { db } = app.services;
  const units = await selectAllOrgUnits(db, t.data.countyId, ['/']);
  const villages = units.filter((u) => u.level === 'village');
  const towns = units.filter((u) => u.level === 'town');
  const c = t.campaignId;
  return [
    { name: 'rankings.xlsx', method: 'GET', url: `/api/campaigns/${c}/exports/rankings.xlsx` },
    { name: 'town-stars.xlsx', method: 'GET', url: `/api/campaigns/${c}/exports/town-stars.xlsx` },
    { name: 'org export', method: 'GET', url: '/api/org-units/export.xlsx' },
    { name: 'people export', method: 'GET', url: '/api/people/export.xlsx' },
    { name: 'score grid (city) .xlsx', method: 'GET', url: `/api/campaigns/${c}/grid/city/sheet.xlsx` },
    {
      name: 'org import',
      method: 'POST',
      url: '/api/org-units/import',
      once: true,
      // As many new villages as the province has, spread over its towns.
      body: (round) =>
        writeTable(
          orgSheet,
          villages.map((_, i) => {
            const town = towns[i % towns.length]!;
            return { parentCode: town.code, kind: '行政村', name: `新${i}村`, code: `N${round}-${i}`, partyOrgType: '党支部', partyOrgName: `新${i}村党支部`, sortOrder: 1 };
          }),
        ),
    },
    {
      name: 'people import',
      method: 'POST',
      url: '/api/people/import',
      once: true,
      // One new cadre per village with an ID number (the uniqueness check hashes each one).
      body: (round) =>
        writeTable(
          peopleSheet,
          villages.map((v, i) => ({ name: `导入${i}`, gender: i % 2 ? '男' : '女', birthYear: 1970 + (i % 30), idNumber: idNumber(round, i), phone: '', partyMember: '是', orgCode: v.code, titles: '两委委员', startDate: '2026-01-01' })),
        ),
    },
  ];
}

async function runOn(kind: 'pglite' | 'postgres', args: Args): Promise<void> {
  console.log(`\n== ${kind}, ${args.villages} villages`);
  const database = kind === 'pglite' ? await openDatabase({ kind: 'pglite' }) : await openTestDatabase();
  const app = await buildApp({ database, secretKey: Buffer.alloc(32, 7), secure: true });
  try {
    const t0 = performance.now();
    const tenant = await seedProvinceCompute(app, args.villages);
    const computed = await app.inject({ method: 'POST', url: `/api/campaigns/${tenant.campaignId}/results/compute`, headers: { cookie: tenant.cookie, 'x-csrf-token': tenant.csrf } });
    if (computed.statusCode !== 200) throw new Error(`compute: ${computed.statusCode} ${computed.body.slice(0, 300)}`);
    await database.runAsOwner('ANALYZE');
    console.log(`seeded and computed in ${ms(performance.now() - t0)}: ${JSON.stringify(tenant.rows)}`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const idle = await watched(port, () => new Promise((r) => setTimeout(() => r(0), 2000)));
    console.log(line('idle (2 s)', [idle]));

    for (const c of await cases(app, tenant)) {
      if (args.only && !args.only.includes(c.name)) continue;
      const rounds = c.once ? 1 : args.rounds;
      // Warm-up (exports only: an import inserts).
      if (!c.once) await call(app, tenant, c, 0);
      const sync: Sample[] = [];
      const job: Sample[] = [];
      let jobStatus = '';
      for (let r = 0; r < rounds; r++) {
        sync.push(
          await watched(port, async () => {
            const res = await call(app, tenant, c, 2 * r + 1);
            if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
            return res.rawPayload.length;
          }),
        );
        let offered = true;
        const sample = await watched(port, async () => {
          const out = await runAsJob(app, tenant, c, 2 * r + 2);
          if (!out) offered = false;
          jobStatus = out?.status ?? '';
          return out?.bytes ?? 0;
        });
        if (offered) job.push(sample);
      }
      console.log(line(`${c.name} synchronous`, sync));
      console.log(job.length ? line(`${c.name} as a job (${jobStatus})`, job) : `${c.name}: no job offered`);
      console.log(`  load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    }
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`Province files: ${args.villages} villages; databases ${args.dbs.join(', ')}; ${args.rounds} rounds`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (const kind of args.dbs) await runOn(kind, args);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
