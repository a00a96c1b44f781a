// Item 17: when the audit row cannot be written, the business change fails with it and the data
// stays as it was. The test breaks the audit store the way a full disk or a revoked grant would:
// a trigger (created by the owner) makes the insert of chosen events fail. Runs on PGlite and on
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';

let t: TestApp;
let town1: Client;
let v11: Client;
let inspector: Client;

const failing = ['org.update', 'person.create', 'problem.create', 'violation.create', 'auth.login'];

async function breakAuditFor(events: string[]) {
  const list = events.map((e) => `'${e}'`).join(', ');
  await t.database.runAsOwner(`
    CREATE OR REPLACE FUNCTION item17_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.event IN (${list}) THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS item17_refuse_audit ON audit_log;
    CREATE TRIGGER item17_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION item17_refuse_audit();`);
}
const repairAudit = () => t.database.runAsOwner('DROP TRIGGER IF EXISTS item17_refuse_audit ON audit_log');

const one = async <T>(query: ReturnType<typeof sql>) => ((await t.app.services.db.execute(query)) as unknown as { rows: T[] }).rows[0] as T;
const count = async (table: 'people' | 'problems' | 'violation_records' | 'sessions') =>
  Number((await one<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).n);
const chainHead = async () => one<{ seq: string; hash: string }>(sql`SELECT seq::text AS seq, hash FROM audit_chain WHERE county_id = ${t.city.countyId}`);

const person = { name: '测试丁', gender: '男', birthYear: 1980, idNumber: '99999919800101002X', phone: '13812341234', partyMember: true, positions: [] };
const problem = { title: '路灯损坏', category: '基础设施', source: '逐户走访', reportedDate: '2026-02-10' };
const violation = { personName: '张三', category: 'discipline', occurredOn: '2026-02-12' };

beforeAll(async () => {
  t = await startTestApp();
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  town1 = await loginAs(t.app, 'town1');
  v11 = await loginAs(t.app, 'v11');
  inspector = await loginAs(t.app, 'inspector1');
  await breakAuditFor(failing);
});
afterAll(async () => {
  await repairAudit();
  await t.close();
});

describe('item 17: no business change without its audit row', () => {
  it('when the audit insert fails, then renaming a village answers an error with a code and the name is unchanged', async () => {
    const village = t.city.villages.town1[0];
    const head = await chainHead();
    const res = await town1.patch(`/api/org-units/${village.id}`, { name: '未审计的名字' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    const row = await one<{ name: string }>(sql`SELECT name FROM org_units WHERE id = ${village.id}`);
    expect(row.name).toBe(village.name);
    expect(await chainHead()).toEqual(head);
  });

  it('when the audit insert fails, then no person, problem or discipline record is created', async () => {
    const before = { people: await count('people'), problems: await count('problems'), violations: await count('violation_records') };
    expect((await v11.post('/api/people', { ...person, orgUnitId: t.city.villages.town1[0].id })).statusCode).toBe(500);
    expect((await v11.post('/api/problems', { ...problem, villageId: t.city.villages.town1[0].id })).statusCode).toBe(500);
    expect((await inspector.post('/api/violations', { ...violation, villageId: t.city.villages.town1[0].id })).statusCode).toBe(500);
    expect({ people: await count('people'), problems: await count('problems'), violations: await count('violation_records') }).toEqual(before);
  });

  it('when the audit insert of a login fails, then no session is opened and no cookie is given', async () => {
    const sessions = await count('sessions');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'v21', password: 'Test-Password-2026' } });
    expect(res.statusCode).toBe(500);
    expect(res.cookies.filter((c) => c.value)).toHaveLength(0);
    expect(await count('sessions')).toBe(sessions);
  });

  it('when the audit store works again, then the same writes succeed and the chain verifies without a gap', async () => {
    await repairAudit();
    const village = t.city.villages.town1[0];
    expect((await town1.patch(`/api/org-units/${village.id}`, { name: '甲一新村' })).statusCode).toBe(200);
    expect((await v11.post('/api/people', { ...person, orgUnitId: village.id })).statusCode).toBe(200);
    expect((await inspector.post('/api/violations', { ...violation, villageId: village.id })).statusCode).toBe(200);
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, truncated: false });
  });
});
