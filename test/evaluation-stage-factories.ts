// Campaigns brought into stage 1 or stage 2 through HTTP, for the tests of household visits,
// surveys, the mutual report, the arena, democratic evaluation, rectification and the review notice.
// Teams: 甲镇 evaluates 乙镇 (account town1), 乙镇 evaluates 甲镇 (town2).
import { loadShippedStandards } from '../server/features/standards/shipped-standards.js';
import type { Standard } from '../shared/standards/standard.js';
import { makeAccount } from './factories.js';
import { loginAs, type Client, type TestApp } from './test-app.js';

export const stageWindows = (year: number) => ({
  mutual: { opens: `${year}-03-01`, closes: `${year}-03-31` },
  department: { opens: `${year}-04-01`, closes: `${year}-04-30` },
  city: { opens: `${year}-05-01`, closes: `${year}-05-31` },
});

export async function shippedStandard(id: 'tumen-2022' | 'satisfaction-weighted' | 'named-stars-500'): Promise<Standard> {
  return ((await loadShippedStandards()) as Standard[]).find((s) => s.id === id) as Standard;
}

export async function stageIndicatorsOf(id: 'tumen-2022' | 'satisfaction-weighted', stage: 'mutual' | 'department') {
  return (await shippedStandard(id)).dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'scored' && i.stages.includes(stage));
}

async function standardId(org: Client, id: 'tumen-2022' | 'satisfaction-weighted'): Promise<string> {
  const standard = await shippedStandard(id);
  const existing = (await org.get('/api/standards?pageSize=100')).json().items as { id: string; name: string; version: string }[];
  const found = existing.find((s) => s.name === standard.name && s.version === standard.version);
  if (found) return found.id;
  const res = await org.post('/api/standards', { document: standard });
  if (res.statusCode !== 200) throw new Error(`standard: ${res.body}`);
  return res.json().id;
}

/** Test campaigns leave most sheets unscored: the stage gate wants a written reason to go on. */
export const unscoredReason = '测试数据：评分表未填完';

/** A campaign of `year` in stage 1 with the rotation teams, the clock on 3 March of that year. */
export async function campaignInMutualStage(t: TestApp, year: number, standard: 'tumen-2022' | 'satisfaction-weighted' = 'tumen-2022') {
  t.clock.set(new Date(`${year}-02-20T02:00:00Z`));
  let org = await loginAs(t.app, 'orgadmin');
  const res = await org.post('/api/campaigns', { year, name: `${year}年度五星级创建`, standardId: await standardId(org, standard), windows: stageWindows(year) });
  if (res.statusCode !== 200) throw new Error(`campaign: ${res.body}`);
  const campaignId = res.json().id as string;
  const [t1, t2] = t.city.towns;
  const teams = [
    { evaluatorTownId: t1.id, targetTownId: t2.id, leaderUserId: t.city.users.town1, memberIds: [] },
    { evaluatorTownId: t2.id, targetTownId: t1.id, leaderUserId: null, memberIds: [t.city.users.town2] },
  ];
  const saved = await org.put(`/api/campaigns/${campaignId}/teams`, { teams });
  if (saved.statusCode !== 200) throw new Error(`teams: ${saved.body}`);
  // Started inside its window: an early start would move the window (and the dates tests rely on).
  t.clock.set(new Date(`${year}-03-03T02:00:00Z`));
  org = await loginAs(t.app, 'orgadmin');
  const step = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'mutual' });
  if (step.statusCode !== 200) throw new Error(`advance: ${step.body}`);
  return { campaignId, org };
}

/** Judge accounts judge1…judgeN (city scope), created once per test app. */
export async function judges(t: TestApp, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `judge${i}`;
    t.city.users[name] ??= await makeAccount(t.app.services, t.city.countyId, name, 'judge', t.city.city.id);
    ids.push(t.city.users[name] as string);
  }
  return ids;
}

/**
 * A campaign moved on to stage 2 with one panel of `panelJudges` judges reviewing all four
 * villages, the clock on 2 April.
 */
export async function campaignInDepartmentStage(t: TestApp, year: number, panelJudges: number) {
  const { campaignId } = await campaignInMutualStage(t, year);
  let org = await loginAs(t.app, 'orgadmin');
  const memberIds = await judges(t, panelJudges);
  const villageIds = [...t.city.villages.town1, ...t.city.villages.town2].map((v) => v.id);
  const panel = await org.post(`/api/campaigns/${campaignId}/panels`, { name: '第一评委组', departments: '农业农村局、乡村振兴局', memberIds, villageIds });
  if (panel.statusCode !== 200) throw new Error(`panel: ${panel.body}`);
  t.clock.set(new Date(`${year}-04-02T02:00:00Z`));
  org = await loginAs(t.app, 'orgadmin');
  const step = await org.post(`/api/campaigns/${campaignId}/advance`, { to: 'department', reason: unscoredReason });
  if (step.statusCode !== 200) throw new Error(`advance: ${step.body}`);
  return { campaignId, org };
}

/** Every indicator of a stage at a share of its maximum, rounded to whole points, without `except`. */
export async function stageSheetAt(stage: 'mutual' | 'department', share: number, except: string[] = []) {
  return Object.fromEntries(
    (await stageIndicatorsOf('tumen-2022', stage)).filter((i) => !except.includes(i.id)).map((i) => [i.id, Math.round(i.maxPoints * share)]),
  );
}
