import { toHundredths } from './exact-math.js';
import { pointsDecimalsCheck, type Report } from './standard-checks.js';
import type { RankingKey, Standard } from '../../../../shared/standards/standard.js';

// Checks of the rules that turn scores into stars: level scheme, prerequisites, satisfaction
// caps, vetoes, quotas, ranking keys and the town scheme.

function percentDecimalsCheck(report: Report, path: string, value: number): void {
  if (toHundredths(value) === null) report(path, 'standard.too_many_decimals', `百分比最多保留两位小数（现为 ${value}）`);
}

function highestReachable(standard: Standard): number {
  return standard.totalMaxScore + (standard.bonus?.cap ?? 0);
}

function checkLevelScheme(standard: Standard, report: Report): void {
  const scheme = standard.levelScheme;
  const reachable = highestReachable(standard);
  if (scheme.type === 'thresholds') {
    scheme.thresholds.forEach((row, i) => {
      const path = `levelScheme.thresholds[${i}]`;
      pointsDecimalsCheck(report, `${path}.minScore`, row.minScore);
      const prev = scheme.thresholds[i - 1];
      if (prev !== undefined && (row.stars >= prev.stars || row.minScore >= prev.minScore)) {
        report(path, 'standard.thresholds_order',
          `星级门槛须按星级从高到低、分数从高到低排列（${prev.stars} 星 ${prev.minScore} 分之后是 ${row.stars} 星 ${row.minScore} 分）`);
      }
      if (row.stars <= scheme.minStars) {
        report(`${path}.stars`, 'standard.thresholds_order', `门槛星级 ${row.stars} 须高于保底星级 ${scheme.minStars}`);
      }
      if (row.minScore > reachable) {
        report(`${path}.minScore`, 'standard.threshold_unreachable', `门槛 ${row.minScore} 分超过可能的最高分 ${reachable}`);
      }
    });
    return;
  }
  const dimensionIds = new Set(standard.dimensions.map((d) => d.id));
  standard.dimensions.forEach((dimension, d) => {
    if (!dimension.namedStar) {
      report(`dimensions[${d}].namedStar`, 'standard.named_star_missing', '命名星方案下每个维度都须定义 namedStar');
    }
  });
  scheme.levels.forEach((row, i) => {
    const path = `levelScheme.levels[${i}]`;
    const prev = scheme.levels[i - 1];
    if (prev !== undefined && row.stars >= prev.stars) {
      report(path, 'standard.levels_order', `星级须从高到低排列（${prev.stars} 星之后是 ${row.stars} 星）`);
    }
    if (row.stars <= scheme.minStars) {
      report(`${path}.stars`, 'standard.levels_order', `星级 ${row.stars} 须高于保底星级 ${scheme.minStars}`);
    }
    if (row.minNamedStars > standard.dimensions.length) {
      report(`${path}.minNamedStars`, 'standard.threshold_unreachable',
        `需要 ${row.minNamedStars} 颗命名星，但只有 ${standard.dimensions.length} 个维度`);
    }
    if (row.minScore !== undefined) {
      pointsDecimalsCheck(report, `${path}.minScore`, row.minScore);
      if (row.minScore > reachable) {
        report(`${path}.minScore`, 'standard.threshold_unreachable', `门槛 ${row.minScore} 分超过可能的最高分 ${reachable}`);
      }
    }
    row.requiredDimensions?.forEach((id, k) => {
      if (!dimensionIds.has(id)) {
        report(`${path}.requiredDimensions[${k}]`, 'standard.unknown_dimension', `维度“${id}”不存在`);
      }
    });
  });
}

function checkPrerequisites(standard: Standard, report: Report): void {
  const figureIds = new Set((standard.figures ?? []).map((f) => f.id));
  standard.prerequisites?.forEach((rule, i) => {
    if (rule.type === 'figure' && !figureIds.has(rule.figure)) {
      report(`prerequisites[${i}].figure`, 'standard.unknown_figure', `数据项“${rule.figure}”未在 figures 中定义`);
    }
  });
}

function checkSatisfaction(standard: Standard, report: Report): void {
  const caps = standard.satisfaction?.caps ?? [];
  caps.forEach((cap, i) => percentDecimalsCheck(report, `satisfaction.caps[${i}].belowPercent`, cap.belowPercent));
}

function checkVetoes(standard: Standard, report: Report): void {
  const seen = new Set<string>();
  standard.vetoes?.forEach((rule, i) => {
    if (seen.has(rule.category)) {
      report(`vetoes[${i}].category`, 'standard.duplicate_veto_category', `否决类别“${rule.category}”重复`);
    }
    seen.add(rule.category);
  });
}

