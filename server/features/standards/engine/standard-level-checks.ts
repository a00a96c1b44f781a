import type { Standard } from '../../../../shared/standards/standard.js';
import { pointsDecimalsCheck, type Report } from './standard-checks.js';

// Format-2 rules on levels: the higher tier of a named star, and outcome labels. Every level a
// village can end at needs a label, so a result is never shown without its name.

/** Highest level of the scheme and every level a village can end at (caps and lowerings included). */
export function possibleLevels(standard: Standard): { top: number; levels: number[] } {
  const scheme = standard.levelScheme;
  const rows = scheme.type === 'thresholds' ? scheme.thresholds : scheme.levels;
  const top = Math.max(scheme.minStars, ...rows.map((r) => r.stars));
  let low = scheme.minStars;
  for (const cap of standard.satisfaction?.caps ?? []) low = Math.min(low, cap.maxStars);
  for (const veto of [...(standard.vetoes ?? []), ...(standard.dataRules ?? [])]) if (veto.effect.type === 'capStars') low = Math.min(low, veto.effect.maxStars);
  for (const veto of standard.vetoes ?? []) if (veto.yellowCard) low = Math.min(low, veto.yellowCard.maxStars);
  for (const p of standard.prerequisites ?? []) low = Math.min(low, p.stars - 1);
  return { top, levels: Array.from({ length: top - low + 1 }, (_, k) => low + k) };
}

function checkHigherTiers(standard: Standard, report: Report): void {
  let tiers = 0;
  standard.dimensions.forEach((d, i) => {
    const higher = d.namedStar?.higher;
    if (!higher || !d.namedStar) return;
    tiers += 1;
    const path = `dimensions[${i}].namedStar.higher.minPoints`;
    pointsDecimalsCheck(report, path, higher.minPoints);
    if (higher.minPoints < d.namedStar.minPoints) {
      report(path, 'standard.named_star_tier_order', `第二档门槛 ${higher.minPoints} 低于命名星门槛 ${d.namedStar.minPoints}`);
    }
    if (higher.minPoints > d.maxPoints) {
      report(path, 'standard.threshold_unreachable', `第二档门槛 ${higher.minPoints} 超过维度满分 ${d.maxPoints}`);
    }
  });
  const scheme = standard.levelScheme;
  if (scheme.type !== 'namedStars') return;
  scheme.levels.forEach((row, i) => {
    if (row.minHigherNamedStars !== undefined && row.minHigherNamedStars > tiers) {
      report(`levelScheme.levels[${i}].minHigherNamedStars`, 'standard.threshold_unreachable',
        `需要 ${row.minHigherNamedStars} 颗第二档命名星，但只有 ${tiers} 个维度设了第二档（namedStar.higher）`);
    }
  });
}

function checkOutcomes(standard: Standard, report: Report): void {
  const outcomes = standard.outcomes;
  if (!outcomes) return;
  const { levels } = possibleLevels(standard);
  const seen = new Set<number>();
  outcomes.labels.forEach((l, i) => {
    if (seen.has(l.stars)) report(`outcomes.labels[${i}].stars`, 'standard.duplicate_label', `等级 ${l.stars} 的结果名称重复`);
    seen.add(l.stars);
    if (!levels.includes(l.stars)) {
      report(`outcomes.labels[${i}].stars`, 'standard.unknown_level', `等级 ${l.stars} 不在本标准可能的等级（${levels.join('、')}）中`);
    }
  });
  const missing = levels.filter((n) => !seen.has(n));
  if (missing.length > 0) {
    report('outcomes.labels', 'standard.label_missing', `等级 ${missing.join('、')} 没有结果名称；每个可能的等级都须有名称（如 0 → 未达标）`);
  }
}

function checkAdjustmentsV2(standard: Standard, report: Report): void {
  const dimensions = new Set(standard.dimensions.map((d) => d.id));
  for (const group of ['bonus', 'deductions'] as const) {
    standard[group]?.items.forEach((item, i) => {
      const path = `${group}.items[${i}]`;
      if (item.perCount !== undefined) {
        pointsDecimalsCheck(report, `${path}.perCount`, item.perCount);
        if (item.perCount === 0) report(`${path}.perCount`, 'standard.too_small', '每次分值须大于 0');
      }
      if (item.dimension === undefined) return;
      if (group === 'deductions') report(`${path}.dimension`, 'standard.dimension_on_deduction', '只有加分项可以计入维度（命名星）');
      else if (!dimensions.has(item.dimension)) report(`${path}.dimension`, 'standard.unknown_dimension', `维度“${item.dimension}”不存在`);
    });
  }
}

function checkDataRules(standard: Standard, report: Report): void {
  const figures = new Set((standard.figures ?? []).map((f) => f.id));
  standard.dataRules?.forEach((rule, i) => {
    if (!figures.has(rule.figure)) report(`dataRules[${i}].figure`, 'standard.unknown_figure', `数据项“${rule.figure}”未在 figures 中定义`);
  });
}

export function checkLevelRules(standard: Standard, report: Report): void {
  checkHigherTiers(standard, report);
  checkOutcomes(standard, report);
  checkAdjustmentsV2(standard, report);
  checkDataRules(standard, report);
}
