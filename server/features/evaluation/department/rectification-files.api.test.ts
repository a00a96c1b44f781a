// 整改材料 through HTTP: the village attaches files while the task waits for it, typed by their
// bytes; the panel, the department and the village's town read and download them; once submitted
// or verified they are fixed, and nobody else adds or removes any.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, countRows, loginAs, startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInDepartmentStage } from '../../../../test/evaluation-stage-factories.js';

let t: TestApp;
let org: Client;
let judge1: Client;
let v11: Client;
let campaignId: string;
let taskId: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const task = { title: '更新村务公开栏', requirement: '按季度公开财务收支', ownerText: '村党支部书记', deadline: '2026-04-20' };
const files = (suffix = '') => `/api/campaigns/${campaignId}/rectifications/${taskId}/files${suffix}`;
const upload = (c: Client, name: string, body: Buffer, type = 'application/octet-stream') => c.upload(files(`?fileName=${encodeURIComponent(name)}`), body, type);
const taskOf = async (c: Client) => (await c.get(`/api/campaigns/${campaignId}/rectifications/${taskId}`)).json();

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInDepartmentStage(t, 2026, 2));
  judge1 = await loginAs(t.app, 'judge1');
  v11 = await loginAs(t.app, 'v11');
  taskId = (await judge1.post(`/api/campaigns/${campaignId}/villages/${t.city.villages.town1[0].id}/rectifications`, task)).json().id;
});
afterAll(() => t.close());

