// 生成定星建议 as a background job: 202 and the job, polled to done with the same results a
// synchronous compute stores; one at a time per campaign (409); another county's job is not
// there (404); a compute the campaign refuses fails the job with its code and leaves the
// results as they were; a job a stopped process left running is marked interrupted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobGate } from '../../../test/job-gate.js';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { campaignInCityStage, scoreCityStage, windowsOf } from '../../../test/evaluation-city-factories.js';
import { insertJob, selectJob } from './jobs.queries.js';
import { createJobRunner } from './job-runner.js';
import { AppError } from '../../../shared/errors.js';

let t: TestApp;
let org: Client;
let campaignId: string;
// Jobs wait before they run while a test holds the gate (test/job-gate.ts).
const { beforeRun, hold, open } = jobGate();

beforeAll(async () => {
  t = await startTestApp({ jobs: { beforeRun } });
  ({ campaignId, org } = await campaignInCityStage(t, 2031));
  await scoreCityStage(t, org, campaignId, [1, 0.85, 0.95, 0.5]);
});
afterAll(() => t.close());

const async = { prefer: 'respond-async' };
const computeUrl = (id: string) => `/api/campaigns/${id}/results/compute`;
type Village = { orgUnitId: string; stars: number | null; engineStars: number | null; score: number; rankInCity: number | null };
const ranking = async () => ((await org.get(`/api/campaigns/${campaignId}/results`)).json().villages as Village[]).map((v) => ({ id: v.orgUnitId, stars: v.stars, engineStars: v.engineStars, score: v.score, rank: v.rankInCity }));

