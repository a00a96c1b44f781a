import type { CompiledStandard } from './compiled-standard.js';
import { toTenThousandths } from './exact-math.js';
import { fmt, fmtFigure, fmtRate, pts, starText } from './rating-explain.js';
import type { VillageInput } from './rating-input.js';
import type { VetoRule } from '../../../../shared/standards/standard.js';
import type { ExplanationStep } from './rating-result.js';
import { figureValue } from './village-score.js';

// From the final score to the stars, in the documented order: named stars → level → prerequisites
// → satisfaction caps → vetoes. Quotas come later, across villages (quota.ts).

export type LevelOutcome = {
  levelFromScore: number;
  stars: number | null;
  vetoed: boolean;
  namedStars: readonly string[];
  /** Dimensions whose named star reached its higher tier (format 2); empty without tiers. */
  higherNamedStars: readonly string[];
};

/** What the level rules read from a village's score. */
export type LevelFacts = {
  finalH: number;
  satisfactionBp: number | null;
  /** Dimension scores of this village start at dimensionOffset (a column of the whole run, or a plain array with offset 0). */
  dimensionH: ArrayLike<number>;
  dimensionOffset: number;
  /** Bonus points that count towards each dimension's named star (format 2), or null. */
  dimensionBonusH?: ArrayLike<number> | null;
};

/** A dimension's points for its named star: its indicators plus any bonus aimed at it. */
function starPoints(score: LevelFacts, d: number): number {
  return (score.dimensionH[score.dimensionOffset + d] ?? 0) + (score.dimensionBonusH?.[d] ?? 0);
}

type Sink = { steps: ExplanationStep[] | null; notes: string[] };

function levelFromScore(c: CompiledStandard, score: LevelFacts, earned: readonly string[], higher: readonly string[], sink: Sink): number {
  let row: CompiledStandard['levels'][number] | null = null;
  for (const l of c.levels) {
    if (
      earned.length >= l.minNamedStars &&
      higher.length >= l.minHigher &&
      (l.minH === null || score.finalH >= l.minH) &&
      (l.required.length === 0 || l.required.every((d) => earned.includes(d)))
    ) {
      row = l;
      break;
    }
  }
  const stars = row ? row.stars : c.minStars;
  if (sink.steps) sink.steps.push(explainLevel(c, score, earned, row, stars));
  return stars;
}

function explainLevel(
  c: CompiledStandard,
  score: LevelFacts,
  earned: readonly string[],
  row: CompiledStandard['levels'][number] | null,
  stars: number,
): ExplanationStep {
  const byThresholds = c.standard.levelScheme.type === 'thresholds';
  const matched = row ? { stars: row.stars, minScore: row.minH === null ? null : pts(row.minH), minNamedStars: byThresholds ? null : row.minNamedStars } : null;
  const base = { rule: 'level' as const, scheme: c.standard.levelScheme.type, score: pts(score.finalH), namedStars: byThresholds ? null : earned.length, matched, before: null, after: stars };
  if (byThresholds) {
    const lowest = c.levels[c.levels.length - 1];
    return {
      ...base,
      text: row
        ? `最终得分 ${fmt(score.finalH)} 分，达到 ${row.stars} 星门槛 ${fmt(row.minH ?? 0)} 分，定为 ${stars} 星`
        : `最终得分 ${fmt(score.finalH)} 分，未达到最低门槛 ${fmt(lowest?.minH ?? 0)} 分，定为 ${starText(stars)}`,
    };
  }
  const conditions = row
    ? [
        `至少 ${row.minNamedStars} 颗命名星`,
        ...(row.minHigher > 0 ? [`至少 ${row.minHigher} 颗命名星达到第二档`] : []),
        ...(row.minH === null ? [] : [`总分不低于 ${fmt(row.minH)} 分`]),
        ...row.required.map((d) => `须获${c.namedStarNames[c.dimensionIds.indexOf(d)] ?? d}`),
      ]
    : [];
  return {
    ...base,
    text: row
      ? `获 ${earned.length} 颗命名星、总分 ${fmt(score.finalH)} 分，满足 ${row.stars} 星条件（${conditions.join('，')}），定为 ${stars} 星`
      : `获 ${earned.length} 颗命名星、总分 ${fmt(score.finalH)} 分，未满足任何星级条件，定为 ${starText(stars)}`,
  };
}

