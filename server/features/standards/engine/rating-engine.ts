import { compileStandard, type CompiledStandard } from './compiled-standard.js';
import { roundHalfUpDiv, toHundredths } from './exact-math.js';
import { applyQuotas } from './quota.js';
import { rankVillages, type RankSource } from './ranking.js';
import { explainScore, pts } from './rating-explain.js';
import { RatingInputError, type RateOptions, type RatingInput, type RatingIssue } from './rating-input.js';
import type { ExplanationStep, RatingResult, Referral, RatingSummary, TownResult, VillageResult } from './rating-result.js';
import { createScoreColumns, readScore, type ScoreColumns } from './score-columns.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateTown } from './town-rating.js';
import { decideLevel } from './village-level.js';
import { scoreVillage, type ScoreContext } from './village-score.js';

// rateCampaign: the whole campaign in one pure call. No clock, no randomness, no I/O; every
// ordering has a total tie-break, so the same input (in any village order) gives the same output.
// Rule order: indicator points → satisfaction weight → bonus → deductions → rounding → named stars
// → level → prerequisites → satisfaction caps → vetoes → quotas → rankings → towns.

const NO_NOTES: readonly string[] = Object.freeze([]);
const NO_STEPS: readonly ExplanationStep[] = Object.freeze([]);

/** The highest level of the standard's scheme (5 for a five-star scheme, up to 8). */
function topLevel(c: CompiledStandard): number {
  return Math.max(c.minStars, ...c.levels.map((l) => l.stars));
}

