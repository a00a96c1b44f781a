import type { CompiledFormula, CompiledStandard } from './compiled-standard.js';
import { formatHundredths } from './exact-math.js';
import type { ClippedItem, ExplanationStep, MissingItem } from './rating-result.js';
import type { StageId } from '../../../../shared/standards/standard.js';
import type { VillageScore } from './score-columns.js';

// Builders of the explanation steps of the score part (before stars). Numbers are given as
// exact hundredths and turned into numbers with two decimals here; the Chinese sentence repeats
// them so that a printed explanation can be checked by hand.

export const pts = (h: number): number => h / 100;
export const fmt = formatHundredths;
export const fmtRate = (bp: number | null): string => (bp === null ? '无测评' : `${formatHundredths(bp)}%`);
export const fmtFigure = (x: number | null): string => (x === null ? '缺失' : String(Number((x / 10000).toFixed(4))));
export const starText = (stars: number | null): string => (stars === null ? '不定星' : `${stars} 星`);

function missingLabel(c: CompiledStandard, item: MissingItem): string {
  if (item.kind === 'satisfaction') return '群众满意度测评';
  if (item.kind === 'figure') return `数据项“${c.figures.get(item.figure)?.name ?? item.figure}”`;
  const stage = c.stageById.get(item.stage)?.name ?? item.stage;
  const idx = c.indexById.get(item.indicatorId);
  return `${stage}·${idx === undefined ? item.indicatorId : c.indicatorNames[idx]}`;
}

export function explainMissing(c: CompiledStandard, missing: MissingItem[]): ExplanationStep {
  const shown = missing.slice(0, 10).map((m) => missingLabel(c, m)).join('、');
  const more = missing.length > 10 ? ` 等 ${missing.length} 项` : '';
  return { rule: 'missing_data', missing, text: `缺少 ${missing.length} 项数据，按 0 计：${shown}${more}` };
}

export function explainFormula(c: CompiledStandard, f: CompiledFormula, value: number | null, h: number): ExplanationStep {
  const figure = c.figures.get(f.figure);
  const unit = figure?.unit ?? '';
  const how = f.mapping.type === 'piecewise' ? '按分段线性换算' : '按档位换算';
  const shown = value === null ? '缺失，按 0 分计' : `${fmtFigure(value)}${unit}，${how}`;
  return {
    rule: 'formula',
    indicatorId: f.id,
    figure: f.figure,
    value: value === null ? null : value / 10000,
    mapping: f.mapping.type,
    maxPoints: pts(f.maxH),
    before: null,
    after: pts(h),
    text: `${f.name}：${figure?.name === f.name ? '' : `${figure?.name ?? f.figure} `}${shown}，得 ${fmt(h)} 分（满分 ${fmt(f.maxH)} 分）`,
  };
}

type StageWeightView = {
  weights: Partial<Record<StageId, number>>;
  referenceOnly: StageId[];
  weightText: string;
};

// The same for every village of a run, so one frozen copy is shared by all their explanations.
const stageWeightViews = new WeakMap<CompiledStandard, StageWeightView>();

function stageWeightView(c: CompiledStandard): StageWeightView {
  let view = stageWeightViews.get(c);
  if (!view) {
    const weights: Partial<Record<StageId, number>> = {};
    const referenceOnly: StageId[] = [];
    const parts: string[] = [];
    for (const st of c.stages) {
      weights[st.id] = st.counted ? st.weight : 0;
      if (!st.counted) referenceOnly.push(st.id);
      parts.push(st.counted ? `${st.name} ${st.weight}%` : `${st.name}仅作参考`);
    }
    view = Object.freeze({ weights: Object.freeze(weights), referenceOnly: Object.freeze(referenceOnly) as StageId[], weightText: parts.join('、') });
    stageWeightViews.set(c, view);
  }
  return view;
}

export function explainStageWeight(c: CompiledStandard, score: VillageScore): ExplanationStep {
  const view = stageWeightView(c);
  const stageScores: Partial<Record<StageId, number>> = {};
  const rawText: string[] = [];
  c.stages.forEach((st, s) => {
    stageScores[st.id] = pts(score.stageH[s] ?? 0);
    rawText.push(`${st.name} ${fmt(score.stageH[s] ?? 0)}`);
  });
  const formulaH = score.formulaH.reduce((a, b) => a + b, 0);
  const formulaText = c.formulas.length > 0 ? `，其中计算型指标 ${fmt(formulaH)} 分` : '';
  return {
    rule: 'stage_weight',
    weights: view.weights,
    referenceOnly: view.referenceOnly,
    stageScores,
    formulaPoints: pts(formulaH),
    before: null,
    after: pts(score.baseH),
    text: `指标得分 ${fmt(score.baseH)} 分${formulaText}：各阶段原始分 ${rawText.join('、')}，逐项按为其打分的阶段权重（${view.weightText}）折算`,
  };
}

