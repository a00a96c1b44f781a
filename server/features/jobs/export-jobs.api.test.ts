// Exports and imports as jobs (Prefer: respond-async): the job's file is the workbook the
// synchronous route gives, fetched by its starter only, while they hold the export's permission
// and until it expires; an import job keeps all-or-nothing and reports the bad rows; the
// synchronous answers stay for callers without the header.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { jobGate } from '../../../test/job-gate.js';
import { makeAccount } from '../../../test/factories.js';
import { campaignInCityStage, scoreCityStage } from '../../../test/evaluation-city-factories.js';
import { insertJob, insertJobFile } from './jobs.queries.js';
import { jobFileLifetimeMs } from './jobs.js';

let t: TestApp;
let org: Client;
let campaignId: string;
// Jobs wait before they run while a test holds the gate (test/job-gate.ts).
const { beforeRun, hold, open } = jobGate();

beforeAll(async () => {
  t = await startTestApp({ jobs: { beforeRun } });
  ({ campaignId, org } = await campaignInCityStage(t, 2031));
  await scoreCityStage(t, org, campaignId, [1, 0.85, 0.95, 0.5]);
  expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
  // Two people for the people export (the test city has none).
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('人员');
  ws.addRow(['姓名', '性别', '是否党员', '所在组织编码', '职务']);
  ws.addRow(['作业甲', '男', '是', 'T1', '书记']);
  ws.addRow(['作业乙', '女', '否', 'T2', '']);
  expect((await org.upload('/api/people/import', Buffer.from(await book.xlsx.writeBuffer()))).statusCode).toBe(200);
});
afterAll(() => t.close());

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const getAs = (c: Client, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie, ...headers } });
const startExport = (c: Client, url: string) => getAs(c, url, { prefer: 'respond-async' });
const startImport = (c: Client, url: string, file: Buffer) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': xlsxType, prefer: 'respond-async' }, payload: file });

