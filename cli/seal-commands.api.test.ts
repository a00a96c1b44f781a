// `fivestar verify` and `fivestar reproduce` as an operator runs them, on the demo city loaded by
// `fivestar seed-demo` into an embedded database: both campaigns verify, and last year's final
// campaign is rated again from its stored inputs, 50 of 50 villages identical (exit 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'fivestar-seals-'));
const env = { ...process.env, DATA_DIR: dataDir, FIVESTAR_MODE: 'demo', DATABASE_URL: '', FIVESTAR_SECRET: '' };
const tsx = path.resolve('node_modules/.bin/tsx');

async function fivestar(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['cli/main.ts', ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let finalId: string;
beforeAll(async () => {
  expect((await fivestar('seed-demo')).code).toBe(0);
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    const rows = (await database.db.execute(sql`SELECT id FROM campaigns WHERE status = 'final'`)) as unknown as { rows: { id: string }[] };
    expect(rows.rows).toHaveLength(1);
    finalId = rows.rows[0]?.id as string;
  } finally {
    await database.close();
  }
}, 240_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('fivestar verify and reproduce on the demo city', () => {
  it('when last year’s final campaign is reproduced, then 50/50 villages are identical and the command exits 0', async () => {
    const r = await fivestar('reproduce', '--campaign', finalId);
    expect(r.stdout).toContain('重新计算 50 个村：50/50 个与已存结果一致');
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  }, 120_000);

  it('when every campaign is verified, then each passes and the command exits 0', async () => {
    const r = await fivestar('verify');
    expect(r.stdout.match(/全部通过/g)).toHaveLength(2);
    expect(r.code).toBe(0);
  }, 120_000);
});
