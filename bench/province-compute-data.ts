// Seeded data for the province compute benchmark: the province-sized tenant of api-data.ts (one
// cadre per village: people do not enter the rating), a 60-indicator standard (rate-engine.bench's,
// its formula indicators reading the problem list and commitments), a campaign advanced to city
// assessment through the API, and what 生成定星建议 reads: 3 stages × 56 scores per village,
// paper surveys, problems and commitments (the figures), town scores and ~1 % violations.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/context.js';
import { users } from '../server/db/schema/core.js';
import { commitments, problems } from '../server/db/schema/fieldwork.js';
import { selectAllOrgUnits } from '../server/features/orgs/orgs.queries.js';
import { upsertSheetEntries } from '../server/features/evaluation/sheets/sheets.queries.js';
import { upsertSurveys } from '../server/features/evaluation/mutual/surveys.queries.js';
import { insertViolations } from '../server/features/evaluation/city/violations.queries.js';
import { upsertTownScore } from '../server/features/evaluation/results/results.queries.js';
import type { Standard } from '../shared/standards/standard.js';
import { benchPassword, loadDataset, type Dataset } from './api-data.js';
import { benchStandard } from './rate-engine.bench.js';
import { createPrng } from './prng.js';

export type ComputeTenant = { data: Dataset; campaignId: string; cookie: string; csrf: string; year: number; rows: Record<string, number> };

/** benchStandard with its 4 formula indicators on figures the application collects. */
export function provinceStandard(): Standard {
  const s = benchStandard();
  const ratio = (id: string, name: string, numerator: string, denominator: string) => ({ id, name, unit: '%', ratio: { numerator, denominator, scale: 100, whenDenominatorZero: 100 } });
  s.figures = [
    { id: 'problemsListed', name: '问题清单数', unit: '项' },
    { id: 'problemsClosed', name: '已销号问题数', unit: '项' },
    { id: 'commitmentsMade', name: '承诺事项数', unit: '项' },
    { id: 'commitmentsFulfilled', name: '已兑现承诺数', unit: '项' },
    ratio('problemRate', '问题销号率', 'problemsClosed', 'problemsListed'),
    ratio('commitmentRate', '承诺兑现率', 'commitmentsFulfilled', 'commitmentsMade'),
  ];
  let k = 0;
  for (const d of s.dimensions) {
    for (const i of d.indicators) if (i.kind === 'formula') i.formula.figure = k++ % 2 ? 'commitmentRate' : 'problemRate';
  }
  return { ...s, id: 'province-bench', name: '省级基准评星标准' };
}

async function call(app: FastifyInstance, method: 'GET' | 'POST', url: string, cookie: string, csrf: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { cookie, ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) }, ...(payload ? { payload } : {}) });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
}

const half = (max: number, q: number, r: number) => Math.round(max * Math.min(1, Math.max(0, q + (r - 0.5) * 0.3)) * 2) / 2;

