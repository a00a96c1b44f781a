import { compileStandard, type CompiledStandard } from './compiled-standard.js';
import { roundHalfUpDiv, toHundredths } from './exact-math.js';
import { applyQuotas, type QuotaRow } from './quota.js';
import { keysComparator, rankRows } from './ranking.js';
import { explainScore, pts } from './rating-explain.js';
import {
  RatingInputError,
  type RateOptions,
  type RatingInput,
  type RatingIssue,
  type VillageInput,
} from './rating-input.js';
import type { RatingResult, RatingSummary, TownResult, VillageResult } from './rating-result.js';
import type { Standard } from './standard.js';
import { rateTown } from './town-rating.js';
import { decideLevel } from './village-level.js';
import { scoreVillage, type ScoreContext, type VillageScore } from './village-score.js';

// rateCampaign: the whole campaign in one pure call. No clock, no randomness, no I/O; every
// ordering has a total tie-break, so the same input (in any village order) gives the same output.
// Rule order: indicator points → satisfaction weight → bonus → deductions → rounding → named stars
// → level → prerequisites → satisfaction caps → vetoes → quotas → rankings → towns.

type Row = QuotaRow & {
  input: VillageInput;
  score: VillageScore;
  levelFromScore: number;
  namedStars: string[];
  rankInTown: number | null;
  rankInCity: number | null;
};

function checkStructure(c: CompiledStandard, input: RatingInput, issues: RatingIssue[]): void {
  const towns = new Set<string>();
  const ownMaxH = toHundredths(c.standard.townScheme?.ownScoreMax ?? Number.MAX_SAFE_INTEGER / 1000) ?? 0;
  input.towns.forEach((town, t) => {
    if (towns.has(town.id)) issues.push({ code: 'rating.duplicate_town', path: `towns[${t}].id`, message: `镇“${town.id}”重复` });
    towns.add(town.id);
    if (town.ownScore !== undefined && town.ownScore !== null) {
      const h = toHundredths(town.ownScore);
      const path = `towns[${t}].ownScore`;
      if (h === null) issues.push({ code: 'rating.too_many_decimals', path, value: town.ownScore, message: '分值最多保留两位小数' });
      else if (h > ownMaxH) {
        issues.push({ code: 'rating.score_out_of_range', path, value: town.ownScore, max: ownMaxH / 100, message: `镇党委考核得分 ${town.ownScore} 超过满分 ${ownMaxH / 100}` });
      }
    }
  });
  const villages = new Set<string>();
  input.villages.forEach((v, i) => {
    if (villages.has(v.id)) issues.push({ code: 'rating.duplicate_village', path: `villages[${i}].id`, villageId: v.id, message: `村“${v.id}”重复` });
    villages.add(v.id);
    if (!towns.has(v.townId)) {
      issues.push({ code: 'rating.unknown_town', path: `villages[${i}].townId`, villageId: v.id, message: `镇“${v.townId}”不在 towns 中` });
    }
  });
}

function missingAsIssues(c: CompiledStandard, v: VillageInput, at: string, score: VillageScore, issues: RatingIssue[]): void {
  for (const m of score.missing) {
    if (m.kind === 'score') {
      issues.push({ code: 'rating.missing_score', path: `${at}.scores.${m.stage}.${m.indicatorId}`, villageId: v.id, message: `缺少${c.stageById.get(m.stage)?.name ?? m.stage}阶段的评分` });
    } else if (m.kind === 'figure') {
      issues.push({ code: 'rating.missing_figure', path: `${at}.figures.${m.figure}`, villageId: v.id, message: `缺少数据项“${m.figure}”` });
    } else {
      issues.push({ code: 'rating.missing_satisfaction', path: `${at}.satisfaction`, villageId: v.id, message: '缺少群众满意度测评结果' });
    }
  }
}

function toVillageResult(c: CompiledStandard, row: Row, townName: string): VillageResult {
  const s = row.score;
  const stageScores: VillageResult['stageScores'] = {};
  c.stages.forEach((st, i) => {
    stageScores[st.id] = pts(s.stageH[i] ?? 0);
  });
  const dimensionScores: Record<string, number> = {};
  c.dimensionIds.forEach((id, d) => {
    dimensionScores[id] = pts(s.dimensionH[d] ?? 0);
  });
  return {
    id: row.id,
    name: row.name,
    townId: row.townId,
    townName,
    finalScore: pts(s.finalH),
    baseScore: pts(s.baseH),
    stageScores,
    dimensionScores,
    satisfactionRate: s.satisfactionBp === null ? null : pts(s.satisfactionBp),
    bonusPoints: pts(s.bonusH),
    deductionPoints: pts(s.deductionH),
    levelFromScore: row.levelFromScore,
    stars: row.stars,
    namedStars: row.namedStars,
    vetoed: row.vetoed,
    rankInTown: row.rankInTown,
    rankInCity: row.rankInCity,
    notes: row.notes,
    explanation: row.steps ?? [],
  };
}

