// 数据驾驶舱: composes what the department (and a town's leaders, for their town) looks at in a
// meeting: the current campaign's progress per town and stage, stars year on year, towns compared,
// villages that moved, field work and training coverage. Every figure is read in the caller's
// campaign:read scope, so a town leader sees their town only.
import type { Ctx } from '../../context.js';
import { chinaDate } from '../../../shared/dates.js';
import { evaluationStages } from '../../../shared/contracts/campaigns.js';
import type { Cockpit } from '../../../shared/contracts/cockpit.js';
import { hasPermission, scopePaths } from '../auth/principal.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { campaignStandard, findCampaign } from '../campaigns/campaigns.service.js';
import { stageIndicators } from '../evaluation/sheets/sheets.js';
import { selectRunningCampaigns } from '../desk/desk.queries.js';
import { getFieldworkOverview } from '../pairing/overview.service.js';
import { getCoverage } from '../training/records.service.js';
import { countEntriesPerVillage, selectResultsByYear } from './cockpit.queries.js';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export async function getCockpit(ctx: Ctx): Promise<Cockpit> {
  const countyId = ctx.principal.countyId;
  const year = Number(chinaDate(ctx.now()).slice(0, 4));
  const paths = scopePaths(ctx.principal, 'campaign:read');
  const units = (await selectAllOrgUnits(ctx.db, countyId, paths)).filter((u) => u.active);
  const towns = units.filter((u) => u.level === 'town');
  const villages = units.filter((u) => u.level === 'village');
  const townOf = new Map(villages.map((v) => [v.id, v.parentId]));
  const scopeName = towns.length === 1 && !units.some((u) => u.level === 'city') ? (towns[0]?.name ?? '') : (units.find((u) => u.level === 'city')?.name ?? '');

  // The current campaign: the newest running one.
  const running = (await selectRunningCampaigns(ctx.db, countyId)).sort((a, b) => b.name.localeCompare(a.name))[0];
  const progress: Cockpit['progress'] = [];
  if (running) {
    const campaign = await findCampaign(ctx, running.id);
    const standard = await campaignStandard(ctx, campaign);
    const perStage = await Promise.all(evaluationStages.map(async (s) => ({ stage: s, max: stageIndicators(standard, s).length, counts: await countEntriesPerVillage(ctx.db, countyId, running.id, s, paths) })));
    for (const t of towns) {
      const mine = villages.filter((v) => v.parentId === t.id);
      const share = (s: (typeof perStage)[number]) => percent(mine.reduce((n, v) => n + Math.min(s.counts.get(v.id) ?? 0, s.max), 0), mine.length * s.max);
      const [mutual, department, city] = perStage.map(share) as [number, number, number];
      progress.push({ townId: t.id, name: t.name, mutual, department, city });
    }
  }

  const results = await selectResultsByYear(ctx.db, countyId, paths);
  const years = [...new Set(results.map((r) => r.year))];
  const stars = years.map((y) => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const r of results) if (r.year === y) counts[r.stars ?? 0] = (counts[r.stars ?? 0] ?? 0) + 1;
    return { year: y, counts };
  });
  const latest = years.at(-1);
  const previous = years.at(-2);
  const latestRows = results.filter((r) => r.year === latest);
  const townScores = towns.map((t) => {
    const rows = latestRows.filter((r) => townOf.get(r.villageId) === t.id);
    return { townId: t.id, name: t.name, value: rows.length ? Math.round((rows.reduce((n, r) => n + Number(r.score), 0) / rows.length) * 10) / 10 : 0 };
  });
  const before = new Map(results.filter((r) => r.year === previous).map((r) => [r.villageId, r.stars ?? 0]));
  const byId = new Map(villages.map((v) => [v.id, v]));
  const movers = latestRows
    .filter((r) => before.has(r.villageId) && before.get(r.villageId) !== (r.stars ?? 0))
    .map((r) => ({ villageId: r.villageId, name: byId.get(r.villageId)?.name ?? '', townName: byId.get(r.villageId)?.parentName ?? '', before: before.get(r.villageId) ?? 0, after: r.stars ?? 0 }))
    .sort((a, b) => b.after - b.before - (a.after - a.before));

  const field = hasPermission(ctx.principal, 'fieldwork:read') ? await getFieldworkOverview(ctx, year) : null;
  const coverage = hasPermission(ctx.principal, 'training:read') ? await getCoverage(ctx, { year }) : null;
  return {
    year,
    scopeName,
    campaign: running ? { id: running.id, name: running.name, status: running.status } : null,
    progress,
    stars,
    towns: townScores,
    movers,
    fieldwork: {
      pairingCoverage: field?.totals.pairingCoverage ?? 0,
      overduePairings: field?.overduePairings ?? 0,
      pairings: field?.pairings ?? 0,
      closureRate: field?.totals.closureRate ?? 0,
      problemsListed: field?.totals.problemsListed ?? 0,
      commitmentsMade: field?.totals.commitmentsMade ?? 0,
      commitmentsFulfilled: field?.totals.commitmentsFulfilled ?? 0,
    },
    training: (coverage?.towns ?? []).map((t) => ({ townId: t.orgUnitId, name: t.name, value: t.trainedShare })),
  };
}