/** Checks towns and village ids; returns each village's town as an index into input.towns. */
function checkStructure(c: CompiledStandard, input: RatingInput, issues: RatingIssue[]): Int32Array {
  const towns = new Map<string, number>();
  const townOf = new Int32Array(input.villages.length);
  const ownMaxH = c.standard.townScheme ? (toHundredths(c.standard.townScheme.ownScoreMax) ?? 0) : Number.MAX_SAFE_INTEGER;
  input.towns.forEach((town, t) => {
    if (towns.has(town.id)) issues.push({ code: 'rating.duplicate_town', path: `towns[${t}].id`, message: `镇“${town.id}”重复` });
    else towns.set(town.id, t);
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
  const top = topLevel(c);
  input.villages.forEach((v, i) => {
    if (v.lastYearStars !== undefined && v.lastYearStars !== null && v.lastYearStars > top) {
      issues.push({ code: 'rating.stars_out_of_range', path: `villages[${i}].lastYearStars`, villageId: v.id, value: v.lastYearStars, max: top, message: `上年星级 ${v.lastYearStars} 超过本标准最高等级 ${top}` });
    }
    if (villages.has(v.id)) issues.push({ code: 'rating.duplicate_village', path: `villages[${i}].id`, villageId: v.id, message: `村“${v.id}”重复` });
    villages.add(v.id);
    const t = towns.get(v.townId);
    if (t === undefined) {
      issues.push({ code: 'rating.unknown_town', path: `villages[${i}].townId`, villageId: v.id, message: `镇“${v.townId}”不在 towns 中` });
    } else townOf[i] = t;
  });
  return townOf;
}

function missingAsIssues(c: CompiledStandard, cols: ScoreColumns, input: RatingInput, issues: RatingIssue[]): void {
  for (const [i, missing] of cols.missing) {
    const v = input.villages[i];
    if (!v) continue;
    const at = `villages[${i}]`;
    for (const m of missing) {
      if (m.kind === 'score') {
        issues.push({ code: 'rating.missing_score', path: `${at}.scores.${m.stage}.${m.indicatorId}`, villageId: v.id, message: `缺少${c.stageById.get(m.stage)?.name ?? m.stage}阶段的评分` });
      } else if (m.kind === 'figure') {
        issues.push({ code: 'rating.missing_figure', path: `${at}.figures.${m.figure}`, villageId: v.id, message: `缺少数据项“${m.figure}”` });
      } else {
        issues.push({ code: 'rating.missing_satisfaction', path: `${at}.satisfaction`, villageId: v.id, message: '缺少群众满意度测评结果' });
      }
    }
  }
}

function toVillageResult(
  c: CompiledStandard,
  src: RankSource,
  i: number,
  templates: { stages: Record<string, number>; dimensions: Record<string, number> },
  extra: { townName: string; namedStars: readonly string[]; higherNamedStars: readonly string[]; notes: readonly string[]; steps: readonly ExplanationStep[]; rankInTown: number | null; rankInCity: number | null },
): VillageResult {
  const { cols } = src;
  const v = src.villages[i];
  // Copies of one template share a hidden class: much cheaper than growing 500,000 objects key by key.
  const stageScores: VillageResult['stageScores'] = { ...templates.stages };
  for (let s = 0; s < cols.stageCount; s++) {
    stageScores[c.stages[s]?.id ?? 'city'] = pts(cols.stageH[i * cols.stageCount + s] as number);
  }
  const dimensionScores: Record<string, number> = { ...templates.dimensions };
  for (let d = 0; d < cols.dimensionCount; d++) {
    dimensionScores[c.dimensionIds[d] as string] = pts(cols.dimensionH[i * cols.dimensionCount + d] as number);
  }
  const sat = cols.satisfactionBp[i] as number;
  const stars = cols.stars[i] as number;
  const result: VillageResult = {
    id: v?.id ?? '',
    name: v?.name ?? '',
    townId: v?.townId ?? '',
    townName: extra.townName,
    finalScore: pts(cols.finalH[i] as number),
    baseScore: pts(cols.baseH[i] as number),
    stageScores,
    dimensionScores,
    satisfactionRate: Number.isNaN(sat) ? null : pts(sat),
    bonusPoints: pts(cols.bonusH[i] as number),
    deductionPoints: pts(cols.deductionH[i] as number),
    levelFromScore: cols.levelFromScore[i] as number,
    stars: stars < 0 ? null : stars,
    namedStars: extra.namedStars as string[],
    vetoed: cols.vetoed[i] === 1,
    rankInTown: extra.rankInTown,
    rankInCity: extra.rankInCity,
    notes: extra.notes as string[],
    explanation: extra.steps as ExplanationStep[],
  };
  // Format-2 fields only when the standard uses them, so a format-1 result is unchanged.
  if (c.hasHigherTiers) result.higherNamedStars = extra.higherNamedStars as string[];
  if (c.labels) result.label = stars < 0 ? null : (c.labels.get(stars) ?? null);
  return result;
}

function summarize(c: CompiledStandard, villages: VillageResult[], towns: TownResult[]): RatingSummary {
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
  const summary: RatingSummary = {
    villages: villages.length,
    vetoed,
    byStars,
    atLeastThreeStarsPercent: villages.length === 0 ? 0 : roundHalfUpDiv(atLeastThree * 10000, villages.length) / 100,
    townsByStars,
  };
  if (c.labels) {
    const byLabel: Record<string, number> = {};
    for (const v of villages) if (v.label) byLabel[v.label] = (byLabel[v.label] ?? 0) + 1;
    summary.byLabel = byLabel;
  }
  return summary;
}

/** Bonus points aimed at each dimension's named star (format 2); null when none. */
function dimensionBonus(c: CompiledStandard, items: Record<string, number> | undefined): number[] | null {
  if (c.dimensionBonus.size === 0 || !items) return null;
  const out = new Array<number>(c.dimensionIds.length).fill(0);
  for (const [id, d] of c.dimensionBonus) out[d] = (out[d] ?? 0) + Math.round((items[id] ?? 0) * 100);
  return out;
}

function explainOutcome(c: CompiledStandard, stars: number): ExplanationStep {
  if (stars < 0) return { rule: 'outcome', stars: null, label: null, before: null, after: null, text: '不予评定，无结果名称' };
  const label = c.labels?.get(stars) ?? null;
  return { rule: 'outcome', stars, label, before: null, after: stars, text: `最终等级 ${stars}：${label ?? '（无名称）'}` };
}

function groupByTown(townOf: Int32Array, townCount: number, indices: readonly number[]): number[][] {
  const byTown: number[][] = Array.from({ length: townCount }, () => []);
  for (const i of indices) byTown[townOf[i] as number]?.push(i);
  return byTown;
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
  const n = input.villages.length;
  const issues: RatingIssue[] = [];
  const townOf = checkStructure(c, input, issues);
  const cols = createScoreColumns(c, n);
  const ctx: ScoreContext = { c, cols, issues, options: opts, dimensionScratch: new Float64Array(c.dimensionIds.length), missingScratch: [] };
  for (let i = 0; i < n; i++) scoreVillage(ctx, input.villages[i] as RatingInput['villages'][number], `villages[${i}]`, i);
  if (opts.missing === 'error') missingAsIssues(c, cols, input, issues);
  if (issues.length > 0) throw new RatingInputError(issues);

  const steps: (ExplanationStep[] | undefined)[] | null = explain ? new Array(n) : null;
  const notes: (string[] | undefined)[] = new Array(n);
  const note = (i: number, text: string): void => {
    const list = notes[i];
    if (list) list.push(text);
    else notes[i] = [text];
  };
  const named: (readonly string[])[] = new Array(n);
  const higher: (readonly string[])[] = new Array(n);
  const noteScratch: string[] = [];
  const dc = cols.dimensionCount;
  for (let i = 0; i < n; i++) {
    const v = input.villages[i] as RatingInput['villages'][number];
    const villageSteps = steps ? explainScore(c, readScore(cols, i)) : null;
    if (steps) steps[i] = villageSteps ?? undefined;
    noteScratch.length = 0;
    const missing = cols.missing.get(i);
    if (missing) noteScratch.push(`缺少数据${missing.length}项`);
    const sat = cols.satisfactionBp[i] as number;
    const level = decideLevel(
      c,
      v,
      { finalH: cols.finalH[i] as number, satisfactionBp: Number.isNaN(sat) ? null : sat, dimensionH: cols.dimensionH, dimensionOffset: i * dc, dimensionBonusH: dimensionBonus(c, cols.bonusItems.get(i)) },
      villageSteps,
      noteScratch,
    );
    if (noteScratch.length > 0) notes[i] = noteScratch.slice();
    cols.levelFromScore[i] = level.levelFromScore;
    cols.stars[i] = level.stars === null ? -1 : level.stars;
    cols.vetoed[i] = level.vetoed ? 1 : 0;
    named[i] = level.namedStars;
    higher[i] = level.higherNamedStars;
  }

  const src: RankSource = { cols, villages: input.villages };
  const referrals: Referral[] = [];
  applyQuotas(c, src, { steps, note, refer: (r) => referrals.push(r) });
  if (c.labels && steps) for (let i = 0; i < n; i++) steps[i]?.push(explainOutcome(c, cols.stars[i] as number));

  const rated: number[] = [];
  const unrated: number[] = [];
  for (let i = 0; i < n; i++) (cols.vetoed[i] === 1 ? unrated : rated).push(i);
  const rankInCity = new Float64Array(n).fill(Number.NaN);
  const rankInTown = new Float64Array(n).fill(Number.NaN);
  const cityRanks = rankVillages(c, c.rankingKeys, src, rated);
  rated.forEach((i, p) => {
    rankInCity[i] = cityRanks[p] as number;
  });
  for (const list of groupByTown(townOf, input.towns.length, rated)) {
    const ranks = rankVillages(c, c.rankingKeys, src, list);
    list.forEach((i, p) => {
      rankInTown[i] = ranks[p] as number;
    });
  }
  rankVillages(c, [], src, unrated);

  const templates = {
    stages: Object.fromEntries(c.stages.map((st) => [st.id, 0])),
    dimensions: Object.fromEntries(c.dimensionIds.map((id) => [id, 0])),
  };
  const villages = [...rated, ...unrated].map((i) => {
    const city = rankInCity[i] as number;
    const town = rankInTown[i] as number;
    return toVillageResult(c, src, i, templates, {
      townName: input.towns[townOf[i] as number]?.name ?? '',
      namedStars: named[i] ?? NO_NOTES,
      higherNamedStars: higher[i] ?? NO_NOTES,
      notes: notes[i] ?? NO_NOTES,
      steps: steps?.[i] ?? NO_STEPS,
      rankInCity: Number.isNaN(city) ? null : city,
      rankInTown: Number.isNaN(town) ? null : town,
    });
  });

  const villageStars: number[][] = Array.from({ length: input.towns.length }, () => []);
  for (let i = 0; i < n; i++) villageStars[townOf[i] as number]?.push(cols.stars[i] as number);
  const towns = input.towns
    .map((t, k) => rateTown(c, t, villageStars[k] ?? [], explain))
    .sort(
      (a, b) =>
        (b.stars ?? -1) - (a.stars ?? -1) ||
        (b.ownScore ?? -1) - (a.ownScore ?? -1) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );

  const result: RatingResult = {
    standard: { id: c.standard.id, name: c.standard.name, version: c.standard.version },
    villages,
    towns,
    summary: summarize(c, villages, towns),
  };
  if (referrals.length > 0) result.referrals = referrals;
  return result;
}
