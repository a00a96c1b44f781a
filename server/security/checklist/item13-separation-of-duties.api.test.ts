// Checklist item 13 (ASVS 4.3.3): separation of duties in the star decision. The officer who
// registers a violation never confirms it; an account that scores villages (here an inspector
// who also sits as a judge) never confirms a veto; a judge cannot reach the decision at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { replaceRoleGrants } from '../../features/accounts/accounts.queries.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-05-06T02:00:00Z'));
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'inspector2', 'inspector', t.city.city.id);
  const both = await makeAccount(t.app.services, t.city.countyId, 'inspjudge', 'inspector', t.city.city.id);
  await replaceRoleGrants(t.app.services.db, t.city.countyId, both, [{ role: 'inspector', orgUnitId: t.city.city.id }, { role: 'judge', orgUnitId: t.city.city.id }]);
  await makeAccount(t.app.services, t.city.countyId, 'judge1', 'judge', t.city.city.id);
});
afterAll(() => t.close());

describe('item 13: the registrar is not the confirmer, no scorer confirms a veto', () => {
  it('when the registrar, a scoring officer or a judge tries to confirm, then each is refused; another officer confirms, once, audited', async () => {
    const registrar = await loginAs(t.app, 'inspector1');
    const id = (await registrar.post('/api/violations', { villageId: t.city.villages.town1[0].id, personName: '张三', category: 'discipline', occurredOn: '2026-04-12' })).json().id as string;
    const body = { to: 'confirmed', note: '属实' };
    expect((await registrar.post(`/api/violations/${id}/decide`, body)).json().error.code).toBe('violation.own_record');
    expect((await (await loginAs(t.app, 'inspjudge')).post(`/api/violations/${id}/decide`, body)).json().error.code).toBe('violation.scorer_cannot_decide');
    expect((await (await loginAs(t.app, 'judge1')).post(`/api/violations/${id}/decide`, body)).statusCode).toBe(403);
    expect(await auditRows(t.app, 'violation.confirm')).toHaveLength(0);
    const res = await (await loginAs(t.app, 'inspector2')).post(`/api/violations/${id}/decide`, body);
    expect(res.json()).toMatchObject({ status: 'confirmed', decidedByName: 'inspector2 测试', reportedByName: 'inspector1 测试' });
    expect(await auditRows(t.app, 'violation.confirm')).toHaveLength(1);
  });
});
