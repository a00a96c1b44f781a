// Seeded data for the HTTP load benchmark: the county (50 villages) and the province (10,000
// villages) tenants of api-data.ts, each with a campaign in its public notice whose results (one
// row per village, ranked, sealed as the application seals them) are in place. The campaign is
// created through the API; its results are written by the query functions that 定星 uses, so the
// read paths under test see exactly the rows they see in production.
import { eq, and } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/context.js';
import { campaigns } from '../server/db/schema/evaluation.js';
import { selectAllOrgUnits } from '../server/features/orgs/orgs.queries.js';
import { replaceResults } from '../server/features/evaluation/results/results.queries.js';
import { sealRows } from '../server/features/evaluation/seals/seals.service.js';
import { loadShippedStandards } from '../server/features/standards/shipped-standards.js';
import { benchPassword, loadDataset, scales, type Dataset, type ScaleName } from './api-data.js';
import { createPrng } from './prng.js';

export type SeededTenant = { scale: ScaleName; data: Dataset; campaignId: string; sampleVillageId: string; sampleTownId: string };

async function inject(app: FastifyInstance, method: 'GET' | 'POST', url: string, cookie: string, csrf: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { cookie, ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) }, ...(payload ? { payload } : {}) });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as Record<string, unknown>;
}

/** A campaign in its notice period with a result for every village of the tenant. */
async function seedCampaign(app: FastifyInstance, data: Dataset, year: number): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.9.${year % 250}.1`, payload: { username: data.users.cityAdmin, password: benchPassword } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
  const c = login.cookies[0];
  const cookie = `${c?.name}=${c?.value}`;
  const csrf = login.json().csrfToken as string;
  const tumen = ((await loadShippedStandards()) as { id: string }[]).find((s) => s.id === 'tumen-2022');
  const standard = await inject(app, 'POST', '/api/standards', cookie, csrf, { document: tumen });
  const windows = {
    mutual: { opens: `${year}-03-01`, closes: `${year}-03-31` },
    department: { opens: `${year}-04-01`, closes: `${year}-04-30` },
    city: { opens: `${year}-05-01`, closes: `${year}-05-31` },
  };
  const campaign = await inject(app, 'POST', '/api/campaigns', cookie, csrf, { year, name: `${year}年度五星级创建（基准）`, standardId: standard.id, windows });
  const campaignId = campaign.id as string;
  const services = app.services;
  const units = await selectAllOrgUnits(services.db, data.countyId, ['/']);
  const villages = units.filter((u) => u.level === 'village');
  const prng = createPrng(year);
  const scored = villages.map((v) => ({ v, score: Math.round((55 + prng.next() * 44) * 100) / 100 })).sort((a, b) => b.score - a.score || a.v.name.localeCompare(b.v.name));
  const starsOf = (score: number) => (score >= 90 ? 5 : score >= 85 ? 4 : score >= 80 ? 3 : score >= 70 ? 2 : score >= 60 ? 1 : null);
  const townRank = new Map<string, number>();
  const now = services.now();
  const rows = scored.map(({ v, score }, i) => {
    const townId = v.parentId as string;
    const rankInTown = (townRank.get(townId) ?? 0) + 1;
    townRank.set(townId, rankInTown);
    const stars = starsOf(score);
    return {
      countyId: data.countyId,
      campaignId,
      villageId: v.id,
      orgPath: v.path,
      townId,
      score,
      engineStars: stars,
      stars,
      vetoed: false,
      namedStars: [],
      rankInTown,
      rankInCity: i + 1,
      notes: [],
      // About the size of a real explanation: the lists under test must not carry it.
      explanation: { steps: Array.from({ length: 24 }, (_, k) => ({ step: `第${k + 1}步`, detail: '按评星标准计算的说明文字，'.repeat(4), points: k })) },
      computedAt: now,
      confirmedAt: now,
    };
  });
  const towns = units.filter((u) => u.level === 'town').map((t) => ({ countyId: data.countyId, campaignId, townId: t.id, stars: 3, explanation: { steps: [] } }));
  await replaceResults(services.db, data.countyId, campaignId, rows, towns);
  const sealCtx = { db: services.db, crypto: services.crypto, now: services.now, principal: { countyId: data.countyId } };
  await sealRows(sealCtx, campaignId, 'result', rows.map((r) => `result/${r.villageId}`), {});
  // The notice runs from today for ten days: the public page answers and lists every village.
  const today = now.toISOString().slice(0, 10);
  const ends = new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
  await services.db
    .update(campaigns)
    .set({ status: 'notice', noticeStarts: today, noticeEnds: ends })
    .where(and(eq(campaigns.countyId, data.countyId), eq(campaigns.id, campaignId)));
  return campaignId;
}

export async function seedTenants(app: FastifyInstance, which: ScaleName[]): Promise<SeededTenant[]> {
  const out: SeededTenant[] = [];
  for (const [i, scale] of which.entries()) {
    const data = await loadDataset(app.services as Services, scales[scale], 20260302 + i);
    const campaignId = await seedCampaign(app, data, 2031 + i);
    const town = data.towns[0];
    if (!town) throw new Error('no town');
    const units = await selectAllOrgUnits(app.services.db, data.countyId, [town.path]);
    const village = units.find((u) => u.level === 'village');
    if (!village) throw new Error('no village');
    out.push({ scale, data, campaignId, sampleVillageId: village.id, sampleTownId: town.id });
  }
  return out;
}