const NO_NAMED_STARS: readonly string[] = Object.freeze([]);

/** Ids of the dimensions whose named star is earned, in standard order (shared, frozen lists). */
function namedStars(c: CompiledStandard, score: LevelFacts, sink: Sink): readonly string[] {
  if (!c.hasNamedStars) return NO_NAMED_STARS;
  let mask = 0;
  for (let d = 0; d < c.dimensionIds.length; d++) {
    const min = c.namedStarMinH[d];
    if (min !== null && min !== undefined && starPoints(score, d) >= min) mask |= 1 << d;
  }
  if (sink.steps) sink.steps.push(explainNamedStars(c, score));
  let earned = c.namedStarSets.get(mask);
  if (earned === undefined) {
    earned = Object.freeze(c.dimensionIds.filter((_, d) => (mask & (1 << d)) !== 0));
    c.namedStarSets.set(mask, earned);
  }
  return earned;
}

type NamedStarRow = Extract<ExplanationStep, { rule: 'named_stars' }>['dimensions'][number];

function explainNamedStars(c: CompiledStandard, score: LevelFacts): ExplanationStep {
  const rows: NamedStarRow[] = [];
  const parts: string[] = [];
  let higherCount = 0;
  c.dimensionIds.forEach((id, d) => {
    const min = c.namedStarMinH[d];
    if (min === null || min === undefined) return;
    const h = starPoints(score, d);
    const ok = h >= min;
    const name = c.namedStarNames[d] ?? id;
    const extra = score.dimensionBonusH?.[d] ?? 0;
    const bonusText = extra > 0 ? `，含加分 ${fmt(extra)}` : '';
    const higherMin = c.namedStarHigherMinH[d] ?? null;
    let tierText = '';
    if (higherMin === null) rows.push({ dimension: id, name, score: pts(h), minPoints: pts(min), earned: ok });
    else {
      const high = h >= higherMin;
      if (high) higherCount += 1;
      rows.push({ dimension: id, name, score: pts(h), minPoints: pts(min), earned: ok, higher: { name: c.namedStarHigherNames[d] ?? name, minPoints: pts(higherMin), earned: high } });
      tierText = high ? `，达到第二档（≥ ${fmt(higherMin)}）` : `，未达第二档（${fmt(higherMin)}）`;
    }
    parts.push(`${name}（${c.dimensionNames[d]} ${fmt(h)}${bonusText} ${ok ? '≥' : '<'} ${fmt(min)}）${ok ? '获得' : '未获得'}${tierText}`);
  });
  const count = rows.filter((r) => r.earned).length;
  const tiers = c.hasHigherTiers ? `，其中 ${higherCount} 颗达到第二档` : '';
  return { rule: 'named_stars', dimensions: rows, before: null, after: count, text: `命名星：${parts.join('；')}；共获 ${count} 颗${tiers}` };
}

/** Dimensions whose named star reached its higher tier, in standard order. */
function higherNamedStars(c: CompiledStandard, score: LevelFacts): readonly string[] {
  if (!c.hasHigherTiers) return NO_NAMED_STARS;
  return c.dimensionIds.filter((_, d) => {
    const min = c.namedStarHigherMinH[d];
    return min !== null && min !== undefined && starPoints(score, d) >= min;
  });
}

function applyPrerequisites(c: CompiledStandard, v: VillageInput, stars: number, sink: Sink): number {
  let current = stars;
  for (const rule of c.prerequisites) {
    if (current < rule.stars) continue;
    let actual: number | null;
    let met: boolean;
    let required: number;
    let what: string;
    if (rule.type === 'lastYearStars') {
      actual = v.lastYearStars ?? null;
      required = rule.minStars;
      met = actual === null ? rule.whenUnknown === 'met' : actual >= rule.minStars;
      what = `${rule.stars} 星须上年达到 ${rule.minStars} 星及以上：上年${actual === null ? '星级未知' : `为 ${actual} 星`}`;
    } else {
      const x = figureValue(c, v, rule.figure);
      actual = x === null ? null : x / 10000;
      required = rule.min;
      met = x !== null && x >= toTenThousandths(rule.min);
      const name = rule.description ?? c.figures.get(rule.figure)?.name ?? rule.figure;
      what = `${rule.stars} 星须“${name}”不低于 ${rule.min}：实际为 ${fmtFigure(x)}`;
    }
    const after = met ? current : rule.stars - 1;
    sink.steps?.push({
      rule: 'prerequisite',
      stars: rule.stars,
      requirement: rule.type,
      figure: rule.type === 'figure' ? rule.figure : null,
      required,
      actual,
      met,
      before: current,
      after,
      text: met ? `${what}，满足` : `${what}，不满足，${current} 星 → ${after} 星`,
    });
    if (!met) sink.notes.push(`未满足 ${rule.stars} 星前置条件`);
    current = after;
  }
  return current;
}