export function explainSatisfactionWeight(c: CompiledStandard, score: VillageScore): ExplanationStep {
  const w = c.satisfaction?.weight ?? 0;
  const rate = score.satisfactionBp ?? 0;
  return {
    rule: 'satisfaction_weight',
    rate: score.satisfactionBp === null ? null : pts(score.satisfactionBp),
    weightPercent: w,
    before: pts(score.baseH),
    after: pts(score.weightedH),
    text:
      `群众满意度占 ${w}%：指标得分 ${fmt(score.baseH)} × ${100 - w}% + 满意率 ${fmtRate(rate)} × 满分 ${fmt(c.totalMaxH)} × ${w}%` +
      ` = ${fmt(score.weightedH)} 分`,
  };
}

export function explainAdjustment(
  kind: 'bonus' | 'deduction',
  claimedH: number,
  capH: number,
  appliedH: number,
  items: Record<string, number>,
  beforeH: number,
  clipped: ClippedItem[] = [],
): ExplanationStep {
  const label = kind === 'bonus' ? '加分' : '扣分';
  const afterH = kind === 'bonus' ? beforeH + appliedH : beforeH - appliedH;
  const capText = claimedH > capH ? `，超过封顶 ${fmt(capH)} 分，按 ${fmt(appliedH)} 分计` : `（封顶 ${fmt(capH)} 分）`;
  const clipText = clipped
    .map((k) => `${k.name}${k.count === undefined ? `填报 ${k.given} 分` : `填报 ${k.count} 次，合 ${k.given} 分`}，本项最多 ${k.maxPoints} 分，按 ${k.maxPoints} 分计`)
    .join('；');
  return {
    rule: kind,
    items,
    clipped,
    claimed: pts(claimedH),
    cap: pts(capH),
    before: pts(beforeH),
    after: pts(afterH),
    text: `${clipText ? `${clipText}；` : ''}${label}合计 ${fmt(claimedH)} 分${capText}：${fmt(beforeH)} → ${fmt(afterH)}`,
  };
}

export function explainFloor(beforeH: number): ExplanationStep {
  return { rule: 'score_floor', before: pts(beforeH), after: 0, text: `扣分后为 ${fmt(beforeH)} 分，最低按 0 分计` };
}

export function explainRound(exact: string, finalH: number): ExplanationStep {
  return {
    rule: 'score_round',
    exact,
    before: null,
    after: pts(finalH),
    text: `精确得分 ${exact}，四舍五入保留两位小数为 ${fmt(finalH)} 分；定星以此分数为准`,
  };
}

/**
 * Dimension scores are each rounded for display, the indicator score once from the exact sum, so
 * the shown dimensions can add up to a hundredth or two more or less than the score; say so.
 */
export function explainDimensionRound(c: CompiledStandard, score: VillageScore): ExplanationStep | null {
  if (c.dimensionIds.length < 2) return null;
  const shownH = score.dimensionH.reduce((a, b) => a + b, 0);
  if (shownH === score.baseH) return null;
  return {
    rule: 'dimension_round',
    shownSum: pts(shownH),
    before: null,
    after: pts(score.baseH),
    text:
      `各维度得分分别四舍五入到两位小数后合计 ${fmt(shownH)} 分；指标得分按精确值合计后只取舍一次，为 ${fmt(score.baseH)} 分，` +
      `相差 ${fmt(Math.abs(shownH - score.baseH))} 分来自各维度分别取舍，定星以 ${fmt(score.baseH)} 分为准`,
  };
}

/** The score steps in the order the engine applies them. */
export function explainScore(c: CompiledStandard, score: VillageScore): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  if (score.missing.length > 0) steps.push(explainMissing(c, score.missing));
  c.formulas.forEach((f, k) => steps.push(explainFormula(c, f, score.formulaValue[k] ?? null, score.formulaH[k] ?? 0)));
  steps.push(explainStageWeight(c, score));
  const dimensionRound = explainDimensionRound(c, score);
  if (dimensionRound) steps.push(dimensionRound);
  if ((c.satisfaction?.weight ?? 0) > 0) steps.push(explainSatisfactionWeight(c, score));
  // Adjustment steps only when something was claimed: most villages have none.
  if (score.bonusClaimedH > 0) {
    steps.push(explainAdjustment('bonus', score.bonusClaimedH, c.bonus.capH, score.bonusH, score.bonusItems, score.weightedH, score.bonusClipped));
  }
  if (score.deductionClaimedH > 0) {
    const before = score.weightedH + score.bonusH;
    steps.push(explainAdjustment('deduction', score.deductionClaimedH, c.deductions.capH, score.deductionH, score.deductionItems, before, score.deductionClipped));
  }
  if (score.floored) steps.push(explainFloor(score.weightedH + score.bonusH - score.deductionH));
  if (score.exactFinal !== null) steps.push(explainRound(score.exactFinal, score.finalH));
  return steps;
}
