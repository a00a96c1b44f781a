// Item 23: ID numbers, phones and the discipline/petition register (person, facts, decision note)
// are encrypted per column with AES-256-GCM (server/security/field-crypto.ts). The test reads the
// raw rows: each such column holds a ciphertext that decrypts to what was sent, the same value
// encrypts differently each time, no table anywhere holds the plaintext, and an edited ciphertext
// is refused instead of read as something else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { makeAccount } from '../../../test/factories.js';
import { createFieldCrypto } from '../field-crypto.js';

let t: TestApp;
let v11: Client;
let org: Client;
const ciphertext = /^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/;
const secrets = {
  idNumber: '99999919800101002X',
  phone: '13812341234',
  violator: '欧阳违纪',
  details: '收受工程款回扣两万元，已退缴',
  note: '经核查属实，移送处理',
};

type Row = Record<string, string | null>;
const rows = async (query: ReturnType<typeof sql>) => ((await t.app.services.db.execute(query)) as unknown as { rows: Row[] }).rows;

/** Every row of every table in the schema, as text: what a stolen database copy would show. */
async function wholeDatabase(): Promise<string> {
  const tables = await rows(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  expect(tables.length).toBeGreaterThan(30);
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const found = await rows(sql.raw(`SELECT row_to_json(x)::text AS j FROM "${table_name}" x`));
    dumps.push(...found.map((r) => r.j as string));
  }
  return dumps.join('\n');
}

let personId: string;
let violationId: string;
beforeAll(async () => {
  t = await startTestApp();
  v11 = await loginAs(t.app, 'v11');
  org = await loginAs(t.app, 'orgadmin');
  await makeAccount(t.app.services, t.city.countyId, 'inspector1', 'inspector', t.city.city.id);
  await makeAccount(t.app.services, t.city.countyId, 'inspector2', 'inspector', t.city.city.id);
  const village = t.city.villages.town1[0].id;
  const person = await v11.post('/api/people', { orgUnitId: village, name: '测试甲', gender: '男', birthYear: 1980, idNumber: secrets.idNumber, phone: secrets.phone, partyMember: true, positions: [] });
  expect(person.statusCode).toBe(200);
  personId = person.json().id;
  // A second person with the same phone: the same plaintext must not give the same ciphertext.
  expect((await v11.post('/api/people', { orgUnitId: village, name: '测试乙', gender: '女', idNumber: null, phone: secrets.phone, partyMember: false, positions: [] })).statusCode).toBe(200);
  const registrar = await loginAs(t.app, 'inspector1');
  const violation = await registrar.post('/api/violations', { villageId: village, personName: secrets.violator, category: 'petition', occurredOn: '2026-02-12', details: secrets.details });
  expect(violation.statusCode).toBe(200);
  violationId = violation.json().id;
  const decided = await (await loginAs(t.app, 'inspector2')).post(`/api/violations/${violationId}/decide`, { to: 'confirmed', note: secrets.note });
  expect(decided.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('item 23: personal data encrypted per column', () => {
  it('when a person is stored, then ID number and phone are AES-GCM ciphertexts that decrypt to what was sent, and equal phones differ in storage', async () => {
    const [row] = await rows(sql`SELECT id_number_enc, id_number_hmac, phone_enc FROM people WHERE id = ${personId}`);
    expect(row?.id_number_enc).toMatch(ciphertext);
    expect(row?.phone_enc).toMatch(ciphertext);
    expect(t.app.services.crypto.decrypt(row?.id_number_enc as string)).toBe(secrets.idNumber);
    expect(t.app.services.crypto.decrypt(row?.phone_enc as string)).toBe(secrets.phone);
    expect(row?.id_number_hmac).toMatch(/^[0-9a-f]{64}$/);
    const phones = await rows(sql`SELECT phone_enc FROM people WHERE county_id = ${t.city.countyId} AND phone_enc IS NOT NULL`);
    expect(phones).toHaveLength(2);
    expect(phones[0]?.phone_enc).not.toBe(phones[1]?.phone_enc);
  });

  it('when a discipline/petition record is registered and decided, then the person, the facts and the decision note are ciphertexts', async () => {
    const [row] = await rows(sql`SELECT person_name_enc, person_name_masked, details_enc, decision_note_enc FROM violation_records WHERE id = ${violationId}`);
    for (const [column, plain] of [['person_name_enc', secrets.violator], ['details_enc', secrets.details], ['decision_note_enc', secrets.note]] as const) {
      expect(row?.[column], column).toMatch(ciphertext);
      expect(t.app.services.crypto.decrypt(row?.[column] as string)).toBe(plain);
    }
    expect(row?.person_name_masked).not.toBe(secrets.violator);
  });

  it('when the whole database is read as a copy would be, then no table holds any of the plaintexts (audit rows and seals included)', async () => {
    const dump = await wholeDatabase();
    expect(dump).toContain(personId);
    for (const plain of Object.values(secrets)) expect(dump, plain).not.toContain(plain);
  });

  it('when the key is another one, then the stored values cannot be read', async () => {
    const [row] = await rows(sql`SELECT phone_enc FROM people WHERE id = ${personId}`);
    expect(() => createFieldCrypto(Buffer.alloc(32, 9)).decrypt(row?.phone_enc as string)).toThrow();
  });

  it('when a ciphertext is edited in the database, then revealing it fails instead of showing another value', async () => {
    const [row] = await rows(sql`SELECT phone_enc FROM people WHERE id = ${personId}`);
    const [version, iv, tag, body] = (row?.phone_enc as string).split('.');
    const flipped = Buffer.from(body as string, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    await t.app.services.db.execute(sql`UPDATE people SET phone_enc = ${[version, iv, tag, flipped.toString('base64')].join('.')} WHERE id = ${personId}`);
    const res = await org.post(`/api/people/${personId}/reveal`, {});
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('1381234');
  });
});