function checkRankingKeys(standard: Standard, keys: readonly RankingKey[], path: string, report: Report): void {
  const stageIds = new Set(standard.stages.map((s) => s.id));
  const dimensionIds = new Set(standard.dimensions.map((d) => d.id));
  keys.forEach((key, i) => {
    if (key.key === 'stageScore' && !stageIds.has(key.stage)) {
      report(`${path}[${i}].stage`, 'standard.unknown_stage', `评价阶段“${key.stage}”未在 stages 中定义`);
    }
    if (key.key === 'dimensionScore' && !dimensionIds.has(key.dimension)) {
      report(`${path}[${i}].dimension`, 'standard.unknown_dimension', `维度“${key.dimension}”不存在`);
    }
  });
}

function checkQuotas(standard: Standard, report: Report): void {
  const quotas = standard.quotas;
  if (!quotas) return;
  const seen = new Set<number>();
  let sum = 0;
  quotas.limits.forEach((limit, i) => {
    percentDecimalsCheck(report, `quotas.limits[${i}].maxPercent`, limit.maxPercent);
    if (seen.has(limit.stars)) {
      report(`quotas.limits[${i}].stars`, 'standard.duplicate_quota', `${limit.stars} 星的名额限制重复`);
    }
    seen.add(limit.stars);
    sum += toHundredths(limit.maxPercent) ?? 0;
  });
  quotas.targets?.forEach((target, i) => {
    percentDecimalsCheck(report, `quotas.targets[${i}].targetPercent`, target.targetPercent);
    if (seen.has(target.stars)) {
      report(`quotas.targets[${i}].stars`, 'standard.duplicate_quota', `${target.stars} 星已有名额限制或目标比例`);
    }
    seen.add(target.stars);
    sum += toHundredths(target.targetPercent) ?? 0;
  });
  if (sum > 10000) report('quotas.limits', 'standard.quota_sum', `各星级名额比例之和 ${sum / 100}% 超过 100%`);
  const shares = new Set<number>();
  quotas.minimumShares?.forEach((share, i) => {
    percentDecimalsCheck(report, `quotas.minimumShares[${i}].minPercent`, share.minPercent);
    if (shares.has(share.atMostStars)) {
      report(`quotas.minimumShares[${i}].atMostStars`, 'standard.duplicate_quota', `${share.atMostStars} 星及以下的最低比例重复`);
    }
    shares.add(share.atMostStars);
  });
  if (quotas.limits.length === 0 && (quotas.targets ?? []).length === 0 && (quotas.minimumShares ?? []).length === 0) {
    report('quotas.limits', 'standard.quota_empty', '名额规则为空：请至少写一条 limits、targets 或 minimumShares');
  }
  if (quotas.order) checkRankingKeys(standard, quotas.order, 'quotas.order', report);
}

function checkTownScheme(standard: Standard, report: Report): void {
  const scheme = standard.townScheme;
  if (!scheme) return;
  pointsDecimalsCheck(report, 'townScheme.ownScoreMax', scheme.ownScoreMax);
  scheme.levels.forEach((row, i) => {
    const path = `townScheme.levels[${i}]`;
    const prev = scheme.levels[i - 1];
    if (prev !== undefined && row.stars >= prev.stars) {
      report(path, 'standard.levels_order', `星级须从高到低排列（${prev.stars} 星之后是 ${row.stars} 星）`);
    }
    if (row.stars <= scheme.minStars) {
      report(`${path}.stars`, 'standard.levels_order', `星级 ${row.stars} 须高于保底星级 ${scheme.minStars}`);
    }
    if (row.minOwnScore !== undefined) {
      pointsDecimalsCheck(report, `${path}.minOwnScore`, row.minOwnScore);
      if (row.minOwnScore > scheme.ownScoreMax) {
        report(`${path}.minOwnScore`, 'standard.threshold_unreachable',
          `门槛 ${row.minOwnScore} 分超过镇党委考核满分 ${scheme.ownScoreMax}`);
      }
    }
    if (row.minAverageVillageStars !== undefined && toHundredths(row.minAverageVillageStars) === null) {
      report(`${path}.minAverageVillageStars`, 'standard.too_many_decimals', '平均星级门槛最多保留两位小数');
    }
    if (row.minShareOfVillages) {
      percentDecimalsCheck(report, `${path}.minShareOfVillages.percent`, row.minShareOfVillages.percent);
    }
  });
}

export function checkStandardRules(standard: Standard, report: Report): void {
  checkLevelScheme(standard, report);
  checkPrerequisites(standard, report);
  checkSatisfaction(standard, report);
  checkVetoes(standard, report);
  checkQuotas(standard, report);
  checkRankingKeys(standard, standard.ranking.keys, 'ranking.keys', report);
  checkTownScheme(standard, report);
}