/** "群众满意率 95.00%", or a plain sentence when there was no survey (it then counts as 0). */
function satisfactionWords(bp: number | null): string {
  return bp === null ? '无群众满意度测评（按 0 计）' : `群众满意率 ${fmtRate(bp)}`;
}

function applySatisfactionCaps(c: CompiledStandard, score: LevelFacts, stars: number, sink: Sink): number {
  const caps = c.satisfaction?.caps ?? [];
  if (caps.length === 0) return stars;
  const rate = score.satisfactionBp ?? 0;
  let current = stars;
  for (const cap of caps) {
    if (rate >= cap.belowBp) continue;
    const after = Math.min(current, cap.maxStars);
    sink.steps?.push({
      rule: 'satisfaction_cap',
      rate: score.satisfactionBp === null ? null : pts(score.satisfactionBp),
      belowPercent: pts(cap.belowBp),
      maxStars: cap.maxStars,
      before: current,
      after,
      text: `${satisfactionWords(score.satisfactionBp)}，低于 ${fmt(cap.belowBp)}%，最多 ${cap.maxStars} 星：${current} 星 → ${after} 星`,
    });
    if (after < current) sink.notes.push(`${satisfactionWords(score.satisfactionBp)}，最多 ${cap.maxStars} 星`);
    current = after;
  }
  return current;
}

function applyVetoes(c: CompiledStandard, v: VillageInput, stars: number, sink: Sink): { stars: number | null; vetoed: boolean } {
  const violations = v.violations ?? [];
  if (violations.length === 0) return { stars, vetoed: false };
  const reasons = new Map<string, string[]>();
  // Categories with a full veto among their cases; a category with yellow cards only is capped by its yellow card.
  const full = new Set<string>();
  for (const violation of violations) {
    const list = reasons.get(violation.category) ?? [];
    list.push(violation.reason);
    reasons.set(violation.category, list);
    if (violation.severity !== 'yellowCard') full.add(violation.category);
  }
  const asYellow = (r: VetoRule): VetoRule =>
    full.has(r.category) || !r.yellowCard ? r : { ...r, name: r.yellowCard.name ?? `${r.name}（黄牌警告）`, effect: { type: 'capStars', maxStars: r.yellowCard.maxStars } };
  const rules = (c.standard.vetoes ?? []).filter((r) => reasons.has(r.category)).map(asYellow);
  const noRating = rules.filter((r) => r.effect.type === 'noRating');
  // Order independent of the input: removals, then caps, then lowerings, each in standard order.
  const ordered = [
    ...noRating,
    ...rules.filter((r) => r.effect.type === 'capStars'),
    ...rules.filter((r) => r.effect.type === 'lowerStars'),
  ];
  const floor = c.minStars;
  let current: number | null = stars;
  for (const rule of ordered) {
    const why = (reasons.get(rule.category) ?? []).join('；');
    const before = current;
    let text: string;
    const effect = rule.effect;
    if (effect.type === 'noRating') {
      current = null;
      text = `一票否决（${rule.name}）：${why}；不予评星`;
      sink.notes.push(`一票否决：${rule.name}`);
    } else if (before === null) {
      text = `${rule.name}：${why}；已不予评星，本项不再改变星级`;
    } else if (effect.type === 'capStars') {
      current = Math.min(before, effect.maxStars);
      text = `${rule.name}：${why}；最多 ${effect.maxStars} 星：${before} 星 → ${current} 星`;
      sink.notes.push(`${rule.name}：最多 ${effect.maxStars} 星`);
    } else {
      current = Math.max(Math.min(before, floor), before - effect.by);
      text = `${rule.name}：${why}；降 ${effect.by} 星：${before} 星 → ${starText(current)}`;
      sink.notes.push(`${rule.name}：降 ${effect.by} 星`);
    }
    sink.steps?.push({
      rule: 'veto',
      category: rule.category,
      name: rule.name,
      effect: effect.type,
      maxStars: effect.type === 'capStars' ? effect.maxStars : null,
      by: effect.type === 'lowerStars' ? effect.by : null,
      reasons: reasons.get(rule.category) ?? [],
      before,
      after: current,
      text,
    });
  }
  const listed = new Set((c.standard.vetoes ?? []).map((r) => r.category));
  for (const [category, list] of reasons) {
    if (listed.has(category)) continue;
    sink.steps?.push({
      rule: 'violation_not_listed',
      category,
      reasons: list,
      before: current,
      after: current,
      text: `违规类别“${category}”不在本标准的否决清单中，不影响星级（已记录：${list.join('；')}）`,
    });
  }
  return { stars: current, vetoed: noRating.length > 0 };
}

