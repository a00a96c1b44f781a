import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createSession, loginEach, makePerson, sessionInput, type TestPerson } from '../../../test/training-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let town2: Client;
let v11: Client;
let farmer: TestPerson; // 甲一村
let breeder: TestPerson; // 乙一村
let mentoring: string;

beforeAll(async () => {
  t = await startTestApp();
  [org, town1, town2, v11] = await loginEach(t.app, ['orgadmin', 'town1', 'town2', 'v11'] as const);
  farmer = await makePerson(t.app.services, t.city.countyId, t.city.villages.town1[0], { name: '木耳王', titles: ['土专家'] });
  breeder = await makePerson(t.app.services, t.city.countyId, t.city.villages.town2[0], { name: '养牛李', titles: ['田秀才'] });
  mentoring = (await createSession(org, sessionInput(t.city, { courseType: 'mentoring', category: '种植养殖', topic: '食用菌栽培' }))).id;
});
afterAll(() => t.close());

const expertInput = (personId: string, extra: Record<string, unknown> = {}) => ({
  personId,
  kind: '土专家',
  field: '种植',
  specialty: '黑木耳栽培',
  description: '带动周边村发展木耳大棚',
  cultivatedBySessionId: mentoring,
  helpedVillageIds: [t.city.villages.town1[1].id, t.city.villages.town2[1].id],
  ...extra,
});

describe('local-expert pool', () => {
  let expertId: string;

  it('when a town admin adds one of its people, then the expert shows the training that cultivated them and the villages helped', async () => {
    const res = await town1.post('/api/training/experts', expertInput(farmer.id));
    expect(res.statusCode).toBe(200);
    expertId = res.json().id;
    expect(res.json()).toMatchObject({
      name: '木耳王',
      orgUnitName: '甲一村',
      kind: '土专家',
      specialty: '黑木耳栽培',
      cultivatedBy: { sessionId: mentoring, topic: '食用菌栽培', date: '2026-03-02' },
      helpedVillages: [
        { id: t.city.villages.town1[1].id, name: '甲二村' },
        { id: t.city.villages.town2[1].id, name: '乙二村' },
      ],
      active: true,
    });
    expect((await auditRows(t.app, 'training.expert_create'))[0]).toMatchObject({ username: 'town1', object_id: expertId, after: { specialty: '黑木耳栽培' } });
  });

  it('when the same person is added twice, a person of another town, a town as helped village, or an unknown session, then coded refusals', async () => {
    expect((await town1.post('/api/training/experts', expertInput(farmer.id))).json().error.code).toBe('training.expert_exists');
    expect((await town1.post('/api/training/experts', expertInput(breeder.id))).json().error.code).toBe('person.not_found');
    expect((await org.post('/api/training/experts', expertInput(breeder.id, { helpedVillageIds: [t.city.towns[0].id] }))).json().error.code).toBe('training.invalid_village');
    expect((await org.post('/api/training/experts', expertInput(breeder.id, { cultivatedBySessionId: t.city.city.id }))).json().error.code).toBe('training.session_not_found');
    expect((await org.post('/api/training/experts', expertInput(breeder.id, { field: '航天' }))).statusCode).toBe(400);
    expect((await v11.post('/api/training/experts', expertInput(farmer.id))).statusCode).toBe(403);
  });

  it('when searched by specialty, field or name, then matches come back; each town sees its own people', async () => {
    const made = await org.post('/api/training/experts', expertInput(breeder.id, { kind: '田秀才', field: '养殖', specialty: '延边黄牛养殖', description: '繁育良种黄牛', cultivatedBySessionId: null, helpedVillageIds: [] }));
    expect(made.statusCode).toBe(200);
    const names = async (client: Client, q: string) => (await client.get(`/api/training/experts?${q}`)).json().items.map((e: { name: string }) => e.name);
    expect(await names(org, 'q=木耳')).toEqual(['木耳王']);
    expect(await names(org, 'q=黄牛')).toEqual(['养牛李']);
    expect(await names(org, 'q=养牛')).toEqual(['养牛李']);
    expect(await names(org, 'field=养殖')).toEqual(['养牛李']);
    expect(await names(org, 'kind=土专家')).toEqual(['木耳王']);
    expect(await names(town2, '')).toEqual(['养牛李']);
    expect(await names(v11, '')).toEqual(['木耳王']);
    expect(await names(org, `orgUnitId=${t.city.towns[1].id}`)).toEqual(['养牛李']);
    expect((await v11.get(`/api/training/experts/${made.json().id}`)).statusCode).toBe(404);
  });

  it('when the expert is changed or retired, then the change is stored and audited; another town cannot touch it', async () => {
    const res = await town1.patch(`/api/training/experts/${expertId}`, { specialty: '黑木耳、香菇栽培', helpedVillageIds: [t.city.villages.town1[1].id], active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ specialty: '黑木耳、香菇栽培', active: false, helpedVillages: [{ name: '甲二村' }] });
    const audit = (await auditRows(t.app, 'training.expert_update'))[0];
    expect(audit).toMatchObject({ before: { specialty: '黑木耳栽培', active: true }, after: { specialty: '黑木耳、香菇栽培', active: false } });
    expect((await town2.patch(`/api/training/experts/${expertId}`, { active: true })).json().error.code).toBe('training.expert_not_found');
    expect((await town1.patch(`/api/training/experts/${expertId}`, { personId: breeder.id })).json().error.code).toBe('validation.unknown_field');
    expect((await org.get('/api/training/experts?active=true')).json().items.map((e: { name: string }) => e.name)).toEqual(['养牛李']);
  });

  it('when the overview counts experts, then only active ones in scope count', async () => {
    expect((await org.get('/api/training/overview')).json().totals.experts).toBe(1);
    expect((await town1.get('/api/training/overview')).json().totals.experts).toBe(0);
  });
});