/** Polls the job until it ends; each poll lets the job's own awaits run (no timers). */
async function pollToEnd(c: Client, id: string) {
  for (let i = 0; i < 500; i++) {
    const res = await getAs(c, `/api/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await t.app.jobs.idle();
  }
  throw new Error('job did not end');
}

/** Every sheet's name and every cell's value, to compare two workbooks whole. */
async function cellsOf(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book.worksheets.map((s) => {
    const rows: unknown[][] = [];
    s.eachRow((row, n) => rows.push([n, ...(row.values as unknown[]).slice(1)]));
    return { name: s.name, rows };
  });
}

async function exportAsJob(c: Client, url: string) {
  const started = await startExport(c, url);
  expect(started.statusCode).toBe(202);
  expect(started.headers.location).toBe(`/api/jobs/${started.json().id}`);
  const job = await pollToEnd(c, started.json().id);
  expect(job).toMatchObject({ status: 'done', error: null });
  return job as { id: string; result: { file: { name: string; bytes: number; url: string; expiresAt: string } } };
}

const orgSheet = async (rows: (string | number)[][]) => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('组织架构');
  ws.addRow(['上级组织编码', '组织类型', '组织名称', '组织编码', '党组织类型', '党组织名称', '排序']);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
};

describe('exports as jobs', () => {
  it.each([
    ['rankings', () => `/api/campaigns/${campaignId}/exports/rankings.xlsx`],
    ['org tree', () => '/api/org-units/export.xlsx'],
    ['people', () => '/api/people/export.xlsx'],
    ['score grid', () => `/api/campaigns/${campaignId}/grid/city/sheet.xlsx`],
  ])('when the %s export is started as a job, then it ends done and its file is the workbook the synchronous route gives, cell for cell', async (_name, url) => {
    const sync = await getAs(org, url());
    expect(sync.statusCode).toBe(200);
    const job = await exportAsJob(org, url());
    const file = await getAs(org, job.result.file.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(xlsxType);
    expect(file.headers['cache-control']).toContain('no-store');
    expect(file.headers['content-disposition']).toBe(sync.headers['content-disposition']);
    expect(file.rawPayload.length).toBe(job.result.file.bytes);
    expect(job.result.file.expiresAt).toBe(new Date(t.clock.now().getTime() + jobFileLifetimeMs).toISOString());
    const [a, b] = [await cellsOf(sync.rawPayload), await cellsOf(file.rawPayload)];
    expect(a.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThan(2);
    expect(b).toEqual(a);
  });

  it('when someone else asks for the file (the same county or another), then 404 jobs.not_found; after 30 minutes the starter gets 410 jobs.file_gone', async () => {
    const job = await exportAsJob(org, `/api/campaigns/${campaignId}/exports/rankings.xlsx`);
    // town1 reads the campaign too, and may run the same export itself: not this file.
    const town = await loginAs(t.app, 'town1');
    const theirs = await getAs(town, job.result.file.url);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error).toMatchObject({ code: 'jobs.not_found', message: '任务不存在或无权查看' });
    const otherCounty = randomUUID();
    await makeAccount(t.app.services, otherCounty, 'far-admin', null, otherCounty);
    const far = await loginAs(t.app, 'far-admin');
    expect((await getAs(far, job.result.file.url)).json().error.code).toBe('jobs.not_found');
    expect((await getAs(org, job.result.file.url)).statusCode).toBe(200);
    t.clock.advance(jobFileLifetimeMs);
    const late = await getAs(org, job.result.file.url);
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toMatchObject({ code: 'jobs.file_gone', message: '导出文件已过期或不存在，请重新导出' });
  });

  it('when the starter no longer holds the permission the export asked for, then 403 auth.forbidden', async () => {
    const id = randomUUID();
    const at = t.clock.now();
    const orgadmin = t.city.users.orgadmin as string;
    await insertJob(t.database.db, { id, countyId: t.city.countyId, kind: 'export.audit', subjectId: orgadmin, status: 'done', startedBy: orgadmin, createdAt: at, updatedAt: at, finishedAt: at });
    // orgadmin never reads the audit log (三权分立): a file made under that permission is refused.
    await insertJobFile(t.database.db, { countyId: t.city.countyId, jobId: id, startedBy: orgadmin, permission: 'audit:read', fileName: 'a.xlsx', contentType: xlsxType, data: Buffer.from('x'), createdAt: at, expiresAt: new Date(at.getTime() + 1000) });
    const res = await getAs(org, `/api/jobs/${id}/file`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('when the same user starts the same export while one is queued, then 409 jobs.busy; another user may start theirs', async () => {
    hold();
    try {
      const first = await startExport(org, '/api/org-units/export.xlsx');
      expect(first.statusCode).toBe(202);
      const second = await startExport(org, '/api/org-units/export.xlsx');
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({ code: 'jobs.busy', message: '您已有一个同类的导出或导入任务正在进行，请等待其完成后再试' });
      expect((await startExport(await loginAs(t.app, 'town1'), '/api/org-units/export.xlsx')).statusCode).toBe(202);
    } finally {
      open();
    }
    await t.app.jobs.idle();
  });

  it('when the export is refused (a campaign with nothing computed), then the job fails with that code; a missing campaign is 404 at once', async () => {
    const standards = (await org.get('/api/standards')).json().items as { id: string }[];
    const draft = await org.post('/api/campaigns', { year: 2035, name: '2035年度五星级创建', standardId: standards[0]?.id, windows: { mutual: { opens: '2035-03-01', closes: '2035-03-31' }, department: { opens: '2035-04-01', closes: '2035-04-30' }, city: { opens: '2035-05-01', closes: '2035-05-31' } } });
    expect(draft.statusCode).toBe(200);
    const started = await startExport(org, `/api/campaigns/${draft.json().id}/exports/rankings.xlsx`);
    const job = await pollToEnd(org, started.json().id);
    expect(job).toMatchObject({ status: 'failed', result: null, error: { code: 'results.not_computed', message: '尚未生成定星建议' } });
    const missing = await startExport(org, `/api/campaigns/${randomUUID()}/exports/rankings.xlsx`);
    expect(missing.statusCode).toBe(404);
  });

  it('when a job id is unknown, then 404 jobs.not_found for the job and for its file', async () => {
    for (const url of [`/api/jobs/${randomUUID()}`, `/api/jobs/${randomUUID()}/file`]) {
      const res = await getAs(org, url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('jobs.not_found');
    }
  });
});

describe('imports as jobs', () => {
  it('when an org import job has a bad row, then it fails with import.rows_invalid listing that row, and no unit was added', async () => {
    const before = await countRows(t.app, 'org_units');
    const file = await orgSheet([
      ['T1', '行政村', '作业一村', 'JOB-1', '党支部', '作业一村党支部', 1],
      ['NOPE', '行政村', '作业二村', 'JOB-2', '党支部', '作业二村党支部', 2],
    ]);
    const started = await startImport(org, '/api/org-units/import', file);
    expect(started.statusCode).toBe(202);
    const job = await pollToEnd(org, started.json().id);
    expect(job).toMatchObject({ status: 'failed', result: null, error: { code: 'import.rows_invalid', message: '导入文件中有错误行，未导入任何数据' } });
    const sync = await org.upload('/api/org-units/import', file);
    expect(sync.statusCode).toBe(422);
    expect(job.error.details).toEqual(sync.json().error.details);
    expect(job.error.details.errors).toEqual([expect.objectContaining({ row: 3, field: '上级组织编码' })]);
    expect(await countRows(t.app, 'org_units')).toBe(before);
  });

  it('when every row is good, then the job ends done with the import report and the units are there', async () => {
    const before = await countRows(t.app, 'org_units');
    const started = await startImport(org, '/api/org-units/import', await orgSheet([['T1', '行政村', '作业三村', 'JOB-3', '党支部', '作业三村党支部', 3]]));
    const job = await pollToEnd(org, started.json().id);
    expect(job).toMatchObject({ status: 'done', result: { imported: 1, errors: [] }, error: null });
    expect(await countRows(t.app, 'org_units')).toBe(before + 1);
  });

  it('when the upload is not an xlsx, then 415 at once and no job', async () => {
    const res = await startImport(org, '/api/people/import', Buffer.from('name,code'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('import.not_xlsx');
  });
});
