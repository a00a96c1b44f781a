import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createSession, loginEach, makePerson, sessionInput } from '../../../test/training-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let town2: Client;
let v11: Client;
let leader: Client;
let citySession: string;
let town1Session: string;
let town2Session: string;

beforeAll(async () => {
  t = await startTestApp();
  [org, town1, town2, v11, leader] = await loginEach(t.app, ['orgadmin', 'town1', 'town2', 'v11', 'leader'] as const);
  citySession = (await createSession(org, sessionInput(t.city))).id;
  town1Session = (
    await createSession(
      town1,
      sessionInput(t.city, { courseType: 'mentoring', category: '种植养殖', topic: '黑木耳种植技术', orgUnitId: t.city.towns[0].id, organizer: '甲镇党委', partners: ['农业农村局', '科协'], hours: 4 }),
    )
  ).id;
  town2Session = (await createSession(town2, sessionInput(t.city, { courseType: 'mentoring', category: '经营管理', topic: '合作社经营', orgUnitId: t.city.towns[1].id, organizer: '乙镇党委' }))).id;
});
afterAll(() => t.close());

const topics = (res: { json(): { items: { topic: string }[] } }) => res.json().items.map((s) => s.topic).sort();

describe('creating sessions', () => {
  it('when the department plans a lecture, then it is stored with its plan, counts at zero, editable, and audited', async () => {
    const res = await org.get(`/api/training/sessions/${citySession}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      courseType: 'lecture',
      category: '思想理论',
      orgUnitName: '测试市',
      organizer: '市委组织部',
      date: '2026-03-02',
      hours: 3,
      audience: ['两委干部'],
      status: 'planned',
      signInState: 'none',
      present: 0,
      canEdit: true,
    });
    const audit = (await auditRows(t.app, 'training.session_create')).find((r) => r.object_id === citySession);
    expect(audit).toMatchObject({ username: 'orgadmin', after: { topic: '学习贯彻党的二十大精神专题辅导', hours: 3 } });
  });

  it('when a category does not fit the course type, then 400 invalid_category and nothing is stored', async () => {
    const before = (await org.get('/api/training/sessions')).json().total;
    for (const bad of [
      { courseType: 'lecture' as const, category: '种植养殖' as const },
      { courseType: 'lecture' as const, category: null },
      { courseType: 'tour' as const, category: '思想理论' as const },
    ]) {
      const res = await org.post('/api/training/sessions', sessionInput(t.city, bad));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('training.invalid_category');
    }
    expect((await org.get('/api/training/sessions')).json().total).toBe(before);
  });

  it('when the input is malformed, then 400 with the reason: unknown field, end before start, half hours only, village organizer', async () => {
    expect((await org.post('/api/training/sessions', { ...sessionInput(t.city), secret: 1 })).json().error.code).toBe('validation.unknown_field');
    expect((await org.post('/api/training/sessions', sessionInput(t.city, { endDate: '2026-03-01' }))).json().error.code).toBe('training.invalid_dates');
    expect((await org.post('/api/training/sessions', sessionInput(t.city, { hours: 1.3 }))).json().error.code).toBe('validation.failed');
    const village = await org.post('/api/training/sessions', sessionInput(t.city, { orgUnitId: t.city.villages.town1[0].id }));
    expect(village.statusCode).toBe(400);
    expect(village.json().error.code).toBe('training.invalid_organizer');
  });

  it('when a town admin plans for the city or another town, then 404 (outside its scope); village admins and leaders get 403', async () => {
    expect((await town1.post('/api/training/sessions', sessionInput(t.city))).json().error.code).toBe('org.not_found');
    expect((await town1.post('/api/training/sessions', sessionInput(t.city, { orgUnitId: t.city.towns[1].id }))).statusCode).toBe(404);
    expect((await v11.post('/api/training/sessions', sessionInput(t.city))).statusCode).toBe(403);
    expect((await leader.post('/api/training/sessions', sessionInput(t.city))).statusCode).toBe(403);
  });
});

describe('seeing sessions', () => {
  it('when each role lists sessions, then it sees those organized in or above its scope', async () => {
    expect(topics(await org.get('/api/training/sessions'))).toEqual(['合作社经营', '学习贯彻党的二十大精神专题辅导', '黑木耳种植技术']);
    expect(topics(await leader.get('/api/training/sessions'))).toHaveLength(3);
    expect(topics(await town1.get('/api/training/sessions'))).toEqual(['学习贯彻党的二十大精神专题辅导', '黑木耳种植技术']);
    expect(topics(await v11.get('/api/training/sessions'))).toEqual(['学习贯彻党的二十大精神专题辅导', '黑木耳种植技术']);
  });

  it('when a town admin opens a city session, then it may read but not edit it; another town’s session is 404', async () => {
    expect((await town1.get(`/api/training/sessions/${citySession}`)).json().canEdit).toBe(false);
    expect((await town1.get(`/api/training/sessions/${town1Session}`)).json().canEdit).toBe(true);
    expect((await town1.get(`/api/training/sessions/${town2Session}`)).statusCode).toBe(404);
    expect((await town1.patch(`/api/training/sessions/${citySession}`, { hours: 2 })).json().error.code).toBe('training.session_not_found');
    expect((await town1.post(`/api/training/sessions/${citySession}/sign-in/open`)).statusCode).toBe(404);
    expect((await town1.get(`/api/training/sessions/${citySession}/sign-in`)).statusCode).toBe(404);
  });

  it('when filtered by year, type, category, status and text, then only matching sessions come back, paged', async () => {
    expect(topics(await org.get('/api/training/sessions?courseType=mentoring'))).toEqual(['合作社经营', '黑木耳种植技术']);
    expect(topics(await org.get('/api/training/sessions?category=种植养殖'))).toEqual(['黑木耳种植技术']);
    expect(topics(await org.get('/api/training/sessions?q=木耳'))).toEqual(['黑木耳种植技术']);
    expect((await org.get('/api/training/sessions?year=2025')).json().total).toBe(0);
    expect((await org.get('/api/training/sessions?status=cancelled')).json().total).toBe(0);
    const page = (await org.get('/api/training/sessions?pageSize=2&page=2')).json();
    expect({ total: page.total, items: page.items.length }).toEqual({ total: 3, items: 1 });
    expect((await org.get('/api/training/sessions?pageSize=101')).statusCode).toBe(400);
  });

  it('when anonymous or an auditor asks, then 401 and 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/training/sessions' })).statusCode).toBe(401);
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/training/sessions')).statusCode).toBe(403);
  });
});

describe('changing sessions', () => {
  it('when the organizer edits the plan, then the change is stored and audited with before and after', async () => {
    const res = await town1.patch(`/api/training/sessions/${town1Session}`, { hours: 4.5, lecturer: '农技站 刘站长' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hours: 4.5, lecturer: '农技站 刘站长', category: '种植养殖' });
    const audit = (await auditRows(t.app, 'training.session_update')).at(-1);
    expect(audit).toMatchObject({ before: { hours: 4 }, after: { hours: 4.5 } });
    expect((await town1.patch(`/api/training/sessions/${town1Session}`, { courseType: 'tour' })).json().error.code).toBe('validation.unknown_field');
    expect((await town1.patch(`/api/training/sessions/${town1Session}`, { category: '思想理论' })).json().error.code).toBe('training.invalid_category');
  });

  it('when a session is finished before its day, then 409 session_in_future and it stays planned', async () => {
    const future = (await createSession(org, sessionInput(t.city, { topic: '下月的课', date: '2026-04-01' }))).id;
    const res = await org.post(`/api/training/sessions/${future}/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('training.session_in_future');
    expect((await org.get(`/api/training/sessions/${future}`)).json().status).toBe('planned');
  });

  it('when a session with attendees is cancelled, then 409; without, it cancels and then refuses every further change', async () => {
    const person = await makePerson(t.app.services, t.city.countyId, t.city.villages.town1[0]);
    const held = (await createSession(org, sessionInput(t.city, { topic: '有人参加的课' }))).id;
    expect((await org.put(`/api/training/sessions/${held}/attendance/${person.id}`, { status: 'present' })).statusCode).toBe(200);
    expect((await org.post(`/api/training/sessions/${held}/cancel`)).json().error.code).toBe('training.session_has_attendance');

    const empty = (await createSession(org, sessionInput(t.city, { topic: '取消的课' }))).id;
    expect((await org.post(`/api/training/sessions/${empty}/cancel`)).json().status).toBe('cancelled');
    expect((await org.post(`/api/training/sessions/${empty}/complete`)).json().error.code).toBe('training.session_not_planned');
    expect((await org.post(`/api/training/sessions/${empty}/cancel`)).json().error.code).toBe('training.session_not_planned');
    expect((await org.post(`/api/training/sessions/${empty}/sign-in/open`)).json().error.code).toBe('training.session_not_planned');
    expect((await org.patch(`/api/training/sessions/${empty}`, { hours: 1 })).json().error.code).toBe('training.session_cancelled');
    expect((await org.put(`/api/training/sessions/${empty}/attendance/${person.id}`, { status: 'present' })).json().error.code).toBe('training.session_cancelled');
    expect((await auditRows(t.app, 'training.session_cancel')).map((r) => r.object_id)).toEqual([empty]);
  });

  it('when the sign-in link goes none → open → closed → open, then the same token returns; rotate gives a new one; close twice is 409', async () => {
    const id = (await createSession(org, sessionInput(t.city, { topic: '签到开关' }))).id;
    expect((await org.get(`/api/training/sessions/${id}/sign-in`)).json()).toEqual({ state: 'none', path: null, openedAt: null, closedAt: null });
    expect((await org.post(`/api/training/sessions/${id}/sign-in/rotate`)).json().error.code).toBe('training.sign_in_not_open');
    const opened = (await org.post(`/api/training/sessions/${id}/sign-in/open`)).json();
    expect(opened).toMatchObject({ state: 'open', openedAt: '2026-03-02T02:00:00.000Z' });
    expect(opened.path).toMatch(/^\/m\/sign-in\/[A-Za-z0-9_-]{43}$/);
    const closed = (await org.post(`/api/training/sessions/${id}/sign-in/close`)).json();
    expect(closed).toMatchObject({ state: 'closed', path: opened.path });
    expect((await org.post(`/api/training/sessions/${id}/sign-in/close`)).json().error.code).toBe('training.sign_in_not_open');
    expect((await org.post(`/api/training/sessions/${id}/sign-in/open`)).json()).toMatchObject({ state: 'open', path: opened.path });
    const rotated = (await org.post(`/api/training/sessions/${id}/sign-in/rotate`)).json();
    expect(rotated.path).not.toBe(opened.path);
    const events = (await auditRows(t.app, 'training.sign_in_open')).concat(await auditRows(t.app, 'training.sign_in_rotate'), await auditRows(t.app, 'training.sign_in_close'));
    expect(events.filter((e) => e.object_id === id)).toHaveLength(4);
    // The token never reaches the audit log.
    expect(JSON.stringify(events)).not.toContain(String(rotated.path).slice(11));
  });

  it('when a reader without training:write asks for the link, then 403: only organizers see the token', async () => {
    expect((await leader.get(`/api/training/sessions/${citySession}/sign-in`)).statusCode).toBe(403);
    expect((await v11.post(`/api/training/sessions/${citySession}/sign-in/open`)).statusCode).toBe(403);
    expect((await v11.post(`/api/training/sessions/${citySession}/complete`)).statusCode).toBe(403);
  });
});
