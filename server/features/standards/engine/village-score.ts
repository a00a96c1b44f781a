import type { CompiledFormula, CompiledStandard } from './compiled-standard.js';
import { formatFraction, roundHalfUpDiv, roundHalfUpDivBig, roundToHundredths, toTenThousandths } from './exact-math.js';
import type { RateOptions, RatingIssue, VillageInput } from './rating-input.js';
import type { ClippedItem, MissingItem } from './rating-result.js';
import type { ScoreColumns } from './score-columns.js';

// The hot path: one village's points, from raw stage scores to the rounded final score, written
// into the run's score columns. Only integer arithmetic reaches a rounding; every rounding is half
// up and happens where docs/standards.md says it does.

export type ScoreContext = {
  c: CompiledStandard;
  cols: ScoreColumns;
  issues: RatingIssue[];
  options: Required<RateOptions>;
  dimensionScratch: Float64Array;
  missingScratch: MissingItem[];
};

const MAX_ISSUES = 1000;

function addIssue(ctx: ScoreContext, issue: RatingIssue): void {
  if (ctx.issues.length < MAX_ISSUES) ctx.issues.push(issue);
}

/** Hundredths of a person-typed value, or null after recording why it is not acceptable. */
function checkedHundredths(
  ctx: ScoreContext,
  value: unknown,
  maxH: number,
  path: string,
  villageId: string,
): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    addIssue(ctx, { code: 'rating.invalid_number', path, villageId, message: '分值必须是数字' });
    return null;
  }
  const scaled = value * 100;
  const h = Math.round(scaled);
  if (Math.abs(scaled - h) > 1e-6) {
    addIssue(ctx, { code: 'rating.too_many_decimals', path, villageId, value, message: `分值最多保留两位小数（现为 ${value}）` });
    return null;
  }
  if (h < 0 || h > maxH) {
    addIssue(ctx, {
      code: 'rating.score_out_of_range', path, villageId, value, max: maxH / 100,
      message: `分值 ${value} 超出范围（0 至 ${maxH / 100}）`,
    });
    return null;
  }
  return h;
}

/** Adds up the judges' points; returns the weighted sum in units of 1/denominator hundredth. */
function scoreStages(ctx: ScoreContext, v: VillageInput, at: string, i: number, missing: MissingItem[]): number {
  const { c } = ctx;
  const dims = ctx.dimensionScratch;
  const { maxH, dimensionOf, indexById } = c;
  let baseNum = 0;
  for (const key in v.scores) {
    if (!c.stageById.has(key)) addIssue(ctx, { code: 'rating.unknown_stage', path: `${at}.scores.${key}`, villageId: v.id, message: `标准中没有评价阶段“${key}”` });
  }
  const stageH = ctx.cols.stageH;
  const stageCount = c.stages.length;
  for (let si = 0; si < stageCount; si++) {
    const st = c.stages[si] as (typeof c.stages)[number];
    const rec = v.scores[st.id] as Record<string, unknown> | undefined;
    let sum = 0;
    let count = 0;
    if (rec !== undefined) {
      const { scores, multiplier, keyCache, indexCache } = st;
      let position = 0;
      for (const key in rec) {
        // Records usually list the same keys in the same order (they come from one form or
        // export), so the key seen at this position last time saves the map lookup.
        let idx: number | undefined;
        if (position < keyCache.length && keyCache[position] === key) idx = indexCache[position];
        else {
          idx = indexById.get(key);
          if (idx !== undefined && position < keyCache.length) {
            keyCache[position] = key;
            indexCache[position] = idx;
          }
        }
        position += 1;
        if (idx === undefined || scores[idx] === 0) {
          const path = `${at}.scores.${st.id}.${key}`;
          if (idx === undefined) addIssue(ctx, { code: 'rating.unknown_indicator', path, villageId: v.id, message: `标准中没有指标“${key}”` });
          else if (c.isFormula[idx] === 1) addIssue(ctx, { code: 'rating.formula_indicator_scored', path, villageId: v.id, message: `“${c.indicatorNames[idx]}”按数据自动计算，不能直接打分` });
          else addIssue(ctx, { code: 'rating.stage_not_scoring', path, villageId: v.id, message: `“${c.indicatorNames[idx]}”不在${st.name}阶段评分` });
          continue;
        }
        const value = rec[key];
        const limit = maxH[idx] as number;
        let h: number;
        // Fast path for the common case; the slow path records the exact problem.
        if (typeof value === 'number' && value >= 0 && (h = Math.round(value * 100)) <= limit && Math.abs(value * 100 - h) <= 1e-6) {
          // accepted
        } else {
          const checked = checkedHundredths(ctx, value, limit, `${at}.scores.${st.id}.${key}`, v.id);
          if (checked === null) continue;
          h = checked;
        }
        const weighted = h * (multiplier[idx] as number);
        baseNum += weighted;
        const d = dimensionOf[idx] as number;
        dims[d] = (dims[d] as number) + weighted;
        sum += h;
        count += 1;
      }
    }
    if (count < st.expectedCount) {
      for (let k = 0; k < c.indicatorIds.length; k++) {
        const id = c.indicatorIds[k] as string;
        if (st.scores[k] === 1 && (rec === undefined || rec[id] === undefined)) missing.push({ kind: 'score', stage: st.id, indicatorId: id });
      }
    }
    stageH[i * stageCount + si] = sum;
  }
  return baseNum;
}

