// Item 30: after a breach the people whose records an account revealed or exported are listed from
// the audit trail (`fivestar incident affected --account U --since DATE` runs affectedBy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { makePerson, testIdNumber } from '../../../test/training-factories.js';
import { affectedBy } from '../../features/audit/incident.service.js';

let t: TestApp;
let revealed: { id: string; name: string };
let notRevealed: { id: string; name: string };
let early: { id: string; name: string };
beforeAll(async () => {
  t = await startTestApp();
  const village = t.city.villages.town1[0];
  early = await makePerson(t.app.services, t.city.countyId, village, { name: '早看人', idNumber: testIdNumber(801) });
  revealed = await makePerson(t.app.services, t.city.countyId, village, { name: '被看人', idNumber: testIdNumber(802), phone: '13800000802' });
  notRevealed = await makePerson(t.app.services, t.city.countyId, village, { name: '他人看', idNumber: testIdNumber(803) });
  const first = await loginAs(t.app, 'orgadmin');
  expect((await first.post(`/api/people/${early.id}/reveal`, {})).statusCode).toBe(200);
  t.clock.advance(3 * 24 * 3600_000);
  const admin = await loginAs(t.app, 'orgadmin');
  expect((await admin.post(`/api/people/${revealed.id}/reveal`, {})).statusCode).toBe(200);
  expect((await admin.get('/api/org-units/export.xlsx')).statusCode).toBe(200);
  const town = await loginAs(t.app, 'town1');
  expect((await town.post(`/api/people/${notRevealed.id}/reveal`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('item 30: the people an account revealed or exported, from the audit trail', () => {
  it('when asked for orgadmin since yesterday, then the revealed person is listed (masked), with the export, and nothing else', async () => {
    const since = new Date(t.clock.now().getTime() - 24 * 3600_000);
    const report = await affectedBy(t.app.services, 'orgadmin', since);
    expect(report.people.map((p) => p.name)).toEqual(['被看人']);
    expect(report.people[0]?.idNumberMasked).not.toContain(testIdNumber(802));
    expect(report.records.map((r) => `${r.event}:${r.objectType}`)).toEqual(['export:org_unit']);
  });

  it('when the window starts earlier, then the earlier reveal is included too, in time order', async () => {
    const report = await affectedBy(t.app.services, 'orgadmin', new Date('2026-01-01T00:00:00Z'));
    expect(report.people.map((p) => p.name)).toEqual(['早看人', '被看人']);
  });
});