export async function seedProvinceCompute(app: FastifyInstance, villageCount: number, year = 2032): Promise<ComputeTenant> {
  const services = app.services as Services;
  const { db } = services;
  const towns = Math.max(1, Math.round(villageCount / 50));
  const data = await loadDataset(services, { name: 'province', towns, villages: villageCount, peoplePerVillage: [1, 1] }, 20260305);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.77.0.1', payload: { username: data.users.cityAdmin, password: benchPassword } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
  const c = login.cookies[0];
  const cookie = `${c?.name}=${c?.value}`;
  const csrf = login.json().csrfToken as string;
  const standard = provinceStandard();
  const std = await call(app, 'POST', '/api/standards', cookie, csrf, { document: standard });
  const windows = {
    mutual: { opens: `${year}-03-01`, closes: `${year}-03-31` },
    department: { opens: `${year}-04-01`, closes: `${year}-04-30` },
    city: { opens: `${year}-05-01`, closes: `${year}-05-31` },
  };
  const campaign = await call(app, 'POST', '/api/campaigns', cookie, csrf, { year, name: `${year}年度五星级创建（省级基准）`, standardId: std.id, windows });
  const campaignId = campaign.id as string;
  for (const to of ['mutual', 'department', 'city']) await call(app, 'POST', `/api/campaigns/${campaignId}/advance`, cookie, csrf, { to, reason: '基准数据：直接进入市级考评' });

  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, data.users.cityAdmin));
  const enteredBy = admin?.id as string;
  const enteredAt = services.now();
  const units = (await selectAllOrgUnits(db, data.countyId, ['/'])).filter((u) => u.level === 'village');
  const scored = standard.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'scored');
  const prng = createPrng(year);
  const rows = { scores: 0, surveys: 0, problems: 0, commitments: 0, violations: 0, townScores: 0 };
  const stages = ['mutual', 'department', 'city'] as const;
  type Entry = Parameters<typeof upsertSheetEntries>[1][number];
  let entries: Entry[] = [];
  let surveys: Parameters<typeof upsertSurveys>[1] = [];
  let problemRows: (typeof problems.$inferInsert)[] = [];
  let commitmentRows: (typeof commitments.$inferInsert)[] = [];
  const violations: Parameters<typeof insertViolations>[1] = [];
  // Multi-row inserts of a few thousand rows (under the 65,535 parameters of one statement).
  const flush = async (force: boolean) => {
    const due = (n: number, at: number) => n >= at || (force && n > 0);
    if (due(entries.length, 5000)) {
      await upsertSheetEntries(db, entries);
      rows.scores += entries.length;
      entries = [];
    }
    if (due(surveys.length, 2000)) {
      await upsertSurveys(db, surveys);
      rows.surveys += surveys.length;
      surveys = [];
    }
    if (due(problemRows.length, 2000)) {
      await db.insert(problems).values(problemRows);
      rows.problems += problemRows.length;
      problemRows = [];
    }
    if (due(commitmentRows.length, 2000)) {
      await db.insert(commitments).values(commitmentRows);
      rows.commitments += commitmentRows.length;
      commitmentRows = [];
    }
  };
  for (const v of units) {
    const quality = 0.55 + prng.next() * 0.45;
    for (const stage of stages) {
      for (const i of scored) entries.push({ countyId: data.countyId, campaignId, stage, villageId: v.id, orgPath: v.path, indicatorId: i.id, points: half(i.maxPoints, quality, prng.next()), enteredBy, enteredAt });
    }
    const sample = 50;
    const satisfied = Math.round(sample * quality);
    const basically = Math.min(sample - satisfied, prng.int(0, 10));
    surveys.push({ countyId: data.countyId, campaignId, villageId: v.id, orgPath: v.path, sampleSize: sample, satisfied, basicallySatisfied: basically, unsatisfied: sample - satisfied - basically, surveyDate: `${year}-03-15`, enteredBy, enteredAt });
    const listed = prng.int(2, 6);
    for (let p = 0; p < listed; p++) {
      const closed = prng.next() < quality;
      problemRows.push({ countyId: data.countyId, villageId: v.id, orgPath: v.path, year, title: `问题${p + 1}`, category: '基础设施', source: '入户走访', reportedDate: `${year}-02-10`, status: closed ? 'resolved' : 'open', resolvedDate: closed ? `${year}-04-10` : null });
    }
    const made = prng.int(2, 4);
    for (let p = 0; p < made; p++) {
      const kept = prng.next() < quality;
      commitmentRows.push({ countyId: data.countyId, villageId: v.id, orgPath: v.path, year, category: '为民办事', title: `承诺${p + 1}`, status: kept ? 'settled' : 'in_progress', outcome: kept ? 'fulfilled' : null });
    }
    const roll = prng.next();
    if (roll < 0.005 || roll > 0.995) {
      violations.push({
        countyId: data.countyId, seq: violations.length + 1, villageId: v.id, orgPath: v.path, category: roll < 0.005 ? 'discipline' : 'petition', occurredOn: `${year}-02-01`, status: 'confirmed',
        personNameEnc: services.crypto.encrypt('基准人员'), personNameMasked: '基*', reportedBy: enteredBy, reportedAt: enteredAt, decidedBy: enteredBy, decidedAt: enteredAt, updatedAt: enteredAt,
      });
    }
    await flush(false);
  }
  await flush(true);
  if (violations.length) await insertViolations(db, violations);
  rows.violations = violations.length;
  for (const t of data.towns) await upsertTownScore(db, { countyId: data.countyId, campaignId, townId: t.id, score: prng.int(60, 98), enteredBy, enteredAt });
  rows.townScores = data.towns.length;
  return { data, campaignId, cookie, csrf, year, rows };
}