describe('整改材料 on a rectification task', () => {
  it('when the village uploads a photo and a PDF, then the task lists both with safe names and hashes, each upload audited once', async () => {
    const photo = await upload(v11, '../公开栏照片', png, 'application/pdf');
    expect(photo.statusCode).toBe(200);
    expect(photo.json()).toMatchObject({ fileName: '公开栏照片.png', contentType: 'image/png', sizeBytes: png.length, uploadedByName: 'v11 测试' });
    const doc = await upload(v11, '财务公开.pdf', pdf);
    expect(doc.json()).toMatchObject({ fileName: '财务公开.pdf', contentType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex') });
    const seen = await taskOf(org);
    // The test clock stands still, so both share one upload time: compare as a set.
    expect(seen.files.map((f: { fileName: string }) => f.fileName).sort()).toEqual(['公开栏照片.png', '财务公开.pdf'].sort());
    expect((await org.get(`/api/campaigns/${campaignId}/rectifications`)).json().items[0].files).toHaveLength(2);
    const audit = await auditRows(t.app, 'attachment.upload');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ object_type: 'attachment', after: { owner: 'rectification', ownerId: taskId, fileName: '公开栏照片.png' } });
  });

  it('when the panel judge, the department or the village’s town download a file, then they get the bytes as an attachment; another village gets 404', async () => {
    const photo = (await taskOf(v11)).files.find((f: { fileName: string }) => f.fileName.endsWith('.png'));
    for (const who of [judge1, org, await loginAs(t.app, 'town1')]) {
      const res = await who.get(photo.downloadUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.rawPayload, png)).toBe(0);
    }
    const v21 = await loginAs(t.app, 'v21');
    expect((await v21.get(photo.downloadUrl)).statusCode).toBe(404);
  });

  it('when the upload is wrong, then each case has its code and nothing is stored', async () => {
    const before = (await taskOf(v11)).files.length;
    const cases: [() => ReturnType<Client['upload']>, number, string][] = [
      [() => upload(v11, 'page.html', Buffer.from('<html><script>alert(1)</script></html>')), 415, 'evidence.type_not_allowed'],
      [() => upload(v11, 'empty.pdf', Buffer.alloc(0)), 415, 'evidence.type_not_allowed'],
      [() => upload(v11, 'again.pdf', pdf), 409, 'evidence.duplicate'],
      [() => v11.upload(files(), pdf, 'application/pdf'), 400, 'validation.failed'],
      [() => upload(judge1, 'judge.pdf', Buffer.concat([pdf, Buffer.from('judge')])), 403, 'auth.forbidden'],
      [() => upload(org, 'org.pdf', Buffer.concat([pdf, Buffer.from('org')])), 403, 'auth.forbidden'],
    ];
    for (const [send, status, code] of cases) {
      const res = await send();
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(v11, 'big.pdf', big)).statusCode).toBe(413);
    expect((await taskOf(v11)).files).toHaveLength(before);
  });

  it('when the village removes a file before submitting, then it disappears from the task but stays on record; others cannot remove', async () => {
    const all = (await taskOf(v11)).files as { id: string; fileName: string; downloadUrl: string }[];
    const photo = all.find((f) => f.fileName.endsWith('.png'))!;
    const doc = all.find((f) => f.fileName.endsWith('.pdf'))!;
    expect((await judge1.del(files(`/${doc.id}`))).statusCode).toBe(403);
    expect((await v11.del(files(`/${photo.id}`))).statusCode).toBe(200);
    expect((await taskOf(org)).files.map((f: { id: string }) => f.id)).toEqual([doc.id]);
    expect((await v11.get(photo.downloadUrl)).statusCode).toBe(404);
    expect((await v11.del(files(`/${photo.id}`))).json().error.code).toBe('evidence.not_found');
    const kept = (await t.app.services.db.execute(sql`SELECT removed_at IS NOT NULL AS removed FROM attachments WHERE id = ${photo.id}`)) as unknown as { rows: { removed: boolean }[] };
    expect(kept.rows).toEqual([{ removed: true }]);
    expect(await auditRows(t.app, 'attachment.remove')).toMatchObject([{ before: { owner: 'rectification', fileName: '公开栏照片.png' } }]);
  });

  it('when the task is submitted, then its files are fixed until the judge returns it; after verification they are fixed for good', async () => {
    await v11.post(`/api/campaigns/${campaignId}/rectifications/${taskId}/submit`, { evidence: '已更新公开栏，附照片' });
    expect((await taskOf(v11)).actions).toEqual([]);
    const [doc] = (await taskOf(v11)).files;
    const late = await upload(v11, '补充.png', Buffer.concat([png, Buffer.from('late')]));
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'attachment.locked']);
    expect(late.json().error.details.reason).toContain('待核验');
    expect((await v11.del(files(`/${doc.id}`))).json().error.code).toBe('attachment.locked');
    await judge1.post(`/api/campaigns/${campaignId}/rectifications/${taskId}/return`, { reason: '缺少财务公开照片' });
    expect((await taskOf(v11)).actions).toEqual(['attach', 'submit']);
    expect((await upload(v11, '补充.png', Buffer.concat([png, Buffer.from('late')]))).statusCode).toBe(200);
    await v11.post(`/api/campaigns/${campaignId}/rectifications/${taskId}/submit`, { evidence: '补充照片' });
    await org.post(`/api/campaigns/${campaignId}/rectifications/${taskId}/verify`, { note: '核验属实' });
    const rows = await countRows(t.app, 'audit_log');
    expect((await upload(v11, '再补.pdf', Buffer.concat([pdf, Buffer.from('again')]))).json().error.code).toBe('attachment.locked');
    expect((await taskOf(org)).files.map((f: { fileName: string }) => f.fileName).sort()).toEqual(['财务公开.pdf', '补充.png'].sort());
    // A refused upload writes no audit row of its own (denials are logged by the guard only for 401/403).
    expect(await countRows(t.app, 'audit_log')).toBe(rows);
  });

  it('when a row is written for a task of another county or for no item at all, then the database refuses it', async () => {
    const insert = (rect: string | null, problem: string | null) =>
      t.app.services.db.execute(sql`INSERT INTO attachments (county_id, rectification_task_id, problem_id, village_id, org_path, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
        VALUES (gen_random_uuid(), ${rect}, ${problem}, ${t.city.villages.town1[0].id}, '/', 'x.pdf', 'application/pdf', 1, ${'0'.repeat(64)}, ${t.city.users.v11}, now())`);
    await expect(insert(taskId, null)).rejects.toThrow();
    await expect(insert(null, null)).rejects.toThrow();
  });
});