function ratioValue(numX: number, denX: number, scale: number): number {
  const n = numX * scale * 10000;
  if (Number.isSafeInteger(n)) return denX > 0 ? roundHalfUpDiv(n, denX) : roundHalfUpDiv(-n, -denX);
  const sign = denX > 0 ? 1n : -1n;
  return Number(roundHalfUpDivBig(BigInt(numX) * BigInt(scale) * 10000n * sign, BigInt(denX) * sign));
}

function recordedFigure(v: VillageInput, id: string): number | null {
  const raw = v.figures?.[id];
  return typeof raw === 'number' && Number.isFinite(raw) ? toTenThousandths(raw) : null;
}

/** A figure's value for a village in ten-thousandths (derived ratios computed), or null when missing. */
export function figureValue(c: CompiledStandard, v: VillageInput, id: string): number | null {
  const figure = c.figures.get(id);
  if (!figure) return null;
  if (figure.kind === 'recorded') return recordedFigure(v, id);
  const num = recordedFigure(v, figure.numerator);
  const den = recordedFigure(v, figure.denominator);
  if (num === null || den === null) return null;
  if (den === 0) return figure.whenZero;
  return ratioValue(num, den, figure.scale);
}

function mapFigure(f: CompiledFormula, x: number): number {
  const m = f.mapping;
  if (m.type === 'steps') {
    for (let k = 0; k < m.mins.length; k++) if (x >= (m.mins[k] as number)) return m.ys[k] as number;
    return m.otherwise;
  }
  const last = m.xs.length - 1;
  if (x <= (m.xs[0] as number)) return m.ys[0] as number;
  if (x >= (m.xs[last] as number)) return m.ys[last] as number;
  let k = 0;
  while (x >= (m.xs[k + 1] as number)) k += 1;
  const x0 = m.xs[k] as number;
  const dx = (m.xs[k + 1] as number) - x0;
  const y0 = m.ys[k] as number;
  const dy = (m.ys[k + 1] as number) - y0;
  return roundHalfUpDiv(y0 * dx + (x - x0) * dy, dx);
}

function checkFigureKeys(ctx: ScoreContext, v: VillageInput, at: string): void {
  if (!v.figures) return;
  for (const key in v.figures) {
    const figure = ctx.c.figures.get(key);
    const path = `${at}.figures.${key}`;
    if (!figure) addIssue(ctx, { code: 'rating.unknown_figure', path, villageId: v.id, message: `标准中没有数据项“${key}”` });
    else if (figure.kind === 'ratio') {
      addIssue(ctx, { code: 'rating.derived_figure_given', path, villageId: v.id, message: `“${figure.name}”由其他数据项计算得出，请填报其分子和分母` });
    } else if (typeof v.figures[key] !== 'number' || !Number.isFinite(v.figures[key])) {
      addIssue(ctx, { code: 'rating.invalid_number', path, villageId: v.id, message: '数据项必须是数字' });
    }
  }
}

