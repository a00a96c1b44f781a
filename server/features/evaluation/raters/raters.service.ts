// 评价质量: the rater analysis on the campaign's own scores, for the department (campaign:manage).
// Read-only; the .xlsx export writes one audit row.
import type { Ctx } from '../../../context.js';
import type { CampaignRaters } from '../../../../shared/contracts/raters.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { campaignArenaIndicator } from '../department/arena.service.js';
import { selectCampaignArenaScores } from '../department/arena.queries.js';
import { selectTeams } from '../assignments/assignments.queries.js';
import { selectCampaignEntries } from '../sheets/sheets.queries.js';
import { stageIndicators } from '../sheets/sheets.js';
import { campaignRatersInput } from './campaign-input.js';
import { raterRules } from './rater-rules.js';
import { analyseRaters } from './raters.js';
import { selectUserNames } from './raters.queries.js';
import { ratersWorkbook } from './raters.sheet.js';

export async function getCampaignRaters(ctx: Ctx, campaignId: string): Promise<CampaignRaters> {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const countyId = ctx.principal.countyId;
  const [units, entries, teams, arena, arenaIndicator] = await Promise.all([
    selectAllOrgUnits(ctx.db, countyId, scopePaths(ctx.principal, 'campaign:manage')),
    selectCampaignEntries(ctx.db, countyId, campaignId),
    selectTeams(ctx.db, countyId, campaignId),
    selectCampaignArenaScores(ctx.db, countyId, campaignId),
    campaignArenaIndicator(ctx, campaign, standard),
  ]);
  const maxima = (stage: 'mutual' | 'department' | 'city') => new Map(stageIndicators(standard, stage).map((i) => [i.id, i.maxPoints]));
  // Units outside the caller's scope are not in `units`: their scores drop out in the builder.
  const { input, notes, counts } = campaignRatersInput({
    units, entries, teams, arena,
    stageIndicators: { mutual: maxima('mutual'), department: maxima('department'), city: maxima('city') },
    arenaMaxPoints: arenaIndicator?.maxPoints ?? null,
  });
  const names = await selectUserNames(ctx.db, countyId, [...new Set(arena.map((a) => a.judgeUserId))]);
  const result = analyseRaters(input, names);
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  return {
    campaignId,
    flags: result.flags.map((f) => ({
      kind: f.kind, aspect: f.aspect ?? null,
      unitIds: f.unitIds ?? [], unitNames: (f.unitIds ?? []).map((id) => unitName.get(id) ?? id),
      raterIds: f.raterIds ?? [], raterNames: (f.raterIds ?? []).map((id) => names.get(id) ?? id),
      effect: f.effect, threshold: f.threshold, n: f.n, message: f.message, villages: f.villages,
    })),
    towns: input.units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name })),
    cells: result.cells.map(({ villages: _v, ...c }) => c),
    judges: result.judges.map(({ villages: _v, ...j }) => j),
    notes: [...notes, ...result.notes],
    scales: result.scales,
    counts,
    rules: { teamFloor: raterRules.teamFloor, judgeFloor: raterRules.judgeFloor, k: raterRules.k, minVillages: raterRules.minVillages, minJudgeVillages: raterRules.minJudgeVillages, noiseRatio: raterRules.noiseRatio },
  };
}

export async function exportCampaignRaters(ctx: Ctx, campaignId: string) {
  const campaign = await findCampaign(ctx, campaignId);
  const view = await getCampaignRaters(ctx, campaignId);
  const data = await ratersWorkbook(view, [
    ['评星年度', `${campaign.name}（${campaign.year}）`],
    ['导出时间', ctx.now().toISOString()],
    ['导出人', ctx.principal.displayName],
    ['方法', '互评分数与同村部门点评、市级考评分数（均折算为百分制）之差取中位数；擂台比武评委与同场其他评委中位数之差。样本不足不作判断。'],
  ]);
  await recordAudit(ctx, { event: 'export', objectType: 'campaign_raters', objectId: campaignId, after: { flags: view.flags.length, status: campaign.status } });
  return { data, fileName: `${campaign.year}年度评价质量.xlsx` };
}
