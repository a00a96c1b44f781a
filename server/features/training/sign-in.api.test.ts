import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createSession, makePerson, openSignIn, publicSignIn, sessionInput, testIdNumber, type TestPerson } from '../../../test/training-factories.js';

let t: TestApp;
let org: Client;
let secretary: TestPerson;
let twin1: TestPerson;
let twin2: TestPerson;
let pioneer: TestPerson;
let sessionId: string;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  const { countyId, villages } = t.city;
  secretary = await makePerson(t.app.services, countyId, villages.town1[0], { name: '王书记', titles: ['书记'], phone: '13900001234', idNumber: testIdNumber(567) });
  // Two people of one name whose phones end alike: no sign-in can tell them apart.
  twin1 = await makePerson(t.app.services, countyId, villages.town1[1], { name: '李同名', phone: '13900005555' });
  twin2 = await makePerson(t.app.services, countyId, villages.town2[0], { name: '李同名', phone: '13700005555' });
  pioneer = await makePerson(t.app.services, countyId, villages.town2[1], { name: '赵带头', titles: ['致富带头人'], phone: '13900007777' });
  sessionId = (await createSession(org, sessionInput(t.city))).id;
  token = await openSignIn(org, sessionId);
});
afterAll(() => t.close());

const attendanceOf = async (id = sessionId) => (await org.get(`/api/training/sessions/${id}/attendance`)).json();