function satisfactionBp(ctx: ScoreContext, v: VillageInput, at: string): number | null {
  const s = v.satisfaction;
  if (s === undefined || s === null) return null;
  if ('rate' in s) return roundToHundredths(s.rate);
  const path = `${at}.satisfaction`;
  if (s.satisfied + s.basicallySatisfied + s.unsatisfied !== s.sampleSize) {
    addIssue(ctx, {
      code: 'rating.satisfaction_counts_mismatch', path, villageId: v.id,
      message: `满意 ${s.satisfied} + 基本满意 ${s.basicallySatisfied} + 不满意 ${s.unsatisfied} 不等于样本数 ${s.sampleSize}`,
    });
  }
  const min = ctx.c.satisfaction?.minSampleSize ?? null;
  if (min !== null && s.sampleSize < min) {
    addIssue(ctx, { code: 'rating.satisfaction_sample_too_small', path, villageId: v.id, value: s.sampleSize, message: `测评样本 ${s.sampleSize} 份，少于标准要求的 ${min} 份` });
  }
  const credit = ctx.c.satisfaction?.credit ?? 100;
  return roundHalfUpDiv((s.satisfied * 100 + s.basicallySatisfied * credit) * 100, s.sampleSize);
}

/** A yellow card is only for a category whose rule has one; anything else would be silently read as a full veto. */
function checkSeverities(ctx: ScoreContext, v: VillageInput, at: string): void {
  v.violations?.forEach((violation, k) => {
    if (violation.severity !== 'yellowCard') return;
    const rule = ctx.c.standard.vetoes?.find((r) => r.category === violation.category);
    if (rule && !rule.yellowCard) {
      addIssue(ctx, { code: 'rating.no_yellow_card', path: `${at}.violations[${k}].severity`, villageId: v.id, message: `“${rule.name}”没有黄牌警告档，只能按一票否决处理` });
    }
  });
}

type Adjustment = { claimedH: number; appliedH: number; items: Record<string, number>; clipped: ClippedItem[] };

const NO_CLIPPED: ClippedItem[] = Object.freeze([]) as unknown as ClippedItem[];
const NO_ADJUSTMENT: Adjustment = Object.freeze({ claimedH: 0, appliedH: 0, items: Object.freeze({}) as Record<string, number>, clipped: NO_CLIPPED });

function adjustments(ctx: ScoreContext, v: VillageInput, at: string, group: 'bonus' | 'deductions'): Adjustment {
  const def = ctx.c[group];
  const given = v[group];
  if (given === undefined) return NO_ADJUSTMENT;
  const items: Record<string, number> = {};
  let claimedH = 0;
  let clipped: ClippedItem[] | undefined;
  if (given) {
    for (const key in given) {
      const item = def.items.get(key);
      const path = `${at}.${group}.${key}`;
      if (!item) {
        addIssue(ctx, { code: 'rating.unknown_item', path, villageId: v.id, message: `标准中没有${group === 'bonus' ? '加分' : '扣分'}项“${key}”` });
        continue;
      }
      let h: number | null;
      let count: number | undefined;
      if (item.perH === null) h = checkedHundredths(ctx, given[key], Number.MAX_SAFE_INTEGER, path, v.id);
      else {
        // A counted item (每项 5 分): the input is how many, a whole number, never points.
        const raw = given[key];
        if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
          addIssue(ctx, { code: 'rating.count_not_integer', path, villageId: v.id, message: `“${item.name}”按次计分，请填写次数（非负整数），现为 ${String(raw)}` });
          h = null;
        } else {
          count = raw;
          h = raw * item.perH;
        }
      }
      if (h === null) continue;
      const counted = Math.min(h, item.maxH);
      if (counted < h) (clipped ??= []).push({ id: key, name: item.name, given: h / 100, maxPoints: item.maxH / 100, ...(count === undefined ? {} : { count }) });
      items[key] = counted / 100;
      claimedH += counted;
    }
  }
  return { claimedH, appliedH: Math.min(claimedH, def.capH), items, clipped: clipped ?? NO_CLIPPED };
}

