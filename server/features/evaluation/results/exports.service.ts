// Exports of the results: the rankings (拉榜排名: the city, then each town) and the town
// committees' stars, within the caller's scope; each export writes one audit row.
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import { campaignStatusLabels } from '../../../../shared/contracts/campaigns.js';
import { recordAudit } from '../../audit/audit.service.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { selectRankingRows } from './exports.queries.js';
import type { ReportProgress } from '../../jobs/job-runner.js';
import { townResultsInScope } from '../sheets/history.service.js';
import { selectCorrections } from '../sheets/corrections.queries.js';
import { aboutSheet, rankingSheets, townStarsSheet, writeWorkbook, type RankingRow, type TownStarsRow } from './exports.sheet.js';

const starText = (n: number | null) => (n === null ? '不予评星' : `${n}星`);

function about(campaign: CampaignRow, ctx: Ctx): [string, string][] {
  const final = campaign.status === 'final';
  return [
    ['评星年度', `${campaign.name}（${campaign.year}）`],
    ['结果状态', final ? '已定星（最终结果）' : `定星建议（当前阶段：${campaignStatusLabels[campaign.status]}），可能调整`],
    ['导出时间', ctx.now().toISOString()],
    ['导出人', ctx.principal.displayName],
  ];
}

/** `progress`: where an export job is (the synchronous route passes none). */
export async function exportRankings(ctx: Ctx, campaignId: string, progress: ReportProgress = () => {}) {
  const campaign = await findCampaign(ctx, campaignId);
  const scope = campaignReadScope(ctx.principal);
  progress({ step: '读取定星结果', done: 0, total: 0 });
  const rows = await selectRankingRows(ctx.db, ctx.principal.countyId, campaignId, scope);
  if (rows.length === 0) throw new AppError('results.not_computed');
  const corrections = new Map<string, string[]>();
  for (const { correction: c } of (await selectCorrections(ctx.db, ctx.principal.countyId, scope, { campaignId })).items) {
    const phase = c.phase === 'notice' ? '公示期调整' : '定星后更正';
    corrections.set(c.villageId, [...(corrections.get(c.villageId) ?? []), `${phase}：${starText(c.starsBefore)}→${starText(c.starsAfter)}，${c.reason}`]);
  }
  const ranking: RankingRow[] = rows.map(({ name, townName, ...r }) => ({
    name,
    townName,
    score: r.score,
    stars: r.stars,
    vetoed: r.vetoed,
    rankInTown: r.rankInTown,
    rankInCity: r.rankInCity,
    overrideReason: r.overrideReason,
    corrections: corrections.get(r.villageId) ?? [],
    notes: r.notes,
  }));
  // Town sheets in the org tree's order; a town without a town result still gets its sheet.
  const ordered = (await townResultsInScope(ctx, campaignId)).map((t) => t.name);
  const towns = [...ordered, ...[...new Set(ranking.map((r) => r.townName))].filter((n) => !ordered.includes(n)).sort()];
  const inRanking = new Set(ranking.map((r) => r.townName));
  const sheets = [...rankingSheets(ranking, towns.filter((n) => inRanking.has(n))), aboutSheet(about(campaign, ctx))];
  const data = await writeWorkbook(sheets, (done, total) => progress({ step: '写入工作簿', done, total }));
  await recordAudit(ctx, { event: 'export', objectType: 'campaign_rankings', objectId: campaignId, after: { rows: ranking.length, status: campaign.status } });
  return { data, fileName: `${campaign.year}年度村党组织星级排名.xlsx` };
}

type TownVillagesStep = { rule: 'town_villages'; villageCount: number; byStars: Record<string, number>; averageStars: number | null };

export async function exportTownStars(ctx: Ctx, campaignId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const towns = await townResultsInScope(ctx, campaignId);
  if (towns.length === 0) throw new AppError('results.not_computed');
  const rows: TownStarsRow[] = towns.map((t) => {
    const steps = (t.explanation ?? []) as { rule: string; text: string }[];
    const villages = steps.find((s) => s.rule === 'town_villages') as TownVillagesStep | undefined;
    const atLeastThree = villages ? Object.entries(villages.byStars).reduce((n, [stars, count]) => n + (Number(stars) >= 3 ? count : 0), 0) : null;
    return { name: t.name, stars: t.stars, villageCount: villages?.villageCount ?? null, atLeastThree, averageStars: villages?.averageStars ?? null, basis: steps.map((s, k) => `${k + 1}. ${s.text}`).join('\n') };
  });
  const data = await writeWorkbook([townStarsSheet(rows), aboutSheet(about(campaign, ctx))]);
  await recordAudit(ctx, { event: 'export', objectType: 'campaign_town_stars', objectId: campaignId, after: { rows: rows.length, status: campaign.status } });
  return { data, fileName: `${campaign.year}年度镇党委星级.xlsx` };
}