function summarize(villages: VillageResult[], towns: TownResult[]): RatingSummary {
  const byStars: Record<string, number> = {};
  let vetoed = 0;
  let atLeastThree = 0;
  for (const v of villages) {
    if (v.stars === null) vetoed += 1;
    else byStars[String(v.stars)] = (byStars[String(v.stars)] ?? 0) + 1;
    if (v.stars !== null && v.stars >= 3) atLeastThree += 1;
  }
  const townsByStars: Record<string, number> = {};
  for (const t of towns) {
    if (t.stars !== null) townsByStars[String(t.stars)] = (townsByStars[String(t.stars)] ?? 0) + 1;
  }
  return {
    villages: villages.length,
    vetoed,
    byStars,
    atLeastThreeStarsPercent: villages.length === 0 ? 0 : roundHalfUpDiv(atLeastThree * 10000, villages.length) / 100,
    townsByStars,
  };
}

/**
 * Rates every village and town of a campaign under a standard. Throws InvalidStandardError when
 * the standard is invalid and RatingInputError (code 'rating.invalid_input', with every issue)
 * when a score is out of range, an id is unknown, etc.
 */
export function rateCampaign(standard: Standard, input: RatingInput, options: RateOptions = {}): RatingResult {
  const c = compileStandard(standard);
  const opts: Required<RateOptions> = { missing: options.missing ?? 'zero', explain: options.explain ?? 'full' };
  const explain = opts.explain === 'full';
  const issues: RatingIssue[] = [];
  checkStructure(c, input, issues);
  const ctx: ScoreContext = { c, issues, options: opts, dimensionScratch: new Float64Array(c.dimensionIds.length) };

  const rows: Row[] = input.villages.map((v, i) => {
    const at = `villages[${i}]`;
    const score = scoreVillage(ctx, v, at);
    if (opts.missing === 'error') missingAsIssues(c, v, at, score, issues);
    const steps = explain ? explainScore(c, score) : null;
    const notes: string[] = [];
    if (score.missing.length > 0) notes.push(`缺少数据${score.missing.length}项`);
    const level = decideLevel(c, v, score, steps, notes);
    return {
      id: v.id, name: v.name, townId: v.townId, input: v, score,
      stars: level.stars, vetoed: level.vetoed, levelFromScore: level.levelFromScore, namedStars: level.namedStars,
      finalH: score.finalH, baseH: score.baseH, stageH: score.stageH, dimensionH: score.dimensionH, satisfactionBp: score.satisfactionBp,
      steps, notes, rankInTown: null, rankInCity: null,
    };
  });
  if (issues.length > 0) throw new RatingInputError(issues);

  applyQuotas(c, rows);

  const byKeys = keysComparator(c, c.rankingKeys);
  const rated = rows.filter((r) => !r.vetoed);
  const cityRanks = rankRows(rated, byKeys);
  rated.forEach((r, i) => {
    r.rankInCity = cityRanks[i] ?? null;
  });
  const byTown = new Map<string, Row[]>();
  for (const r of rated) {
    const list = byTown.get(r.townId) ?? [];
    list.push(r);
    byTown.set(r.townId, list);
  }
  for (const list of byTown.values()) {
    const ranks = rankRows(list, byKeys);
    list.forEach((r, i) => {
      r.rankInTown = ranks[i] ?? null;
    });
  }
  const unrated = rows.filter((r) => r.vetoed);
  rankRows(unrated, () => 0);

  const townNames = new Map(input.towns.map((t) => [t.id, t.name]));
  const villages = [...rated, ...unrated].map((r) => toVillageResult(c, r, townNames.get(r.townId) ?? r.townId));

  const villagesOfTown = new Map<string, Row[]>();
  for (const r of rows) {
    const list = villagesOfTown.get(r.townId) ?? [];
    list.push(r);
    villagesOfTown.set(r.townId, list);
  }
  const towns = input.towns
    .map((t) => rateTown(c, t, villagesOfTown.get(t.id) ?? [], explain))
    .sort((a, b) =>
      (b.stars ?? -1) - (a.stars ?? -1) ||
      (b.ownScore ?? -1) - (a.ownScore ?? -1) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );

  return {
    standard: { id: c.standard.id, name: c.standard.name, version: c.standard.version },
    villages,
    towns,
    summary: summarize(villages, towns),
  };
}
