// Item 20: every body is schema-validated, unknown fields are rejected, a wrong content type is 415;
// control characters and oversized requests are refused at the edge with a code; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'orgadmin');
});
afterAll(() => t.close());

const town = () => t.city.towns[0].id;

describe('item 20: input validation at the edge and in every route', () => {
  it('when a body has an unknown field, then 400 validation.unknown_field and no unit is created', async () => {
    const before = await countRows(t.app, 'org_units');
    const res = await admin.post('/api/org-units', { parentId: town(), name: '新村', code: 'N1', isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.unknown_field');
    expect(await countRows(t.app, 'org_units')).toBe(before);
  });

  it('when a JSON route receives a form body, then 415 http.unsupported_media_type', async () => {
    const res = await admin.post('/api/org-units', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('http.unsupported_media_type');
  });

  it('when the login username or a search holds a NUL, then 400 validation.failed (not 500)', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe('validation.failed');
    const search = await admin.get('/api/org-units?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.code).toBe('validation.failed');
  });

  it('when a body is sent where the route takes none, then 400 validation.body_not_allowed', async () => {
    const res = await admin.post(`/api/org-units/${t.city.villages.town1[0].id}/deactivate`, { force: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.body_not_allowed');
  });

  it('when the URL is too long, then 414 with a code and a Chinese message', async () => {
    const res = await admin.get(`/api/org-units?q=${'x'.repeat(9000)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json().error).toMatchObject({ code: 'http.uri_too_long', message: '请求地址过长' });
  });
});
