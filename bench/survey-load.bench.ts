// Load on the public survey submit: pre-issued household codes, each submitted once at a fixed
// arrival rate, then the database is checked: rows equal 2xx answers (0 lost), no code answered
// twice and no receipt twice (0 duplicates), and the 99th percentile latency.
//
//   npx tsx bench/survey-load.bench.ts --db postgres --rate 1000 --seconds 60   (needs DATABASE_URL)
//   npx tsx bench/survey-load.bench.ts --db pglite --rate 300 --seconds 60
//   ... --profile server.cpuprofile   (a CPU profile of the server during the load)
//   ... --client wrk [--threads 1] [--arrivals poisson|even]   (wrk instead of autocannon, paced by
//       bench/survey-load.wrk.lua: independent arrivals at the rate, or evenly spaced)
//
// The server runs in this process on a real port; the load generator drives it over HTTP from a
// child process, so its work is not on the server's event loop (both still share the machine's
// cores): autocannon (bench/survey-load.client.ts, Node) at a fixed arrival rate, or wrk (C) paced
// to the same rate by its Lua script. The per-address and per-code limits and the device flag are
// raised by config (one load generator is one address). The CPU seconds taken during the measured
// run by the server, the generator, PostgreSQL (the cluster under PG_THROWAWAY_DIR, when set) and
// the whole machine are printed with the figures.
import { fork, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { postmasterPid, startCpuWindow } from './cpu-usage.js';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { makeCity } from '../test/factories.js';
import { loginAs, makeClock, testSecret, type TestApp } from '../test/test-app.js';
import { campaignInMutualStage } from '../test/evaluation-stage-factories.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    pool: { type: 'string', default: '20' },
    profile: { type: 'string' },
    warmup: { type: 'string', default: '0' },
    client: { type: 'string', default: 'autocannon' },
    threads: { type: 'string', default: '1' },
    arrivals: { type: 'string', default: 'poisson' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const kind = values.db === 'pglite' ? 'pglite' : 'postgres';
const client = values.client === 'wrk' ? 'wrk' : 'autocannon';
const threads = Number(values.threads);
const arrivals = values.arrivals === 'even' ? 'even' : 'poisson';

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, drop: () => database.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--db postgres needs DATABASE_URL (see scripts/pg-throwaway.sh)');
  const name = `fivestar_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: Number(values.pool) });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const { database, drop } = await open();
  const clock = makeClock();
  const app = await buildApp({ database, secretKey: testSecret, secure: false, now: clock.now, surveyLimits: { perAddress: 1e9, perCode: 1e9, flagAfter: 1e9 } });
  await app.ready();
  const city = await makeCity(app.services);
  const t: TestApp = { app, database, clock, city, close: async () => undefined };
  const { campaignId } = await campaignInMutualStage(t, 2026);
  const team = await loginAs(app, 'town1');

  // Codes for every planned request and a margin, issued over HTTP as the team would (500 a card run).
  const needed = Math.ceil(rate * (seconds + warmup) * 1.1) + 200;
  const codes: string[] = [];
  const villages = city.villages.town2.map((v) => v.id);
  const issueStart = performance.now();
  for (let i = 0; codes.length < needed; i++) {
    const res = await team.post(`/api/campaigns/${campaignId}/villages/${villages[i % villages.length]}/survey-codes`, { count: Math.min(500, needed - codes.length) });
    if (res.statusCode !== 200) throw new Error(`issue: ${res.body}`);
    codes.push(...(res.json().codes as { code: string }[]).map((c) => c.code));
  }
  const issueMs = performance.now() - issueStart;
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const bodies = codes.map((code) => ({ path: `/api/public/surveys/${code}`, body: JSON.stringify({ submissionId: randomUUID(), satisfaction: 'satisfied', topics: { service: 'basically_satisfied' } }) }));
  const profiler = values.profile ? await startProfile() : null;
  const loadBefore = os.loadavg()[0]?.toFixed(2);
  // Warm-up (JIT, pool connections, TCP): its answers are checked below but not in the latency.
  const warm = warmup > 0 ? await runClient({ url: address, rate, seconds: warmup, connections, bodies: bodies.splice(0, Math.ceil(rate * warmup * 1.1) + 100) }) : null;
  const dataDir = process.env.PG_THROWAWAY_DIR;
  const cpuWindow = startCpuWindow(kind === 'postgres' && dataDir ? postmasterPid(path.join(dataDir, 'data')) : null);
  const result = await runClient({ url: address, rate, seconds, connections, bodies });
  const cpu = cpuWindow.stop();
  if (profiler && values.profile) await profiler.stop(values.profile);

  // Let requests still in flight finish (a client that gave up does not stop the server's work):
  // close waits for open connections only, so wait until the tables stop changing too.
  await app.close();
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
  // One statement, one snapshot: the rows and the used codes are counted at the same instant.
  const count = async () =>
    (
      await rows<{ stored: number; used: number; dupCodes: number; dupReceipts: number }>(sql`SELECT
        (SELECT count(*)::int FROM survey_responses) AS stored,
        (SELECT count(*)::int FROM survey_codes WHERE used_at IS NOT NULL) AS used,
        (SELECT count(*)::int FROM (SELECT code_id FROM survey_responses GROUP BY code_id HAVING count(*) > 1) d) AS "dupCodes",
        (SELECT count(*)::int FROM (SELECT receipt_no FROM survey_responses GROUP BY receipt_no HAVING count(*) > 1) d) AS "dupReceipts"`)
    )[0] as { stored: number; used: number; dupCodes: number; dupReceipts: number };
  let counts = await count();
  for (let settled = false; !settled; ) {
    await new Promise((r) => setTimeout(r, 500));
    const again = await count();
    settled = again.stored === counts.stored && again.used === counts.used;
    counts = again;
  }
  const stored = { n: counts.stored };
  const used = { n: counts.used };
  const dupCodes = { n: counts.dupCodes };
  const dupReceipts = { n: counts.dupReceipts };
  const ok = result.ok2xx + (warm?.ok2xx ?? 0);
  const summary = {
    database: kind,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), load1Before: loadBefore, loadAfter: os.loadavg().map((l) => l.toFixed(2)), node: process.version },
    target: { rate, seconds, connections, client, ...(client === 'wrk' ? { threads, arrivals } : {}) },
    codesIssued: codes.length,
    issueSeconds: +(issueMs / 1000).toFixed(1),
    requests: result.requests,
    warmup: warm ? { seconds: warmup, ok2xx: warm.ok2xx, non2xx: warm.non2xx, p99: warm.latency.p99 } : null,
    sustainedPerSecond: +(result.ok2xx / result.durationSeconds).toFixed(0),
    ok2xx: ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rowsStored: Number(stored?.n),
    codesUsed: Number(used?.n),
    // A 2xx whose answer is not in the table: must be 0.
    lost: Math.max(0, ok - Number(stored?.n)),
    // Stored, but the client never counted the reply: requests in flight when the run stopped
    // (at most one per connection) or timed out. A phone's retry with the same submission id
    // gets the same receipt, so these are not duplicates.
    storedAfterClientGaveUp: Math.max(0, Number(stored?.n) - ok),
    duplicateCodes: Number(dupCodes?.n),
    duplicateReceipts: Number(dupReceipts?.n),
    latencyMs: result.latency,
    ...(result.pacing ? { pacing: result.pacing } : {}),
    // CPU seconds during the measured run (not the warm-up), and as a share of one core.
    cpu: cpuReport(cpu, result.cpuSeconds),
  };
  console.log(JSON.stringify(summary, null, 2));
  const pass =
    summary.lost === 0 &&
    summary.storedAfterClientGaveUp <= result.errors + (warm?.errors ?? 0) + connections * (warm ? 2 : 1) &&
    Number(stored?.n) === Number(used?.n) &&
    summary.duplicateCodes === 0 &&
    summary.duplicateReceipts === 0;
  console.log(pass ? 'check: 0 lost, 0 duplicates' : 'check: FAILED (lost or duplicated answers)');
  console.log(`p99 ${summary.latencyMs.p99} ms ${summary.latencyMs.p99 < 200 ? '<' : '>='} 200 ms; ${summary.sustainedPerSecond}/s of ${rate}/s asked`);
  await drop();
  process.exit(pass ? 0 : 1);
}

type Job = { url: string; rate: number; seconds: number; connections: number; bodies: { path: string; body: string }[] };
type ClientResult = {
  requests: number;
  durationSeconds: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  /** wrk: sends that started after their slot because every connection was busy. */
  pacing?: { late: number; lateOver10ms: number; maxLateMs: number; exhausted: number; statuses: Record<string, number> };
  cpuSeconds: number;
};

function runClient(job: Job): Promise<ClientResult> {
  return client === 'wrk' ? runWrk(job) : runAutocannon(job);
}

/** autocannon in a child process (its own event loop); the bodies go over IPC. */
function runAutocannon(job: Job): Promise<ClientResult> {
  const child = fork(fileURLToPath(new URL('./survey-load.client.ts', import.meta.url)), { execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => {
      const { result: r, cpuSeconds } = m as { result: autocannon.Result; cpuSeconds: number };
      resolve({
        requests: r.requests.total,
        durationSeconds: r.duration,
        ok2xx: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
        cpuSeconds,
      });
    });
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

/**
 * wrk (C, one event loop per thread) with bench/survey-load.wrk.lua: the codes go in one file per
 * thread; /usr/bin/time gives its CPU seconds.
 */
function runWrk(job: Job): Promise<ClientResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fivestar-wrk-'));
  const prefix = path.join(dir, 'codes');
  const per = Math.ceil(job.bodies.length / threads);
  for (let t = 0; t < threads; t++) {
    const lines = job.bodies.slice(t * per, (t + 1) * per).map((b) => `${b.path.slice(b.path.lastIndexOf('/') + 1)} ${b.body}`);
    writeFileSync(`${prefix}.${t + 1}`, `${lines.join('\n')}\n`);
  }
  const script = fileURLToPath(new URL('./survey-load.wrk.lua', import.meta.url));
  const args = ['-f', 'CPUTIME %U %S', 'wrk', '-t', String(threads), '-c', String(job.connections), '-d', `${job.seconds}s`, '--latency', '--timeout', '10s', '-s', script, job.url, '--', prefix, String(job.rate), String(threads), arrivals];
  const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      const time = /CPUTIME ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || !line || !time) return reject(new Error(`wrk exited with ${code}: ${out}${err}`));
      process.stderr.write(out.split('\n').filter((l) => !l.startsWith('RESULT ')).join('\n'));
      const r = JSON.parse(line.slice('RESULT '.length)) as {
        durationUs: number;
        requests: number;
        ok2xx: number;
        non2xx: number;
        statuses: Record<string, number>;
        errors: { connect: number; read: number; write: number; status: number; timeout: number };
        latencyUs: { p50: number; p90: number; p99: number; max: number };
        late: number;
        lateOver10ms: number;
        maxLateMs: number;
        exhausted: number;
      };
      const ms = (us: number) => Math.round(us / 100) / 10;
      resolve({
        requests: r.requests,
        durationSeconds: r.durationUs / 1e6,
        ok2xx: r.ok2xx,
        non2xx: r.non2xx,
        errors: r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout,
        timeouts: r.errors.timeout,
        latency: { p50: ms(r.latencyUs.p50), p90: ms(r.latencyUs.p90), p99: ms(r.latencyUs.p99), max: ms(r.latencyUs.max) },
        pacing: { late: r.late, lateOver10ms: r.lateOver10ms, maxLateMs: Math.round(r.maxLateMs), exhausted: r.exhausted, statuses: r.statuses },
        cpuSeconds: Number(time[1]) + Number(time[2]),
      });
    });
  });
}

function cpuReport(cpu: ReturnType<ReturnType<typeof startCpuWindow>['stop']>, clientSeconds: number) {
  const share = (s: number | null) => (s === null ? null : `${Math.round((100 * s) / cpu.wallSeconds)} % of a core`);
  const others = cpu.machineBusySeconds - cpu.serverSeconds - clientSeconds - (cpu.databaseSeconds ?? 0);
  return {
    wallSeconds: +cpu.wallSeconds.toFixed(1),
    server: { seconds: +cpu.serverSeconds.toFixed(1), share: share(cpu.serverSeconds) },
    client: { seconds: +clientSeconds.toFixed(1), share: share(clientSeconds) },
    database: cpu.databaseSeconds === null ? null : { seconds: +cpu.databaseSeconds.toFixed(1), share: share(cpu.databaseSeconds) },
    otherProcesses: { seconds: +others.toFixed(1), share: share(others) },
    machine: { busySeconds: +cpu.machineBusySeconds.toFixed(1), of: +cpu.machineCoreSeconds.toFixed(1) },
  };
}

/** Samples this process (the server) while the load runs; the file opens in Chrome DevTools. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

void main();
