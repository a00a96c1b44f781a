// Every audit event code the server writes has a Chinese label (shared/audit-labels.ts), found two
// ways: by reading the server source for the codes it passes to recordAudit, and by collecting the
// codes actually written while real requests run through the API.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventLabels, auditObjectLabels } from '../../../shared/audit-labels.js';
import { commitmentActions, problemActions } from '../service/service.js';
import { keyTaskActions } from '../../../shared/contracts/fieldwork-pairing.js';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';

const serverDir = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'schema' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

type Found = { code: string; where: string };

/** Codes in `event: '…'`, `event = '…'` (a default) and both arms of `event: x ? '…' : '…'`. */
function literalEvents(): Found[] {
  const found: Found[] = [];
  for (const file of sourceFiles(serverDir)) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const m = /\bevent\s*[:=]\s*([^,}]*)/.exec(line);
      if (!m?.[1]) return;
      for (const lit of m[1].matchAll(/'([a-z_]+\.[a-z_]+|export)'/g)) {
        found.push({ code: lit[1] as string, where: `${relative(serverDir, file)}:${i + 1}` });
      }
    });
  }
  return found;
}

/** Codes built from a template such as `problem.${action}`: the prefix and where. */
function templateEvents(): Found[] {
  const found: Found[] = [];
  for (const file of sourceFiles(serverDir)) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\bevent\s*:\s*`([a-z_.]+)\$\{/g)) found.push({ code: m[1] as string, where: `${relative(serverDir, file)}:${i + 1}` });
    });
  }
  return found;
}

const missing = (codes: Found[]) => codes.filter((f) => !(f.code in auditEventLabels)).map((f) => `${f.code}（${f.where}）`);

describe('audit labels: the source', () => {
  it('when the server source is read, then every literal event code has a Chinese label', () => {
    const codes = literalEvents();
    // The scan itself must see the codes, or the test would pass on nothing.
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(['auth.login', 'score.change', 'violation.confirm', 'standard.create']));
    expect(missing(codes), '这些审计事件没有中文名称，请在 shared/audit-labels.ts 中补上').toEqual([]);
  });

  it('when a code is built from an action, then every action of that family has a label', () => {
    const prefixes = templateEvents();
    expect(prefixes.length).toBeGreaterThan(0);
    // Families whose actions are listed at run time are expanded in full; for the others at
    // least one label with the prefix must exist, and the API run below catches the rest.
    const expanded: Record<string, readonly string[]> = {
      'commitment.': commitmentActions,
      'problem.': problemActions,
      'key_task.': keyTaskActions,
      'rectification.': ['submit', 'verify', 'return'],
      'finding.': ['close', 'reopen'],
      'training.sign_in_': ['open', 'rotate', 'close'],
    };
    const unknownFamilies = prefixes.filter((p) => !(p.code in expanded)).map((p) => `${p.code}…（${p.where}）`);
    expect(unknownFamilies, '新的拼接事件代码：请在本测试的 expanded 中列出其动作并在 shared/audit-labels.ts 中补上名称').toEqual([]);
    const codes = prefixes.flatMap((p) => (expanded[p.code] ?? []).map((a) => ({ code: `${p.code}${a}`, where: p.where })));
    expect(missing(codes), '这些审计事件没有中文名称，请在 shared/audit-labels.ts 中补上').toEqual([]);
  });

  it('when the server source is read, then every object type has a Chinese label', () => {
    const types = new Set<string>();
    for (const file of sourceFiles(serverDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bobjectType:\s*'([a-z_]+)'/g)) types.add(m[1] as string);
    }
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((t) => !(t in auditObjectLabels))).toEqual([]);
  });
});

describe('audit labels: an API run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('when requests of several roles run, then every event written has a label and the viewer shows it in Chinese', async () => {
    const { app, city } = t;
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'orgadmin', password: 'wrong-password-1' } });
    const org = await loginAs(app, 'orgadmin');
    expect((await org.post('/api/org-units', { parentId: city.towns[0].id, kind: '行政村', name: '甲三村', code: 'T1V3', partyOrgType: '党支部', partyOrgName: '甲三村党支部' })).statusCode).toBe(200);
    const town = await loginAs(app, 'town1');
    expect((await town.get('/api/audit')).statusCode).toBe(403);
    await town.post('/api/auth/logout');
    const auditor = await loginAs(app, 'auditor');
    expect((await auditor.get('/api/audit/export.xlsx')).statusCode).toBe(200);

    const result = (await app.services.db.execute(sql`SELECT DISTINCT event, object_type FROM audit_log`)) as unknown as {
      rows: { event: string; object_type: string | null }[];
    };
    const events = result.rows.map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login', 'org.create', 'access.denied', 'auth.logout', 'export']));
    expect(events.filter((e) => !(e in auditEventLabels))).toEqual([]);
    expect(result.rows.flatMap((r) => (r.object_type && !(r.object_type in auditObjectLabels) ? [r.object_type] : []))).toEqual([]);

    const page = (await auditor.get('/api/audit?pageSize=100')).json() as { items: { event: string }[] };
    expect(page.items.some((i) => i.event === 'org.create')).toBe(true); // the API keeps the code…
    const xlsx = await auditor.get('/api/audit/export.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells: string[] = [];
    sheet?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('新增组织'); // …and the export speaks Chinese
    expect(cells).toContain('组织');
    expect(cells).not.toContain('org.create');
  });
});