/** Scores village `i` into ctx.cols (everything up to the rounded final score). */
export function scoreVillage(ctx: ScoreContext, v: VillageInput, at: string, i: number): void {
  const { c, cols } = ctx;
  const D = c.denominator;
  const dims = ctx.dimensionScratch;
  dims.fill(0);
  // Shared scratch list: most villages miss nothing, so only the rare ones get their own copy.
  const missing = ctx.missingScratch;
  missing.length = 0;
  let baseNum = scoreStages(ctx, v, at, i, missing);

  if (v.figures !== undefined) checkFigureKeys(ctx, v, at);
  const fc = c.formulas.length;
  for (let k = 0; k < fc; k++) {
    const f = c.formulas[k] as CompiledFormula;
    const x = figureValue(c, v, f.figure);
    const h = x === null ? 0 : mapFigure(f, x);
    if (x === null) missing.push({ kind: 'figure', figure: f.figure });
    cols.formulaH[i * fc + k] = h;
    cols.formulaValue[i * fc + k] = x === null ? Number.NaN : x;
    baseNum += h * D;
    const d = c.dimensionOf[f.index] as number;
    dims[d] = (dims[d] as number) + h * D;
  }

  for (const rule of c.standard.dataRules ?? []) {
    if (figureValue(c, v, rule.figure) === null && !missing.some((m) => m.kind === 'figure' && m.figure === rule.figure)) missing.push({ kind: 'figure', figure: rule.figure });
  }
  checkSeverities(ctx, v, at);
  const bp = satisfactionBp(ctx, v, at);
  if (bp === null && c.satisfactionRequired) missing.push({ kind: 'satisfaction' });
  if (missing.length > 0) cols.missing.set(i, missing.slice());
  const bonus = adjustments(ctx, v, at, 'bonus');
  const deduction = adjustments(ctx, v, at, 'deductions');
  if (bonus !== NO_ADJUSTMENT) cols.bonusItems.set(i, bonus.items);
  if (deduction !== NO_ADJUSTMENT) cols.deductionItems.set(i, deduction.items);
  if (bonus.clipped.length > 0) cols.bonusClipped.set(i, bonus.clipped);
  if (deduction.clipped.length > 0) cols.deductionClipped.set(i, deduction.clipped);
  const netH = bonus.appliedH - deduction.appliedH;

  const w = c.satisfaction?.weight ?? 0;
  const full = ctx.options.explain === 'full';
  let weightedH: number;
  let finalH: number;
  let floored = false;
  if (w === 0 || c.weightedFitsNumber) {
    // Exact in doubles: every operand is an integer below 2^53 (checked when compiling).
    const den = w === 0 ? D : D * 1_000_000;
    const weighted = w === 0 ? baseNum : baseNum * ((100 - w) * 10000) + (bp ?? 0) * w * c.totalMaxH * D;
    weightedH = roundHalfUpDiv(weighted, den);
    let num = weighted + netH * den;
    if (num < 0) {
      num = 0;
      floored = true;
    }
    finalH = roundHalfUpDiv(num, den);
    if (full && num % den !== 0) cols.exactFinal.set(i, formatFraction(BigInt(num), BigInt(den) * 100n, 6));
  } else {
    const den = BigInt(D) * 1_000_000n;
    const weighted = BigInt(baseNum) * BigInt((100 - w) * 10000) + BigInt((bp ?? 0) * w * c.totalMaxH) * BigInt(D);
    weightedH = Number(roundHalfUpDivBig(weighted, den));
    let num = weighted + BigInt(netH) * den;
    if (num < 0n) {
      num = 0n;
      floored = true;
    }
    finalH = Number(roundHalfUpDivBig(num, den));
    if (full && num % den !== 0n) cols.exactFinal.set(i, formatFraction(num, den * 100n, 6));
  }

  const dc = c.dimensionIds.length;
  for (let d = 0; d < dc; d++) cols.dimensionH[i * dc + d] = roundHalfUpDiv(dims[d] as number, D);
  cols.baseH[i] = roundHalfUpDiv(baseNum, D);
  cols.weightedH[i] = weightedH;
  cols.finalH[i] = finalH;
  cols.satisfactionBp[i] = bp === null ? Number.NaN : bp;
  cols.bonusClaimedH[i] = bonus.claimedH;
  cols.bonusH[i] = bonus.appliedH;
  cols.deductionClaimedH[i] = deduction.claimedH;
  cols.deductionH[i] = deduction.appliedH;
  cols.floored[i] = floored ? 1 : 0;
}
