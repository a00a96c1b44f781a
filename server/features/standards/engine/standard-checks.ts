import { toHundredths, toTenThousandths } from './exact-math.js';
import { countedStageWeights, indicatorWeightSum, weightDenominator } from './stage-weights.js';
import type { FormulaMapping, Standard } from '../../../../shared/standards/standard.js';

// Checks of the structure a schema cannot express: ids, stage weights, sums of maximum points and
// formula mappings. Rules about levels, vetoes, quotas, ranking and towns are in
// standard-rule-checks.ts. Each error names the exact place so a department can fix its file.

export type Report = (path: string, code: string, message: string) => void;

export function pointsDecimalsCheck(report: Report, path: string, value: number | undefined): void {
  if (value !== undefined && toHundredths(value) === null) {
    report(path, 'standard.too_many_decimals', `分值最多保留两位小数（现为 ${value}）`);
  }
}

function checkIds(standard: Standard, report: Report): void {
  // Dimensions, indicators and adjustment items share one namespace: input keys and explanations
  // name them without saying which kind they are.
  const seen = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seen.get(id);
    if (first !== undefined) report(`${path}.id`, 'standard.duplicate_id', `标识“${id}”重复（已在 ${first} 使用）`);
    else seen.set(id, path);
  };
  standard.dimensions.forEach((dimension, d) => {
    claim(dimension.id, `dimensions[${d}]`);
    dimension.indicators.forEach((indicator, i) => claim(indicator.id, `dimensions[${d}].indicators[${i}]`));
  });
  standard.bonus?.items.forEach((item, i) => claim(item.id, `bonus.items[${i}]`));
  standard.deductions?.items.forEach((item, i) => claim(item.id, `deductions.items[${i}]`));

  const figures = new Set<string>();
  standard.figures?.forEach((figure, f) => {
    if (figures.has(figure.id)) report(`figures[${f}].id`, 'standard.duplicate_id', `数据项“${figure.id}”重复`);
    figures.add(figure.id);
  });
}

function checkStages(standard: Standard, report: Report): void {
  const seen = new Set<string>();
  let sum = 0;
  standard.stages.forEach((stage, s) => {
    if (seen.has(stage.id)) report(`stages[${s}].id`, 'standard.duplicate_stage', `评价阶段“${stage.id}”重复`);
    seen.add(stage.id);
    if (stage.referenceOnly && stage.weight !== 0) {
      report(`stages[${s}].weight`, 'standard.reference_stage_weight', '仅作参考的阶段权重必须为 0');
    } else if (!stage.referenceOnly && stage.weight === 0) {
      report(`stages[${s}].weight`, 'standard.stage_weight_zero', '权重为 0 的阶段须标明 referenceOnly: true（仅作参考）');
    }
    if (!stage.referenceOnly) sum += stage.weight;
  });
  if (sum !== 100) {
    report('stages', 'standard.stage_weights_sum', `计分阶段的权重之和应为 100，现为 ${sum}`);
  }
}

function checkMapping(
  mapping: FormulaMapping,
  maxPoints: number,
  path: string,
  report: Report,
): void {
  const tooHigh = (p: string, points: number): void => {
    if (points > maxPoints) {
      report(p, 'standard.mapping_exceeds_max', `换算得分 ${points} 超过该指标满分 ${maxPoints}`);
    }
  };
  if (mapping.type === 'piecewise') {
    mapping.points.forEach((corner, k) => {
      const p = `${path}.points[${k}]`;
      tooHigh(`${p}.points`, corner.points);
      pointsDecimalsCheck(report, `${p}.points`, corner.points);
      const prev = mapping.points[k - 1];
      if (prev !== undefined && toTenThousandths(corner.x) <= toTenThousandths(prev.x)) {
        report(p, 'standard.mapping_order', `分段点的 x 必须严格递增（${prev.x} 之后是 ${corner.x}）`);
      }
    });
  } else {
    mapping.steps.forEach((step, k) => {
      const p = `${path}.steps[${k}]`;
      tooHigh(`${p}.points`, step.points);
      pointsDecimalsCheck(report, `${p}.points`, step.points);
      const prev = mapping.steps[k - 1];
      if (prev !== undefined && toTenThousandths(step.min) >= toTenThousandths(prev.min)) {
        report(p, 'standard.mapping_order', `档位的 min 必须从高到低排列（${prev.min} 之后是 ${step.min}）`);
      }
    });
    if (mapping.otherwise !== undefined) {
      tooHigh(`${path}.otherwise`, mapping.otherwise);
      pointsDecimalsCheck(report, `${path}.otherwise`, mapping.otherwise);
    }
  }
}

