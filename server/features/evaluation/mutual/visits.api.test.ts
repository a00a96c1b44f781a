// 入户走访 in stage 1 through HTTP: the evaluating team records, edits and deletes; the department reads.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInMutualStage } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let campaignId: string;
const v = () => t.city.villages;
const visit = { household: '三组 张家', visitDate: '2026-03-02', visitors: '王某、李某', findings: '反映村道路灯不亮' };
const del = (c: Client, url: string) => t.app.inject({ method: 'DELETE', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } });

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInMutualStage(t, 2026));
  town1 = await loginAs(t.app, 'town1');
});
afterAll(() => t.close());

describe('household visits of stage 1', () => {
  it('when the team of 甲镇 records a visit in 乙一村, then it is listed with the recorder and audited once without the household', async () => {
    const res = await town1.post(`/api/campaigns/${campaignId}/villages/${v().town2[0].id}/visits`, visit);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...visit, villageName: '乙一村', townName: '乙镇', recordedBy: 'town1 测试', canEdit: true });
    const list = (await town1.get(`/api/campaigns/${campaignId}/visits`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].household).toBe('三组 张家');
    const rows = await auditRows(t.app, 'mutual_visit.create');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.after).toEqual({ villageId: v().town2[0].id, visitDate: '2026-03-02' });
    expect(JSON.stringify(rows[0])).not.toContain('张家');
  });

  it('when a team records in a village of its own town or of a town it does not evaluate, then 404 and nothing is stored', async () => {
    const own = await town1.post(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/visits`, visit);
    expect(own.statusCode).toBe(404);
    expect(own.json().error.code).toBe('sheet.not_assigned');
    expect((await org.get(`/api/campaigns/${campaignId}/visits`)).json().total).toBe(1);
  });

  it('when a visit holds an ID or phone number, a date outside stage 1 or an unknown field, then 400 with the reason', async () => {
    const url = `/api/campaigns/${campaignId}/villages/${v().town2[1].id}/visits`;
    const phone = await town1.post(url, { ...visit, findings: '户主电话13912345678' });
    expect(phone.json().error).toMatchObject({ code: 'stage_work.personal_data', details: { fields: ['findings'] } });
    const id = await town1.post(url, { ...visit, household: '222403198001011234' });
    expect(id.json().error.code).toBe('stage_work.personal_data');
    expect((await town1.post(url, { ...visit, visitDate: '2026-02-28' })).json().error.code).toBe('mutual_visit.date_outside_window');
    expect((await town1.post(url, { ...visit, visitDate: '2026-03-04' })).json().error.code).toBe('mutual_visit.date_outside_window');
    expect((await town1.post(url, { ...visit, idNumber: 'x' })).json().error.code).toBe('validation.unknown_field');
    expect((await town1.post(url, { ...visit, household: ' ' })).statusCode).toBe(400);
    expect((await org.get(`/api/campaigns/${campaignId}/visits?villageId=${v().town2[1].id}`)).json().total).toBe(0);
  });

  it('when the team edits and deletes a visit, then each change is audited once with before and after', async () => {
    const created = (await town1.post(`/api/campaigns/${campaignId}/villages/${v().town2[1].id}/visits`, { ...visit, household: '五组 刘家' })).json();
    const edited = await town1.patch(`/api/campaigns/${campaignId}/visits/${created.id}`, { visitDate: '2026-03-03', findings: '已记录' });
    expect(edited.json()).toMatchObject({ visitDate: '2026-03-03', findings: '已记录', household: '五组 刘家' });
    expect((await auditRows(t.app, 'mutual_visit.update'))[0]).toMatchObject({
      before: { villageId: v().town2[1].id, visitDate: '2026-03-02' },
      after: { villageId: v().town2[1].id, visitDate: '2026-03-03', changed: ['visitDate', 'findings'] },
    });
    expect((await town1.patch(`/api/campaigns/${campaignId}/visits/${created.id}`, {})).statusCode).toBe(400);
    expect((await del(town1, `/api/campaigns/${campaignId}/visits/${created.id}`)).json()).toEqual({ ok: true });
    expect(await auditRows(t.app, 'mutual_visit.delete')).toHaveLength(1);
    expect((await town1.get(`/api/campaigns/${campaignId}/visits/${created.id}`)).json().error.code).toBe('mutual_visit.not_found');
  });

  it('when others ask, then the department reads but cannot write, the other team and the village see nothing, and roles without campaign access get 403 or 401', async () => {
    const first = (await org.get(`/api/campaigns/${campaignId}/visits`)).json().items[0];
    expect(first.canEdit).toBe(false);
    const write = await org.patch(`/api/campaigns/${campaignId}/visits/${first.id}`, { findings: 'x' });
    expect(write.json().error).toMatchObject({ code: 'stage_work.locked', details: { reason: '您可以查看摸底互评记录，但不是本村的互评组成员' } });
    const town2 = await loginAs(t.app, 'town2');
    expect((await town2.get(`/api/campaigns/${campaignId}/visits`)).json().total).toBe(0);
    expect((await town2.get(`/api/campaigns/${campaignId}/visits/${first.id}`)).statusCode).toBe(404);
    expect((await town2.patch(`/api/campaigns/${campaignId}/visits/${first.id}`, { findings: 'x' })).statusCode).toBe(404);
    const v21 = await loginAs(t.app, 'v21');
    expect((await v21.get(`/api/campaigns/${campaignId}/visits?villageId=${v().town2[0].id}`)).statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'sysadmin')).get(`/api/campaigns/${campaignId}/visits`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/visits` })).statusCode).toBe(401);
  });

  it('when the village moves to another town, then its visits follow its path', async () => {
    const moved = await org.post(`/api/org-units/${v().town2[0].id}/move`, { parentId: t.city.towns[0].id });
    expect(moved.statusCode).toBe(200);
    const rows = (await t.app.services.db.execute(sql`SELECT DISTINCT org_path FROM mutual_visits WHERE village_id = ${v().town2[0].id}`)) as unknown as { rows: { org_path: string }[] };
    expect(rows.rows.map((r) => r.org_path)).toEqual([`${t.city.towns[0].path}${v().town2[0].id}/`]);
    await org.post(`/api/org-units/${v().town2[0].id}/move`, { parentId: t.city.towns[1].id });
  });

  it('when stage 1 has closed, then visits are read-only and say why', async () => {
    const first = (await town1.get(`/api/campaigns/${campaignId}/visits`)).json().items[0];
    await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'department', reason: '测试：提前进入部门点评' });
    const res = await town1.patch(`/api/campaigns/${campaignId}/visits/${first.id}`, { findings: '补记' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('摸底互评阶段已结束，评分只读');
    expect((await town1.get(`/api/campaigns/${campaignId}/visits`)).json().items[0].canEdit).toBe(false);
  });
});
