// Item 29: uploaded files (stage-3 evidence, visit photos). A size limit (413, nothing kept); the
// type decided by the bytes, not the declared type (415); evidence stored outside the web root
// under names made of two UUIDs, never reachable through the static pages; served as an
// attachment with nosniff; no path traversal through the file name, the id or the page URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { projectRoot, webDir } from '../../paths.js';
import { loginAs, startTestApp, testSecret, type Client, type TestApp } from '../../../test/test-app.js';
import { campaignInCityStage, cityIndicators } from '../../../test/evaluation-city-factories.js';
import { makeFieldworkPeople, pairThrough } from '../../../test/fieldwork-factories.js';

let t: TestApp;
let org: Client;
let campaignId: string;
let indicatorId: string;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
const village = () => t.city.villages.town1[0].id;
const evidenceUrl = (fileName: string) =>
  `/api/campaigns/${campaignId}/villages/${village()}/evidence?indicatorId=${indicatorId}&fileName=${encodeURIComponent(fileName)}`;
const evidenceFiles = () => {
  const dir = path.join(t.app.services.evidenceDir as string, t.city.countyId);
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2026));
  indicatorId = (await cityIndicators())[0]!.id;
});
afterAll(() => t.close());

describe('item 29: evidence files', () => {
  it('when a file is over the limit, then 413 and nothing is written to disk or listed', async () => {
    const res = await org.upload(evidenceUrl('大文件.pdf'), Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(evidenceFiles()).toEqual([]);
    expect((await org.get(`/api/campaigns/${campaignId}/villages/${village()}/evidence`)).json().items).toEqual([]);
  });

  it('when HTML or a program arrives declared as PDF or an image, then the bytes decide: 415 and nothing kept', async () => {
    for (const [body, type] of [[html, 'application/pdf'], [html, 'image/png'], [Buffer.from('MZ\x90\x00\x03'), 'application/pdf'], [Buffer.from('#!/bin/sh\nrm -rf /'), 'image/jpeg']] as const) {
      const res = await org.upload(evidenceUrl('材料.pdf'), body, type);
      expect([res.statusCode, res.json().error.code]).toEqual([415, 'evidence.type_not_allowed']);
    }
    expect(evidenceFiles()).toEqual([]);
  });

  it('when the file name tries to climb directories, then the stored name is only the base name and the file sits under a UUID outside the web root', async () => {
    const res = await org.upload(evidenceUrl('../../../etc/passwd'), pdf, 'application/octet-stream');
    expect(res.statusCode).toBe(200);
    const { id, fileName } = res.json();
    expect(fileName).toBe('passwd.pdf');
    expect(evidenceFiles()).toEqual([id]);
    const stored = path.resolve(t.app.services.evidenceDir as string);
    for (const root of [webDir, path.join(projectRoot, 'web')]) expect(path.relative(root, stored).startsWith('..')).toBe(true);
  });

  it('when the file is downloaded, then it is an attachment with the type its bytes showed, nosniff and no-store', async () => {
    const [item] = (await org.get(`/api/campaigns/${campaignId}/villages/${village()}/evidence`)).json().items;
    const res = await org.get(item.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''passwd.pdf");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when the id in the download path is a traversal, then 400 or 404, never a file', async () => {
    for (const id of ['..%2F..%2F..%2Fetc%2Fpasswd', '..', `${t.city.countyId}%2F..%2F..`]) {
      const res = await org.get(`/api/evidence/${id}/file`);
      expect([400, 404]).toContain(res.statusCode);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
  });
});

describe('item 29: visit photos', () => {
  it('when a photo is too big or not an image, then 413 and 415; a real PNG is served as an attachment with nosniff', async () => {
    const fp = await makeFieldworkPeople(t);
    await pairThrough(org, fp.leaderA, village());
    const leader = await loginAs(t.app, 'leader');
    const visit = await leader.post('/api/visits', { pairingId: (await org.get('/api/pairings')).json().items[0].id, visitDate: '2026-04-20', kind: '现场指导' });
    expect(visit.statusCode).toBe(200);
    const id = visit.json().id;
    expect((await leader.upload(`/api/visits/${id}/photos`, Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png')).statusCode).toBe(413);
    const fake = await leader.upload(`/api/visits/${id}/photos`, html, 'image/jpeg');
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'visit.photo_invalid']);
    expect((await leader.get(`/api/visits/${id}`)).json().photoIds).toEqual([]);
    const added = await leader.upload(`/api/visits/${id}/photos`, png, 'image/png');
    const photo = await leader.get(`/api/visit-photos/${added.json().photoIds[0]}`);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['content-disposition']).toMatch(/^attachment; filename="[0-9a-f-]{36}\.png"$/);
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('item 29: the static pages do not reach outside their folder', () => {
  let pages: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'item29-web-'));
    for (const part of ['admin', 'public', 'assets']) mkdirSync(path.join(dir, part));
    writeFileSync(path.join(dir, 'admin', 'index.html'), '<html><head></head><body>admin</body></html>');
    writeFileSync(path.join(dir, 'public', 'index.html'), '<html><head></head><body>public</body></html>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), 'SECRET-OUTSIDE-WEB-ROOT');
    pages = await buildApp({ database: t.database, secretKey: testSecret, secure: true, webDir: dir, evidenceDir: t.app.services.evidenceDir, now: t.clock.now });
    await pages.ready();
  });
  afterAll(async () => {
    await pages.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), { force: true });
  });

  it('when a URL climbs out of the web root or names a stored evidence file, then no file outside the pages is served', async () => {
    expect((await pages.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const secret = `${path.basename(dir)}-secret.txt`;
    const [evidenceId] = evidenceFiles();
    const attempts = [
      `/../${secret}`,
      `/assets/..%2f..%2f${secret}`,
      `/%2e%2e/%2e%2e/${secret}`,
      `/assets/%2e%2e%2f%2e%2e%2f${secret}`,
      '/assets/..%2f..%2fpackage.json',
      `/${t.city.countyId}/${evidenceId}`,
      `/evidence/${t.city.countyId}/${evidenceId}`,
    ];
    for (const url of attempts) {
      const res = await pages.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('SECRET-OUTSIDE-WEB-ROOT');
      expect(res.body, url).not.toContain('%PDF');
      expect(res.body, url).not.toContain('"devDependencies"');
    }
  });
});
