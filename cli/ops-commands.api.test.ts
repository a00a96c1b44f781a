// The CLI as an operator runs it: a real process on a real embedded database.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'fivestar-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, FIVESTAR_MODE: 'demo', DATABASE_URL: '' };
const tsx = path.resolve('node_modules/.bin/tsx');

async function fivestar(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['cli/main.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('fivestar CLI', () => {
  it('when seeded, exported, and re-imported with bad rows, then the export opens and the bad import exits 1 naming the rows', async () => {
    expect((await fivestar('seed-demo')).stdout).toContain('55 个组织');
    expect((await fivestar('seed-demo')).code).toBe(1);

    const out = path.join(dataDir, 'org.xlsx');
    expect((await fivestar('export-org', out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(1 + 55);

    const bad = new ExcelJS.Workbook();
    const ws = bad.addWorksheet('组织架构');
    ws.addRow(['上级组织编码', '组织类型', '组织名称', '组织编码', '党组织类型', '党组织名称']);
    ws.addRow(['T01', '行政村', '新村', 'T01-V99', '党支部', '新村党支部']);
    ws.addRow(['T01-V01', '行政村', '村下村', 'T01-V98', '党支部', '村下村党支部']);
    const badFile = path.join(dataDir, 'bad.xlsx');
    writeFileSync(badFile, Buffer.from(await bad.xlsx.writeBuffer()));
    const result = await fivestar('import-org', badFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('import.rows_invalid');
    expect(result.stderr).toContain('"row": 3');

    ws.spliceRows(3, 1);
    writeFileSync(badFile, Buffer.from(await bad.xlsx.writeBuffer()));
    expect((await fivestar('import-org', badFile)).stdout).toContain('已导入 1 个组织');
  }, 180_000);

  it('when create-admin gets a weak password or an existing name, then it exits 1; a good one is created', async () => {
    const weak = await run(tsx, ['cli/main.ts', 'create-admin', '--username', 'root2', '--role', 'sysadmin'], {
      env: { ...env, FIVESTAR_ADMIN_PASSWORD: 'weak' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((weak as { code: number }).code).toBe(1);
    expect((weak as { stderr: string }).stderr).toContain('password.too_weak');
    const ok = await run(tsx, ['cli/main.ts', 'create-admin', '--username', 'root2', '--role', 'auditor'], {
      env: { ...env, FIVESTAR_ADMIN_PASSWORD: 'Strong-Admin-2026' },
    });
    expect(ok.stdout).toContain('已创建账户 root2');
  }, 120_000);
});
