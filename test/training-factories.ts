// Training test data: people with positions and contact data in the TestCity, and session inputs.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/context.js';
import { insertPeople, insertPositions } from '../server/features/people/people.queries.js';
import { encodeContact } from '../server/features/people/contact-data.js';
import type { PositionTitle } from '../shared/contracts/people.js';
import type { SessionCreate } from '../shared/contracts/training.js';
import { loginAs, type Client } from './test-app.js';
import type { TestCity } from './factories.js';

type Unit = { id: string; path: string };

export type TestPerson = { id: string; name: string; phone: string | null; idNumber: string | null };

let serial = 0;

/** A valid-looking fictional ID number (region 999999) whose last digits follow the serial. */
export function testIdNumber(n: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `99999919800101${String(n % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

/** Inserts a person with current positions (from 2024-01-01) at the unit. */
export async function makePerson(
  services: Services,
  countyId: string,
  unit: Unit,
  opts: { name?: string; titles?: PositionTitle[]; phone?: string | null; idNumber?: string | null; startDate?: string; endDate?: string | null } = {},
): Promise<TestPerson> {
  serial++;
  const id = randomUUID();
  const name = opts.name ?? `测试人${serial}`;
  const phone = opts.phone === undefined ? `1390000${String(serial).padStart(4, '0')}` : opts.phone;
  const idNumber = opts.idNumber === undefined ? null : opts.idNumber;
  await insertPeople(services.db, [
    { id, countyId, orgUnitId: unit.id, orgPath: unit.path, name, gender: '男', partyMember: true, ...encodeContact(services.crypto, { idNumber, phone }) },
  ]);
  const titles = opts.titles ?? ['两委委员'];
  await insertPositions(
    services.db,
    titles.map((title) => ({ countyId, personId: id, orgUnitId: unit.id, title, startDate: opts.startDate ?? '2024-01-01', endDate: opts.endDate ?? null })),
  );
  return { id, name, phone, idNumber };
}

/** A lecture organized by the city on the test clock's day (2026-03-02), unless overridden. */
export function sessionInput(city: TestCity, overrides: Partial<SessionCreate> = {}): SessionCreate {
  return {
    courseType: 'lecture',
    category: '思想理论',
    topic: '学习贯彻党的二十大精神专题辅导',
    orgUnitId: city.city.id,
    organizer: '市委组织部',
    partners: [],
    lecturer: '市委党校 张老师',
    date: '2026-03-02',
    place: '市委党校报告厅',
    hours: 3,
    audience: ['两委干部'],
    ...overrides,
  };
}

export async function createSession(client: Client, input: SessionCreate): Promise<{ id: string } & Record<string, unknown>> {
  const res = await client.post('/api/training/sessions', input);
  if (res.statusCode !== 200) throw new Error(`create session: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Opens QR sign-in and returns the token from the link's path. */
export async function openSignIn(client: Client, sessionId: string): Promise<string> {
  const res = await client.post(`/api/training/sessions/${sessionId}/sign-in/open`);
  if (res.statusCode !== 200) throw new Error(`open sign-in: ${res.statusCode} ${res.body}`);
  return String(res.json().path).replace('/m/sign-in/', '');
}

export function publicSignIn(app: FastifyInstance, token: string, body: unknown, ip = '10.9.0.1') {
  return app.inject({ method: 'POST', url: `/api/public/sign-in/${token}`, payload: body as object, remoteAddress: ip });
}

/** The first sheet of an .xlsx as objects keyed by the header row (what a user sees). */
export async function readSheet(data: Buffer): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.value ?? '')));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const out: Record<string, string> = {};
    headers.forEach((h, col) => h && (out[h] = String(row.getCell(col).value ?? '')));
    rows.push(out);
  });
  return rows;
}

/** A one-sheet workbook with the headers and rows given (values keyed by header). */
export async function buildSheet(headers: string[], rows: Record<string, string | number>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('考勤');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Logs in several test accounts at once, typed as a tuple. */
export function loginEach<const N extends readonly string[]>(app: FastifyInstance, names: N): Promise<{ [K in keyof N]: Client }> {
  return Promise.all(names.map((n) => loginAs(app, n))) as Promise<{ [K in keyof N]: Client }>;
}