describe('public QR sign-in', () => {
  it('when the link is opened, then the phone sees the session and that sign-in is open, without any login', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/sign-in/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      topic: '学习贯彻党的二十大精神专题辅导',
      courseType: 'lecture',
      date: '2026-03-02',
      endDate: null,
      place: '市委党校报告厅',
      organizer: '市委组织部',
      hours: 3,
      state: 'open',
    });
  });

  it('when a trainee gives name and last four phone digits, then they are marked present once with the session hours, and audited', async () => {
    const res = await publicSignIn(t.app, token, { name: '王书记', last4: '1234' }, '10.9.1.1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ result: 'signed_in', name: '王书记', hours: 3, signedInAt: '2026-03-02T02:00:00.000Z' });
    const list = await attendanceOf();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ personId: secretary.id, status: 'present', method: 'qr', hoursCredited: 3 });
    const audits = await auditRows(t.app, 'training.sign_in');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ username: null, ip: '10.9.1.1', object_id: sessionId, after: { personId: secretary.id, status: 'present', method: 'qr' } });
  });

  it('when the same person signs in again (even by ID digits), then it says already signed in and changes nothing', async () => {
    const again = await publicSignIn(t.app, token, { name: '王书记', last4: testIdNumber(567).slice(-4) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ result: 'already_signed_in', signedInAt: '2026-03-02T02:00:00.000Z' });
    expect((await attendanceOf()).total).toBe(1);
    expect(await auditRows(t.app, 'training.sign_in')).toHaveLength(1);
  });

  it('when no one or two people match, then both get the same 422 answer and nobody is marked', async () => {
    const none = await publicSignIn(t.app, token, { name: '查无此人', last4: '1234' });
    const wrongDigits = await publicSignIn(t.app, token, { name: '王书记', last4: '9999' });
    const two = await publicSignIn(t.app, token, { name: '李同名', last4: '5555' });
    for (const res of [none, wrongDigits, two]) {
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'training.sign_in_unmatched', message: '未能确认您的身份：请核对姓名和号码后四位，或请现场工作人员登记' });
    }
    expect(none.json().error.message).toBe(two.json().error.message);
    expect((await attendanceOf()).total).toBe(1);
    expect(twin1.id).not.toBe(twin2.id);
  });

  it('when the person is outside the session audience, then they are not found', async () => {
    const res = await publicSignIn(t.app, token, { name: '赵带头', last4: '7777' });
    expect(res.statusCode).toBe(422);
    expect(pioneer.name).toBe('赵带头');
  });

  it('when the body has unknown fields or bad digits, then 400 and nothing is marked', async () => {
    expect((await publicSignIn(t.app, token, { name: '王书记', last4: '1234', personId: secretary.id })).json().error.code).toBe('validation.unknown_field');
    expect((await publicSignIn(t.app, token, { name: '王书记', last4: '12a4' })).json().error.code).toBe('validation.failed');
    expect((await publicSignIn(t.app, 'short', { name: '王书记', last4: '1234' })).statusCode).toBe(400);
  });

  it('when the token is unknown or was rotated, then 404 sign_in_not_found', async () => {
    const unknown = await publicSignIn(t.app, 'x'.repeat(43), { name: '王书记', last4: '1234' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('training.sign_in_not_found');
    const other = (await createSession(org, sessionInput(t.city, { topic: '轮换测试' }))).id;
    const oldToken = await openSignIn(org, other);
    const rotated = await org.post(`/api/training/sessions/${other}/sign-in/rotate`);
    expect(rotated.statusCode).toBe(200);
    const newToken = String(rotated.json().path).replace('/m/sign-in/', '');
    expect(newToken).not.toBe(oldToken);
    expect((await publicSignIn(t.app, oldToken, { name: '王书记', last4: '1234' })).json().error.code).toBe('training.sign_in_not_found');
    expect((await publicSignIn(t.app, newToken, { name: '王书记', last4: '1234' })).json().result).toBe('signed_in');
  });

  it('when the organizer closed sign-in, then the link refuses with sign_in_closed and marks no one', async () => {
    const other = (await createSession(org, sessionInput(t.city, { topic: '关闭测试' }))).id;
    const closedToken = await openSignIn(org, other);
    expect((await org.post(`/api/training/sessions/${other}/sign-in/close`)).json().state).toBe('closed');
    const res = await publicSignIn(t.app, closedToken, { name: '王书记', last4: '1234' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('training.sign_in_closed');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/sign-in/${closedToken}` })).json().state).toBe('closed');
    expect((await attendanceOf(other)).total).toBe(0);
  });

  it('when the session is finished, then its link is closed too', async () => {
    const other = (await createSession(org, sessionInput(t.city, { topic: '结束测试' }))).id;
    const doneToken = await openSignIn(org, other);
    expect((await org.post(`/api/training/sessions/${other}/complete`)).json()).toMatchObject({ status: 'completed', signInState: 'closed' });
    expect((await publicSignIn(t.app, doneToken, { name: '王书记', last4: '1234' })).json().error.code).toBe('training.sign_in_closed');
  });

  it('when the session day has not come or has passed, then not_started / ended and no one is marked', async () => {
    const later = (await createSession(org, sessionInput(t.city, { topic: '明天的课', date: '2026-03-03' }))).id;
    const laterToken = await openSignIn(org, later);
    const early = await publicSignIn(t.app, laterToken, { name: '王书记', last4: '1234' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('training.sign_in_not_started');
    const past = (await createSession(org, sessionInput(t.city, { topic: '上周的课', date: '2026-02-20', endDate: '2026-02-21' }))).id;
    const pastToken = await openSignIn(org, past);
    expect((await publicSignIn(t.app, pastToken, { name: '王书记', last4: '1234' })).json().error.code).toBe('training.sign_in_ended');
    expect((await attendanceOf(later)).total + (await attendanceOf(past)).total).toBe(0);
    // Next day, China time: the later session opens.
    t.clock.advance(24 * 3600_000);
    expect((await publicSignIn(t.app, laterToken, { name: '王书记', last4: '1234' })).json().result).toBe('signed_in');
    t.clock.advance(-24 * 3600_000);
  });

  it('when the session is full, then a new trainee is refused with session_full', async () => {
    const small = (await createSession(org, sessionInput(t.city, { topic: '小班', capacity: 1, audience: [] }))).id;
    const smallToken = await openSignIn(org, small);
    expect((await publicSignIn(t.app, smallToken, { name: '王书记', last4: '1234' })).json().result).toBe('signed_in');
    const full = await publicSignIn(t.app, smallToken, { name: '赵带头', last4: '7777' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('training.session_full');
    // The one already in still hears "already signed in".
    expect((await publicSignIn(t.app, smallToken, { name: '王书记', last4: '1234' })).json().result).toBe('already_signed_in');
  });

  it('when one address sends more than 40 sign-ins in a minute, then 429 for it; another address passes', async () => {
    for (let i = 0; i < 40; i++) expect((await publicSignIn(t.app, token, { name: '无此人', last4: '0000' }, '10.7.7.7')).statusCode).toBe(422);
    const limited = await publicSignIn(t.app, token, { name: '王书记', last4: '1234' }, '10.7.7.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('http.rate_limited');
    expect((await publicSignIn(t.app, token, { name: '王书记', last4: '1234' }, '10.7.7.8')).statusCode).toBe(200);
  });

  it('when one address opens the link more than 120 times a minute, then 429', async () => {
    const open = () => t.app.inject({ method: 'GET', url: `/api/public/sign-in/${token}`, remoteAddress: '10.6.6.6' });
    for (let i = 0; i < 120; i++) expect((await open()).statusCode).toBe(200);
    expect((await open()).statusCode).toBe(429);
  });
});
