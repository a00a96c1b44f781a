// Arena judges against their panel: per village scored by three judges or more, each judge's
// score minus the median of the other judges there. A judge whose median gap is beyond a floor
// and k standard errors sits off the panel; one whose gaps spread far wider than everyone's
// (MAD against the pooled MAD) is noisy.
import type { RaterScore, RaterUnit } from './raters-input.js';
import { mad, madToSigma, median, medianErrorFactor, round1, sigmaFromDeviations } from './robust-stats.js';
import { raterRules as R } from './rater-rules.js';
import type { FlagVillage, RaterFlag } from './raters-types.js';
import { groupBy } from './team-bias.js';

export type JudgeSummary = {
  raterId: string;
  name: string;
  n: number;
  /** Median gap to the other judges; null below the minimum sample. */
  offset: number | null;
  /** Typical deviation (1.4826 × MAD around the judge's own median). */
  spread: number | null;
  /** spread ÷ the pooled spread of all judges. */
  noiseRatio: number | null;
  villages: FlagVillage[];
};

export type JudgeAnalysis = { judges: JudgeSummary[]; flags: RaterFlag[]; notes: string[]; sigma: number | null };

export function analyseJudges(units: Map<string, RaterUnit>, scores: readonly RaterScore[], names: ReadonlyMap<string, string>): JudgeAnalysis {
  const notes: string[] = [];
  const arena = scores.filter((s) => s.stage === 'arena');
  if (arena.length === 0) notes.push('尚无擂台比武打分，无法判断评委。');
  const gaps: (FlagVillage & { raterId: string })[] = [];
  let thin = 0;
  for (const [villageId, panel] of groupBy(arena, (s) => s.villageId)) {
    if (panel.length < R.minJudgesPerVillage) {
      thin++;
      continue;
    }
    for (const s of panel) {
      const others = median(panel.filter((o) => o !== s).map((o) => o.total));
      gaps.push({ raterId: s.raterId, villageId, villageName: units.get(villageId)?.name ?? villageId, score: s.total, reference: round1(others), difference: s.total - others });
    }
  }
  if (thin > 0) notes.push(`${thin} 个村的擂台比武打分评委少于 ${R.minJudgesPerVillage} 人，没有可比的评委中位数，未计入。`);
  const byJudge = groupBy(gaps, (g) => g.raterId);
  for (const raterId of new Set(arena.map((s) => s.raterId))) {
    const n = byJudge.get(raterId)?.length ?? 0;
    if (n < R.minJudgeVillages) notes.push(`评委${names.get(raterId) ?? raterId}只在 ${n} 个村与另外两名以上评委同场打分（少于 ${R.minJudgeVillages} 个），不作判断。`);
  }
  const enough = [...byJudge].filter(([, gs]) => gs.length >= R.minJudgeVillages);
  const deviations = enough.flatMap(([, gs]) => {
    const m = median(gs.map((g) => g.difference));
    return gs.map((g) => g.difference - m);
  });
  const sigma = deviations.length ? Math.max(R.sigmaFloor, sigmaFromDeviations(deviations)) : null;

  const judges: JudgeSummary[] = [];
  const flags: RaterFlag[] = [];
  for (const [raterId, gs] of byJudge) {
    const name = names.get(raterId) ?? raterId;
    const villages = gs.sort((a, b) => b.difference - a.difference).map(({ raterId: _r, ...v }) => ({ ...v, difference: round1(v.difference) }));
    if (gs.length < R.minJudgeVillages || sigma === null) {
      judges.push({ raterId, name, n: gs.length, offset: null, spread: null, noiseRatio: null, villages });
      continue;
    }
    const diffs = gs.map((g) => g.difference);
    const offset = median(diffs);
    const spread = madToSigma * mad(diffs, offset);
    const ratio = spread / sigma;
    judges.push({ raterId, name, n: gs.length, offset: round1(offset), spread: round1(spread), noiseRatio: Math.round(ratio * 100) / 100, villages });
    // A noisy judge's median wanders more: the standard error uses their own spread when wider.
    const offsetThreshold = Math.max(R.judgeFloor, (R.k * medianErrorFactor * Math.max(spread, sigma)) / Math.sqrt(gs.length));
    if (Math.abs(offset) > offsetThreshold) {
      flags.push({
        kind: 'outlier_rater', raterIds: [raterId], aspect: 'offset', effect: round1(offset), n: gs.length, threshold: round1(offsetThreshold), villages,
        message: `评委${name}的擂台比武打分比同场其他评委的中位数${offset > 0 ? '高' : '低'} ${Math.abs(round1(offset)).toFixed(1)} 分（中位数，${gs.length} 个村）`,
      });
    }
    if (ratio >= R.noiseRatio && spread >= R.noiseFloor) {
      flags.push({
        kind: 'outlier_rater', raterIds: [raterId], aspect: 'noise', effect: Math.round(ratio * 100) / 100, n: gs.length, threshold: R.noiseRatio, villages,
        message: `评委${name}的擂台比武打分忽高忽低：与同场评委的典型偏离 ${round1(spread).toFixed(1)} 分，是全体评委的 ${ratio.toFixed(1)} 倍（${gs.length} 个村）`,
      });
    }
  }
  judges.sort((a, b) => Math.abs(b.offset ?? 0) - Math.abs(a.offset ?? 0));
  return { judges, flags, notes, sigma: sigma === null ? null : Math.round(sigma * 100) / 100 };
}