/** Polls the job until it ends; each poll lets the job's own awaits run (no timers). */
async function pollToEnd(client: Client, id: string) {
  const seen: string[] = [];
  for (let i = 0; i < 500; i++) {
    const res = await client.get(`/api/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    seen.push(job.status);
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await t.app.jobs.idle();
  }
  throw new Error('job did not end');
}

describe('生成定星建议 as a job', () => {
  it('when started with Prefer: respond-async, then 202 with the job, and polling reaches done with what a synchronous compute stores', async () => {
    const sync = await org.post(computeUrl(campaignId));
    expect(sync.statusCode).toBe(200);
    const before = await ranking();
    const res = await org.post(computeUrl(campaignId), undefined, async);
    expect(res.statusCode).toBe(202);
    const started = res.json();
    expect(started).toMatchObject({ kind: 'results.compute', subjectId: campaignId, status: 'queued', result: null, error: null });
    expect(res.headers.location).toBe(`/api/jobs/${started.id}`);
    const { job } = await pollToEnd(org, started.id);
    expect(job).toMatchObject({ status: 'done', step: '封存与留痕', done: 4, total: 4, error: null });
    const { changes, mustReconfirm, kept, ...summary } = sync.json();
    expect(job.result).toEqual({ ...summary, changes, mustReconfirm, kept });
    expect(await ranking()).toEqual(before);
    expect(job.finishedAt).toBe(t.clock.now().toISOString());
    const row = await selectJob(t.database.db, t.city.countyId, started.id);
    expect(row?.status).toBe('done');
  });

  it('when a compute of the campaign is queued or running, then a second start answers 409 with its code, and a start after it ends is accepted', async () => {
    hold();
    const first = await org.post(computeUrl(campaignId), undefined, async);
    try {
      expect(first.statusCode).toBe(202);
      const second = await org.post(computeUrl(campaignId), undefined, async);
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({ code: 'jobs.already_running', message: '该评星年度正在生成定星建议，请等待当前任务完成后再试' });
      expect((await org.get(`/api/jobs/${first.json().id}`)).json().status).toBe('queued');
    } finally {
      open();
    }
    expect((await pollToEnd(org, first.json().id)).job.status).toBe('done');
    const third = await org.post(computeUrl(campaignId), undefined, async);
    expect(third.statusCode).toBe(202);
    expect((await pollToEnd(org, third.json().id)).job.status).toBe('done');
  });

  it('when the campaign refuses the compute (not in city assessment), then the job fails with that code and Chinese message and no result is written', async () => {
    const standards = (await org.get('/api/standards')).json().items as { id: string }[];
    const draft = await org.post('/api/campaigns', { year: 2033, name: '2033年度五星级创建', standardId: standards[0]?.id, windows: windowsOf(2033) });
    expect(draft.statusCode).toBe(200);
    const res = await org.post(computeUrl(draft.json().id), undefined, async);
    expect(res.statusCode).toBe(202);
    const { job } = await pollToEnd(org, res.json().id);
    expect(job).toMatchObject({ status: 'failed', result: null, error: { code: 'results.not_editable', message: '当前阶段不能定星或调整星级' } });
    expect((await org.get(`/api/campaigns/${draft.json().id}/results`)).json().villages).toEqual([]);
  });

  it('when the job is another county’s, or the reader neither started it nor manages campaigns, then 404', async () => {
    const otherCounty = randomUUID();
    const stranger = await makeAccount(t.app.services, otherCounty, 'stranger-admin', null, otherCounty);
    const foreign = randomUUID();
    await insertJob(t.database.db, { id: foreign, countyId: otherCounty, kind: 'results.compute', subjectId: randomUUID(), status: 'running', startedBy: stranger, createdAt: t.clock.now(), updatedAt: t.clock.now() });
    const res = await org.get(`/api/jobs/${foreign}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('jobs.not_found');
    expect((await org.get(`/api/jobs/${randomUUID()}`)).statusCode).toBe(404);

    const started = await org.post(computeUrl(campaignId), undefined, async);
    await t.app.jobs.idle();
    const town = await loginAs(t.app, 'town1');
    expect((await town.get(`/api/jobs/${started.json().id}`)).statusCode).toBe(404);
    expect((await org.get(`/api/jobs/${started.json().id}`)).statusCode).toBe(200);
  });

  it('when another county starts on a campaign id of this county, then 404 and no job', async () => {
    const town = await loginAs(t.app, 'town1');
    expect((await town.post(computeUrl(campaignId), undefined, async)).statusCode).toBe(403);
    expect((await org.post(computeUrl(randomUUID()), undefined, async)).statusCode).toBe(404);
  });

  it('when a job fails by a fault rather than a refusal, then it ends failed with jobs.failed and the fault reaches the log hook; a refusal does not', async () => {
    const faults: unknown[] = [];
    const runner = createJobRunner(t.database.db, t.clock.now, { onUnexpected: (err) => faults.push(err) });
    const spec = { countyId: t.city.countyId, kind: 'test.fault', startedBy: t.city.users.orgadmin as string, conflictCode: 'jobs.already_running' as const };
    const faulty = await runner.start({ ...spec, subjectId: randomUUID() }, async () => {
      throw new Error('disk full');
    });
    const refused = await runner.start({ ...spec, subjectId: randomUUID() }, async () => {
      throw new AppError('results.not_editable', { status: 'draft' });
    });
    await runner.idle();
    expect(await selectJob(t.database.db, t.city.countyId, faulty.id)).toMatchObject({ status: 'failed', errorCode: 'jobs.failed' });
    expect(await selectJob(t.database.db, t.city.countyId, refused.id)).toMatchObject({ status: 'failed', errorCode: 'results.not_editable' });
    expect(faults.map((e) => (e as Error).message)).toEqual(['disk full']);
  });

  it('when the server starts, then a job a stopped process left running is marked failed as interrupted', async () => {
    const id = randomUUID();
    await insertJob(t.database.db, { id, countyId: t.city.countyId, kind: 'results.compute', subjectId: randomUUID(), status: 'running', startedBy: t.city.users.orgadmin as string, createdAt: t.clock.now(), updatedAt: t.clock.now() });
    // Every county's unfinished jobs (the other county's above as well): none of them can finish now.
    expect(await t.app.jobs.failInterrupted()).toBeGreaterThanOrEqual(1);
    const job = (await org.get(`/api/jobs/${id}`)).json();
    expect(job).toMatchObject({ status: 'failed', error: { code: 'jobs.interrupted', message: '任务因系统重启而中断，数据未改动，请重新开始' } });
  });
});
