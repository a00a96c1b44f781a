// 销号材料 through HTTP: whoever may close a problem attaches files while it is claimed or in
// progress, typed by their bytes; whoever reads the problem downloads them; after 销号 they are
// fixed until the town (or the villager) reopens it, and nobody else adds or removes any.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditRows, countRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { loginAll, logProblem, makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let v11: Client;
let v21: Client;
let leader: Client;
let village11: string;
let problemId: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const files = (suffix = '', id = problemId) => `/api/problems/${id}/files${suffix}`;
const upload = (c: Client, name: string, body: Buffer, id = problemId) => c.upload(files(`?fileName=${encodeURIComponent(name)}`, id), body, 'application/octet-stream');
const detail = async (c: Client, id = problemId) => (await c.get(`/api/problems/${id}`)).json();
const names = (d: { files: { fileName: string }[] }) => new Set(d.files.map((f) => f.fileName));
const attachmentCount = async () =>
  ((await t.app.services.db.execute(sql`SELECT count(*)::int AS n FROM attachments`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  const fp = await makeFieldworkPeople(t);
  [org, town1, v11, v21, leader] = await loginAll(t, ['orgadmin', 'town1', 'v11', 'v21', 'leader'] as const);
  village11 = t.city.villages.town1[0].id;
  await pairThrough(org, fp.leaderA, village11);
  problemId = await logProblem(v11, village11, { title: '村口路灯不亮' });
  await v11.post(`/api/problems/${problemId}/claim`, {});
  await v11.post(`/api/problems/${problemId}/start`, {});
});
afterAll(() => t.close());

describe('销号材料 on a problem', () => {
  it('when the claimer uploads a photo and a PDF, then the problem lists both with safe names and hashes, each upload audited once', async () => {
    const photo = await upload(v11, '../维修照片', png);
    expect(photo.statusCode).toBe(200);
    expect(photo.json()).toMatchObject({ fileName: '维修照片.png', contentType: 'image/png', sizeBytes: png.length, uploadedByName: 'v11 测试' });
    expect(photo.json().downloadUrl).toBe(files(`/${photo.json().id}`));
    const doc = await upload(v11, '验收单.pdf', pdf);
    expect(doc.json()).toMatchObject({ fileName: '验收单.pdf', contentType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex') });
    // The test clock stands still, so both share one upload time: compare as a set.
    expect(names(await detail(town1))).toEqual(new Set(['维修照片.png', '验收单.pdf']));
    expect((await detail(v11)).canAttach).toBe(true);
    for (const other of [town1, org, leader]) expect((await detail(other)).canAttach).toBe(false);
    const audit = (await auditRows(t.app, 'attachment.upload')).filter((r) => (r.after as { ownerId?: string }).ownerId === problemId);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ object_type: 'attachment', after: { owner: 'problem', ownerId: problemId, villageId: village11, fileName: '维修照片.png' } });
  });

  it('when the town, the department or the paired leader download a file, then they get the bytes as an attachment; another village gets 404', async () => {
    const photo = (await detail(v11)).files.find((f: { fileName: string }) => f.fileName.endsWith('.png'));
    for (const who of [town1, org, leader]) {
      const res = await who.get(photo.downloadUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.rawPayload, png)).toBe(0);
    }
    const foreign = await v21.get(photo.downloadUrl);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'problem.not_found']);
  });

  it('when the upload is wrong or comes from someone who may not close the problem, then each case has its code and nothing is stored', async () => {
    const open = await logProblem(v11, village11, { title: '尚未认领' });
    const before = await attachmentCount();
    const other = (tag: string) => Buffer.concat([pdf, Buffer.from(tag)]);
    const cases: [() => ReturnType<Client['upload']>, number, string][] = [
      [() => upload(v11, 'page.html', Buffer.from('<html><script>alert(1)</script></html>')), 415, 'evidence.type_not_allowed'],
      [() => upload(v11, 'empty.pdf', Buffer.alloc(0)), 415, 'evidence.type_not_allowed'],
      [() => upload(v11, 'again.pdf', pdf), 409, 'evidence.duplicate'],
      [() => v11.upload(files(), pdf, 'application/pdf'), 400, 'validation.failed'],
      [() => upload(town1, 'town.pdf', other('town')), 403, 'problem.not_claimer'],
      [() => upload(org, 'org.pdf', other('org')), 403, 'auth.forbidden'],
      [() => upload(leader, 'leader.pdf', other('leader')), 403, 'auth.forbidden'],
      [() => upload(v21, 'v21.pdf', other('v21')), 404, 'problem.not_found'],
      [() => upload(v11, 'open.pdf', other('open'), open), 409, 'attachment.locked'],
    ];
    for (const [send, status, code] of cases) {
      const res = await send();
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await upload(v11, 'open.pdf', other('open'), open)).json().error.details.reason).toBe('问题尚未认领，认领后才能上传销号材料');
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(v11, 'big.pdf', big)).statusCode).toBe(413);
    expect(await attachmentCount()).toBe(before);
    expect((await detail(v11)).files).toHaveLength(2);
  });

  it('when the claimer removes a file before 销号, then it disappears from the problem but stays on record; others cannot remove', async () => {
    const all = (await detail(v11)).files as { id: string; fileName: string; downloadUrl: string }[];
    const photo = all.find((f) => f.fileName.endsWith('.png'))!;
    const doc = all.find((f) => f.fileName.endsWith('.pdf'))!;
    expect((await town1.del(files(`/${doc.id}`))).json().error.code).toBe('problem.not_claimer');
    expect((await v21.del(files(`/${doc.id}`))).statusCode).toBe(404);
    expect((await v11.del(files(`/${photo.id}`))).statusCode).toBe(200);
    expect((await detail(town1)).files.map((f: { id: string }) => f.id)).toEqual([doc.id]);
    expect((await v11.get(photo.downloadUrl)).statusCode).toBe(404);
    expect((await v11.del(files(`/${photo.id}`))).json().error.code).toBe('evidence.not_found');
    const kept = (await t.app.services.db.execute(sql`SELECT removed_at IS NOT NULL AS removed FROM attachments WHERE id = ${photo.id}`)) as unknown as { rows: { removed: boolean }[] };
    expect(kept.rows).toEqual([{ removed: true }]);
    expect(await auditRows(t.app, 'attachment.remove')).toMatchObject([{ object_id: photo.id, before: { owner: 'problem', ownerId: problemId, fileName: '维修照片.png' } }]);
  });

  it('when the problem is closed (销号), then its files are fixed through confirmation; a reopen lets the claimer change them again', async () => {
    await v11.post(`/api/problems/${problemId}/resolve`, { resolution: '已更换灯泡，附验收单' });
    const closed = await detail(v11);
    expect(closed).toMatchObject({ status: 'resolved', canAttach: false });
    const [doc] = closed.files;
    const rows = await countRows(t.app, 'audit_log');
    const late = await upload(v11, '补充.png', Buffer.concat([png, Buffer.from('late')]));
    expect([late.statusCode, late.json().error.code, late.json().error.details.reason]).toEqual([409, 'attachment.locked', '问题已销号，材料不能再改动']);
    expect((await v11.del(files(`/${doc.id}`))).json().error.code).toBe('attachment.locked');
    await town1.post(`/api/problems/${problemId}/confirm`, { note: '现场核实' });
    expect((await upload(v11, '补充.png', Buffer.concat([png, Buffer.from('late')]))).json().error.details.reason).toBe('问题已确认，材料不能再改动');
    // Refusals write no audit row of their own; the confirm wrote one.
    expect(await countRows(t.app, 'audit_log')).toBe(rows + 1);
    await town1.post(`/api/problems/${problemId}/reopen`, { reason: '群众反映又不亮了' });
    expect((await detail(v11)).canAttach).toBe(true);
    expect((await upload(v11, '补充.png', Buffer.concat([png, Buffer.from('late')]))).statusCode).toBe(200);
    expect(names(await detail(town1))).toEqual(new Set(['验收单.pdf', '补充.png']));
  });

  it('when a town account claimed the problem, then that account attaches, and the village admin may as well', async () => {
    const id = await logProblem(town1, village11, { title: '镇里认领的问题' });
    await town1.post(`/api/problems/${id}/claim`, {});
    expect((await detail(town1, id)).canAttach).toBe(true);
    expect((await upload(town1, '镇里.pdf', Buffer.concat([pdf, Buffer.from('town-claimed')]), id)).statusCode).toBe(200);
    expect((await upload(v11, '村里.png', Buffer.concat([png, Buffer.from('village-admin')]), id)).statusCode).toBe(200);
    expect(names(await detail(org, id))).toEqual(new Set(['镇里.pdf', '村里.png']));
  });
});