/** Rules from recorded figures (format 2): a figure below its minimum removes, caps or lowers like a veto. */
function applyDataRules(c: CompiledStandard, v: VillageInput, now: { stars: number | null; vetoed: boolean }, sink: Sink): { stars: number | null; vetoed: boolean } {
  const rules = c.standard.dataRules ?? [];
  if (rules.length === 0) return now;
  let current = now.stars;
  let vetoed = now.vetoed;
  const order = [...rules.filter((r) => r.effect.type === 'noRating'), ...rules.filter((r) => r.effect.type === 'capStars'), ...rules.filter((r) => r.effect.type === 'lowerStars')];
  for (const rule of order) {
    const x = figureValue(c, v, rule.figure);
    const applies = (x ?? 0) < toTenThousandths(rule.min);
    if (!applies) continue;
    const before = current;
    const what = `${rule.name}：“${c.figures.get(rule.figure)?.name ?? rule.figure}”为 ${fmtFigure(x)}${x === null ? '（缺少，按 0 计）' : ''}，低于 ${rule.min}`;
    const effect = rule.effect;
    let text: string;
    if (effect.type === 'noRating') {
      current = null;
      vetoed = true;
      text = `${what}；不予评星`;
      sink.notes.push(`不予评星：${rule.name}`);
    } else if (before === null) {
      text = `${what}；已不予评星，本项不再改变星级`;
    } else if (effect.type === 'capStars') {
      current = Math.min(before, effect.maxStars);
      text = `${what}；最多 ${effect.maxStars} 星：${before} 星 → ${current} 星`;
      sink.notes.push(`${rule.name}：最多 ${effect.maxStars} 星`);
    } else {
      current = Math.max(Math.min(before, c.minStars), before - effect.by);
      text = `${what}；降 ${effect.by} 星：${before} 星 → ${starText(current)}`;
      sink.notes.push(`${rule.name}：降 ${effect.by} 星`);
    }
    sink.steps?.push({ rule: 'data_rule', name: rule.name, figure: rule.figure, value: x === null ? null : x / 10000, min: rule.min, effect: effect.type, before, after: current, text });
  }
  return { stars: current, vetoed };
}

export function decideLevel(
  c: CompiledStandard,
  v: VillageInput,
  score: LevelFacts,
  steps: ExplanationStep[] | null,
  notes: string[],
): LevelOutcome {
  const sink: Sink = { steps, notes };
  const earned = namedStars(c, score, sink);
  const higher = higherNamedStars(c, score);
  const fromScore = levelFromScore(c, score, earned, higher, sink);
  let stars = applyPrerequisites(c, v, fromScore, sink);
  stars = applySatisfactionCaps(c, score, stars, sink);
  const veto = applyVetoes(c, v, stars, sink);
  const data = applyDataRules(c, v, veto, sink);
  return {
    levelFromScore: fromScore,
    stars: data.stars,
    vetoed: data.vetoed,
    namedStars: earned,
    higherNamedStars: higher,
  };
}