function checkDimensions(standard: Standard, report: Report): void {
  const stageIds = new Set(standard.stages.map((s) => s.id));
  const weights = countedStageWeights(standard);
  const figureIds = new Set((standard.figures ?? []).map((f) => f.id));
  let total = 0;
  standard.dimensions.forEach((dimension, d) => {
    const dp = `dimensions[${d}]`;
    let sum = 0;
    dimension.indicators.forEach((indicator, i) => {
      const ip = `${dp}.indicators[${i}]`;
      pointsDecimalsCheck(report, `${ip}.maxPoints`, indicator.maxPoints);
      sum += toHundredths(indicator.maxPoints) ?? 0;
      if (indicator.kind === 'scored') {
        const seen = new Set<string>();
        indicator.stages.forEach((stage, k) => {
          if (!stageIds.has(stage)) {
            report(`${ip}.stages[${k}]`, 'standard.unknown_stage', `评价阶段“${stage}”未在 stages 中定义`);
          }
          if (seen.has(stage)) report(`${ip}.stages[${k}]`, 'standard.duplicate_stage', `评价阶段“${stage}”重复`);
          seen.add(stage);
        });
        const known = indicator.stages.filter((s) => stageIds.has(s));
        if (known.length > 0 && indicatorWeightSum(weights, known) === 0) {
          report(`${ip}.stages`, 'standard.indicator_not_counted', '该指标只由仅作参考的阶段评分，永远不计入总分');
        }
      } else {
        if (!figureIds.has(indicator.formula.figure)) {
          report(`${ip}.formula.figure`, 'standard.unknown_figure', `数据项“${indicator.formula.figure}”未在 figures 中定义`);
        }
        checkMapping(indicator.formula.mapping, indicator.maxPoints, `${ip}.formula.mapping`, report);
      }
    });
    pointsDecimalsCheck(report, `${dp}.maxPoints`, dimension.maxPoints);
    if (toHundredths(dimension.maxPoints) !== sum) {
      report(`${dp}.maxPoints`, 'standard.dimension_max_mismatch',
        `维度满分 ${dimension.maxPoints} 与其指标满分之和 ${sum / 100} 不一致`);
    }
    if (dimension.namedStar) {
      pointsDecimalsCheck(report, `${dp}.namedStar.minPoints`, dimension.namedStar.minPoints);
      if (dimension.namedStar.minPoints > dimension.maxPoints) {
        report(`${dp}.namedStar.minPoints`, 'standard.threshold_unreachable',
          `命名星门槛 ${dimension.namedStar.minPoints} 超过维度满分 ${dimension.maxPoints}`);
      }
    }
    total += toHundredths(dimension.maxPoints) ?? 0;
  });
  pointsDecimalsCheck(report, 'totalMaxScore', standard.totalMaxScore);
  if (toHundredths(standard.totalMaxScore) !== total) {
    report('totalMaxScore', 'standard.total_max_mismatch',
      `总分 ${standard.totalMaxScore} 与各维度满分之和 ${total / 100} 不一致`);
  }
}

function checkFigures(standard: Standard, report: Report): void {
  const byId = new Map((standard.figures ?? []).map((f) => [f.id, f]));
  standard.figures?.forEach((figure, f) => {
    if (!figure.ratio) return;
    for (const side of ['numerator', 'denominator'] as const) {
      const ref = figure.ratio[side];
      const target = byId.get(ref);
      const path = `figures[${f}].ratio.${side}`;
      if (target === undefined) report(path, 'standard.unknown_figure', `数据项“${ref}”未在 figures 中定义`);
      else if (target.ratio !== undefined) {
        report(path, 'standard.figure_ratio_nested', `“${ref}”本身是计算得出的数据项，比值只能引用直接填报的数据项`);
      }
    }
  });
}

function checkAdjustments(standard: Standard, report: Report): void {
  for (const group of ['bonus', 'deductions'] as const) {
    const adjustments = standard[group];
    if (!adjustments) continue;
    pointsDecimalsCheck(report, `${group}.cap`, adjustments.cap);
    adjustments.items.forEach((item, i) => {
      pointsDecimalsCheck(report, `${group}.items[${i}].maxPoints`, item.maxPoints);
      if (item.maxPoints > adjustments.cap) {
        report(`${group}.items[${i}].maxPoints`, 'standard.item_exceeds_cap',
          `单项上限 ${item.maxPoints} 超过该组封顶 ${adjustments.cap}`);
      }
    });
  }
}

/** The engine adds weighted points as integers of 1/denominator hundredth; they must stay exact. */
function checkArithmeticRange(standard: Standard, report: Report): void {
  const denominator = weightDenominator(standard);
  const maxHundredths =
    (toHundredths(standard.totalMaxScore) ?? 0) +
    (toHundredths(standard.bonus?.cap ?? 0) ?? 0) +
    (toHundredths(standard.deductions?.cap ?? 0) ?? 0) +
    1;
  if (!Number.isSafeInteger(maxHundredths * denominator * 100)) {
    report('stages', 'standard.weights_too_fine',
      '各阶段权重组合出的公分母过大，无法精确计算；请使用 5 或 10 的倍数作为权重');
  }
}

export function checkStandardStructure(standard: Standard, report: Report): void {
  checkIds(standard, report);
  checkStages(standard, report);
  checkDimensions(standard, report);
  checkFigures(standard, report);
  checkAdjustments(standard, report);
  checkArithmeticRange(standard, report);
}
