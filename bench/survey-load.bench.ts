// Load on the public survey submit: pre-issued household codes, each submitted once at a fixed
// arrival rate, then the database is checked: rows equal 2xx answers (0 lost), no code answered
// twice and no receipt twice (0 duplicates), and the 99th percentile latency.
//
//   npx tsx bench/survey-load.bench.ts --db postgres --rate 1000 --seconds 60   (needs DATABASE_URL)
//   npx tsx bench/survey-load.bench.ts --db pglite --rate 300 --seconds 60
//
// The server runs in this process on a real port and autocannon drives it over HTTP from the same
// process (the load generator's own work is inside the measured latency: the figures are an upper
// bound). The per-address and per-code
// limits and the device flag are raised by config (one load generator is one address).
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
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
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const kind = values.db === 'pglite' ? 'pglite' : 'postgres';

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
  const needed = Math.ceil(rate * seconds * 1.1) + 100;
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

  let next = 0;
  const bodies = codes.map((code) => ({ path: `/api/public/surveys/${code}`, body: JSON.stringify({ submissionId: randomUUID(), satisfaction: 'satisfied', topics: { service: 'basically_satisfied' } }) }));
  const result = await autocannon({
    url: address,
    connections,
    overallRate: rate,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    // Each request takes the next unused code.
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...(bodies[next++] as { path: string; body: string }) }) }],
  });

  // Let requests still in flight finish (a client that gave up does not stop the server's work).
  await app.close();
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
  const [stored] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM survey_responses`);
  const [used] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM survey_codes WHERE used_at IS NOT NULL`);
  const [dupCodes] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT code_id FROM survey_responses GROUP BY code_id HAVING count(*) > 1) d`);
  const [dupReceipts] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT receipt_no FROM survey_responses GROUP BY receipt_no HAVING count(*) > 1) d`);
  const ok = result['2xx'];
  const summary = {
    database: kind,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), load: os.loadavg().map((l) => l.toFixed(1)), node: process.version },
    target: { rate, seconds, connections },
    codesIssued: codes.length,
    issueSeconds: +(issueMs / 1000).toFixed(1),
    requests: result.requests.total,
    sustainedPerSecond: +(ok / result.duration).toFixed(0),
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
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
  console.log(JSON.stringify(summary, null, 2));
  const pass =
    summary.lost === 0 &&
    summary.storedAfterClientGaveUp <= result.errors + connections &&
    Number(stored?.n) === Number(used?.n) &&
    summary.duplicateCodes === 0 &&
    summary.duplicateReceipts === 0;
  console.log(pass ? 'check: 0 lost, 0 duplicates' : 'check: FAILED (lost or duplicated answers)');
  console.log(`p99 ${summary.latencyMs.p99} ms ${summary.latencyMs.p99 < 200 ? '<' : '>='} 200 ms; ${summary.sustainedPerSecond}/s of ${rate}/s asked`);
  await drop();
  process.exit(pass ? 0 : 1);
}

void main();
