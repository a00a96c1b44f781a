// Item 16: the application's database login cannot UPDATE/DELETE/TRUNCATE audit rows, nor become
// the owner; the hash chain verifies and reports edits, deletions and a cut of the newest rows
// (the anchored head); exports carry the head. The role checks need PostgreSQL (PGlite has one
// user, which is what its start-up line says); the chain checks run on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { openTestDatabase } from '../../../test/test-database.js';
import { partitionedRun, partitionIfAsked } from '../../../test/partitioned.js';
import { makeCity } from '../../../test/factories.js';
import { loginAs, makeClock, testSecret, type Client } from '../../../test/test-app.js';

const adminUrl = process.env.DATABASE_URL;
const suffix = randomBytes(4).toString('hex');
const names = { db: `fivestar_roles_${suffix}`, owner: `fivestar_owner_${suffix}`, server: `fivestar_server_${suffix}` };
const urlFor = (user: string, db: string) => {
  const u = new URL(adminUrl as string);
  u.username = user;
  u.password = 'test-only-password';
  u.pathname = `/${db}`;
  return u.toString();
};
async function asAdmin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let database: Database;
let app: FastifyInstance;
let auditor: Client;
let countyId: string;

beforeAll(async () => {
  if (adminUrl) {
    // As the DBA would (docs/operations.md): an owner that runs migrations, a login for the server.
    await asAdmin(`CREATE ROLE ${names.owner} LOGIN CREATEROLE PASSWORD 'test-only-password'`);
    await asAdmin(`CREATE ROLE ${names.server} LOGIN PASSWORD 'test-only-password'`);
    await asAdmin(`CREATE DATABASE ${names.db} OWNER ${names.owner}`);
    database = await openDatabase({ kind: 'postgres', url: urlFor(names.server, names.db), ownerUrl: urlFor(names.owner, names.db), poolSize: 3 });
    // The partitioned run rebuilds audit_log as that owner, not as a superuser.
    await partitionIfAsked(database);
    // After the first migration the application role exists: the server login gets it, nothing else.
    await asAdmin(`GRANT fivestar_app TO ${names.server}`);
  } else {
    database = await openTestDatabase();
  }
  app = await buildApp({ database, secretKey: testSecret, secure: true, now: makeClock().now });
  await app.ready();
  countyId = (await makeCity(app.services)).countyId;
  auditor = await loginAs(app, 'auditor');
  await loginAs(app, 'orgadmin');
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody-${suffix}`, password: 'x' } });
  await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody2-${suffix}`, password: 'x' } });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (adminUrl) {
    await asAdmin(`DROP DATABASE IF EXISTS ${names.db} WITH (FORCE)`);
    await asAdmin(`DROP ROLE IF EXISTS ${names.server}`);
    await asAdmin(`DROP ROLE IF EXISTS ${names.owner}`);
  }
});

describe.runIf(adminUrl)("item 16 on PostgreSQL: the server's login cannot change the audit trail", () => {
  const asServer = async (sql: string) => {
    const c = new pg.Client({ connectionString: urlFor(names.server, names.db) });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };

  it('when the server logs in, then it is not the owner of anything and holds the application role only', async () => {
    expect(database.leastPrivilege).toBe(true);
    const owned = await asServer(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`);
    expect(owned.rows[0].n).toBe(0);
    const member = await asServer(`SELECT pg_has_role(current_user, '${names.owner}', 'MEMBER') AS m`);
    expect(member.rows[0].m).toBe(false);
  });

  const partitions = partitionedRun ? ["UPDATE audit_log_p0 SET outcome = 'success'", 'DELETE FROM audit_log_p3', 'TRUNCATE audit_log_p1'] : [];
  for (const statement of ['UPDATE audit_log SET outcome = \'success\'', 'DELETE FROM audit_log', 'TRUNCATE audit_log', 'UPDATE audit_anchors SET seq = 0', 'DELETE FROM audit_anchors', "INSERT INTO audit_purges VALUES (gen_random_uuid(), 1, 'x', now(), now(), 1)", ...partitions]) {
    it(`when the server's login runs "${statement}" (even after RESET ROLE), then PostgreSQL refuses it`, async () => {
      await expect(asServer(statement)).rejects.toThrow(/permission denied/);
      await expect(asServer(`RESET ROLE; ${statement}`)).rejects.toThrow(/permission denied/);
    });
  }

  it("when the server's login tries SET ROLE to the owner, then PostgreSQL refuses it", async () => {
    await expect(asServer(`SET ROLE ${names.owner}`)).rejects.toThrow(/permission denied/);
  });
});

describe('item 16: the chain verifies and shows edits and cuts (PGlite and PostgreSQL)', () => {
  it('when nothing was touched, then both chains (the county and unknown-name failures) verify', async () => {
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, truncated: false, unknownNames: { ok: true } });
    expect(res.json().unknownNames.checked).toBeGreaterThanOrEqual(2);
  });

  it('when an export is made, then the workbook carries the anchored head on a sheet of its own', async () => {
    const res = await auditor.get('/api/audit/export.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('链头');
    const verify = (await auditor.get('/api/audit/verify')).json();
    expect(Number(sheet?.getRow(2).getCell(1).value)).toBe(verify.head.seq - 1);
    expect(String(sheet?.getRow(2).getCell(2).value)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the owner deletes the newest rows and rewinds audit_chain, then verification reports the cut', async () => {
    const before = (await auditor.get('/api/audit/verify')).json();
    const { seq } = before.head;
    await database.runAsOwner(`
      DELETE FROM audit_log WHERE county_id = '${countyId}' AND seq > ${seq - 2};
      UPDATE audit_chain c SET seq = l.seq, hash = l.hash FROM audit_log l WHERE c.county_id = '${countyId}' AND l.county_id = c.county_id AND l.seq = ${seq - 2};`);
    const after = (await auditor.get('/api/audit/verify')).json();
    expect(after).toMatchObject({ ok: false, truncated: true });
  });

  it('when the owner edits a failed login of an unknown name, then the unknown-name chain is reported broken', async () => {
    await database.runAsOwner(`UPDATE audit_log SET ip = '10.9.9.9' WHERE username = 'nobody-${suffix}'`);
    const res = (await auditor.get('/api/audit/verify')).json();
    expect(res.ok).toBe(false);
    expect(res.unknownNames.ok).toBe(false);
  });
});
