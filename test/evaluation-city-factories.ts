// Campaigns brought to stage 3 and beyond through HTTP, for the tests of evidence, violations,
// objections, corrections, history and exports. Stages 1 and 2 weigh 5% each and stay empty;
// stage 3 is scored by the department.
import { loadShippedStandards } from '../server/features/standards/shipped-standards.js';
import type { Standard } from '../shared/standards/standard.js';
import { loginAs, type Client, type TestApp } from './test-app.js';

let tumen: Standard | null = null;
export async function tumenStandard(): Promise<Standard> {
  tumen ??= ((await loadShippedStandards()) as Standard[]).find((s) => s.id === 'tumen-2022') as Standard;
  return tumen;
}

export const windowsOf = (year: number) => ({
  mutual: { opens: `${year}-03-01`, closes: `${year}-03-31` },
  department: { opens: `${year}-04-01`, closes: `${year}-04-30` },
  city: { opens: `${year}-05-01`, closes: `${year}-05-31` },
});

export async function cityIndicators() {
  const standard = await tumenStandard();
  return standard.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'scored' && i.stages.includes('city'));
}

/** Every stage-3 indicator at a share of its maximum, rounded to whole points. */
export async function citySheetAt(share: number) {
  return Object.fromEntries((await cityIndicators()).map((i) => [i.id, Math.round(i.maxPoints * share)]));
}

async function standardId(org: Client): Promise<string> {
  const existing = (await org.get('/api/standards')).json().items as { id: string; name: string }[];
  const found = existing.find((s) => s.name.includes('图们市'));
  if (found) return found.id;
  const res = await org.post('/api/standards', { document: await tumenStandard() });
  if (res.statusCode !== 200) throw new Error(`standard: ${res.body}`);
  return res.json().id;
}

/** A campaign of `year` advanced to city assessment, the clock inside the stage-3 window. */
/** A campaign in stage 3 on the shipped standard, or on `document` stored first as a new standard. */
export async function campaignInCityStage(t: TestApp, year: number, document?: object): Promise<{ campaignId: string; org: Client }> {
  t.clock.set(new Date(`${year}-02-20T02:00:00Z`));
  let org = await loginAs(t.app, 'orgadmin');
  // Stage 3 nearly alone decides here: a full stage-3 sheet gives 90 points, 90% of it 81.
  const stageWeights = { mutual: 5, department: 5, city: 90 };
  const standard = document ? await org.post('/api/standards', { document }) : null;
  if (standard && standard.statusCode !== 200) throw new Error(`standard: ${standard.body}`);
  const res = await org.post('/api/campaigns', { year, name: `${year}年度五星级创建`, standardId: standard ? standard.json().id : await standardId(org), windows: windowsOf(year), stageWeights });
  if (res.statusCode !== 200) throw new Error(`campaign: ${res.body}`);
  const campaignId = res.json().id as string;
  for (const to of ['mutual', 'department', 'city']) {
    const step = await org.post(`/api/campaigns/${campaignId}/advance`, { to, reason: '测试数据：提前进入市级考评' });
    if (step.statusCode !== 200) throw new Error(`advance ${to}: ${step.body}`);
  }
  t.clock.set(new Date(`${year}-05-06T02:00:00Z`));
  org = await loginAs(t.app, 'orgadmin');
  return { campaignId, org };
}

/** Scores stage 3 of the four test villages at the given shares (甲一, 甲二, 乙一, 乙二). */
export async function scoreCityStage(t: TestApp, org: Client, campaignId: string, shares: [number, number, number, number]) {
  const villages = [...t.city.villages.town1, ...t.city.villages.town2];
  for (const [i, village] of villages.entries()) {
    const res = await org.put(`/api/campaigns/${campaignId}/sheets/city/${village.id}`, { scores: await citySheetAt(shares[i] as number) });
    if (res.statusCode !== 200) throw new Error(`sheet: ${res.body}`);
  }
}

/** Computes, confirms and opens the public notice; the clock stays on its first day. */
export async function proposeAndNotice(org: Client, campaignId: string) {
  for (const step of ['results/compute', 'results/confirm']) {
    const res = await org.post(`/api/campaigns/${campaignId}/${step}`);
    if (res.statusCode !== 200) throw new Error(`${step}: ${res.body}`);
  }
  const res = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'notice', reason: '测试数据：只为四个村打分' });
  if (res.statusCode !== 200) throw new Error(`notice: ${res.body}`);
  return res.json() as { noticeStarts: string; noticeEnds: string };
}

/** A campaign of `year` in public notice: stage 3 scored at 100/90/80/70%, computed and confirmed. */
export async function campaignInNotice(t: TestApp, year: number): Promise<{ campaignId: string; org: Client; noticeEnds: string }> {
  const { campaignId, org } = await campaignInCityStage(t, year);
  await scoreCityStage(t, org, campaignId, [1, 0.9, 0.8, 0.7]);
  const { noticeEnds } = await proposeAndNotice(org, campaignId);
  return { campaignId, org, noticeEnds };
}

/** Moves past the notice period and makes the results final. */
export async function finalize(t: TestApp, campaignId: string, noticeEnds: string): Promise<Client> {
  t.clock.set(new Date(`${noticeEnds}T20:00:00Z`)); // the next morning in China
  const org = await loginAs(t.app, 'orgadmin');
  const res = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'final' });
  if (res.statusCode !== 200) throw new Error(`final: ${res.body}`);
  return org;
}
