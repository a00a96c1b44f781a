// Evidence per stage-3 indicator through HTTP: typed by content, size-limited, stored outside the
// web root, downloaded as an attachment, visible to campaign readers of the village only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { auditRows, loginAs, type Client, type TestApp, startTestApp } from '../../../../test/test-app.js';
import { makeAccount } from '../../../../test/factories.js';
import { campaignInCityStage, cityIndicators, proposeAndNotice, scoreCityStage } from '../../../../test/evaluation-city-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let indicatorId: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const v = () => t.city.villages;
const url = (villageId: string, query = `indicatorId=${indicatorId}&fileName=${encodeURIComponent('台账.pdf')}`) =>
  `/api/campaigns/${campaignId}/villages/${villageId}/evidence?${query}`;

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('台账').addRow(['会议', '次数']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  indicatorId = (await cityIndicators())[0]!.id;
  await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
});
afterAll(() => t.close());

describe('evidence upload and download', () => {
  it('when the city team uploads a PDF, then it is listed with the type from its bytes, its hash and a safe name, audited once', async () => {
    const res = await org.upload(url(v().town1[0].id, `indicatorId=${indicatorId}&fileName=${encodeURIComponent('../../etc/会议记录')}`), pdf, 'application/octet-stream');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      indicatorId,
      fileName: '会议记录.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedByName: 'orgadmin 测试',
    });
    const list = (await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json();
    expect(list.uploadLockReason).toBeNull();
    expect(list.items.map((e: { fileName: string }) => e.fileName)).toEqual(['会议记录.pdf']);
    const audit = await auditRows(t.app, 'evidence.upload');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'orgadmin', object_id: res.json().id, after: { indicatorId, contentType: 'application/pdf', fileName: '会议记录.pdf' } });
  });

  it('when the file is downloaded, then the same bytes come back as an attachment with its type and nosniff, stored by id outside the web root', async () => {
    const [item] = (await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json().items;
    const res = await org.get(item.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('会议记录.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    const dir = t.app.services.evidenceDir as string;
    expect(readdirSync(path.join(dir, t.city.countyId))).toEqual([item.id]);
  });

  it('when images and office files arrive under any declared type, then the bytes decide: PNG and .xlsx pass, a plain zip or HTML is refused with 415', async () => {
    const image = await org.upload(url(v().town1[0].id, `indicatorId=${indicatorId}&fileName=photo.pdf`), png, 'application/pdf');
    expect(image.json()).toMatchObject({ contentType: 'image/png', fileName: 'photo.pdf.png' });
    const sheet = await org.upload(url(v().town1[0].id, `indicatorId=${indicatorId}&fileName=${encodeURIComponent('台账.xlsx')}`), await xlsxBytes());
    expect(sheet.json()).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: '台账.xlsx' });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not an office file')]);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    for (const [body, type] of [[zip, 'application/zip'], [html, 'application/pdf'], [Buffer.from('MZ\x90\x00'), 'image/png']] as const) {
      const res = await org.upload(url(v().town1[0].id), body, type);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('evidence.type_not_allowed');
    }
    expect((await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json().items).toHaveLength(3);
  });

  it('when a file is over 10 MB, the same file is sent twice, or the indicator is not a stage-3 one, then 413, 409 and 400', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await org.upload(url(v().town1[1].id), big, 'application/pdf')).statusCode).toBe(413);
    expect((await org.upload(url(v().town1[0].id), pdf, 'application/pdf')).json().error.code).toBe('evidence.duplicate');
    const bad = await org.upload(url(v().town1[1].id, 'indicatorId=noSuchIndicator&fileName=a.pdf'), pdf, 'application/pdf');
    expect(bad.json().error.code).toBe('evidence.unknown_indicator');
    expect((await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[1].id}/evidence`)).json().items).toEqual([]);
  });
});

describe('who may see and add evidence', () => {
  it('when a town official reads, then their own villages’ evidence is visible and another town’s is 404; they cannot upload (403)', async () => {
    const town1 = await loginAs(t.app, 'town1');
    const town2 = await loginAs(t.app, 'town2');
    const list = await town1.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`);
    expect(list.json().items).toHaveLength(3);
    expect(list.json().uploadLockReason).toBe('只有市级考评专班可以上传考评材料');
    const id = list.json().items[0].id;
    expect((await town1.get(`/api/evidence/${id}/file`)).statusCode).toBe(200);
    expect((await town2.get(`/api/evidence/${id}/file`)).statusCode).toBe(404);
    expect((await town2.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).statusCode).toBe(404);
    expect((await town1.upload(url(v().town1[0].id), pdf, 'application/pdf')).statusCode).toBe(403);
    const judge = await loginAs(t.app, 'judge1');
    expect((await judge.get(`/api/evidence/${id}/file`)).statusCode).toBe(200);
  });

  it('when nobody is logged in or the id is not a UUID, then 401 and 400, never a file path', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence` });
    expect(anonymous.statusCode).toBe(401);
    expect((await org.get('/api/evidence/..%2F..%2Fsecret.key/file')).statusCode).toBe(400);
    expect((await org.get('/api/evidence/00000000-0000-4000-8000-000000000000/file')).statusCode).toBe(404);
  });

  it('when the city team removes a file, then it leaves the list, the removal is audited, and others cannot remove', async () => {
    const list = (await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json().items as { id: string; fileName: string }[];
    const photo = list.find((e) => e.fileName === 'photo.pdf.png')!;
    const town1 = await loginAs(t.app, 'town1');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/evidence/${photo.id}`, headers: { cookie: town1.cookie, 'x-csrf-token': town1.csrf } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/evidence/${photo.id}`, headers: { cookie: org.cookie, 'x-csrf-token': org.csrf } });
    expect(res.statusCode).toBe(200);
    const after = (await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json().items;
    expect(after.map((e: { fileName: string }) => e.fileName).sort()).toEqual(['会议记录.pdf', '台账.xlsx']);
    expect((await auditRows(t.app, 'evidence.remove'))[0]).toMatchObject({ object_id: photo.id, before: { fileName: 'photo.pdf.png' } });
    expect((await org.get(`/api/evidence/${photo.id}/file`)).statusCode).toBe(404);
  });

  it('when stage 3 is over, then uploads and removals are refused with the reason, and the list says why', async () => {
    await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
    await proposeAndNotice(org, campaignId);
    const res = await org.upload(url(v().town2[0].id), pdf, 'application/pdf');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'evidence.locked', details: { reason: '市级考评阶段已结束，评分只读' } });
    const list = (await org.get(`/api/campaigns/${campaignId}/villages/${v().town1[0].id}/evidence`)).json();
    expect(list.uploadLockReason).toBe('市级考评阶段已结束，评分只读');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/evidence/${list.items[0].id}`, headers: { cookie: org.cookie, 'x-csrf-token': org.csrf } });
    expect(del.json().error.code).toBe('evidence.locked');
  });
});
