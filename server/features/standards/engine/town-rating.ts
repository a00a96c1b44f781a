import type { CompiledStandard } from './compiled-standard.js';
import { roundHalfUpDiv, toHundredths } from './exact-math.js';
import { fmt } from './rating-explain.js';
import type { TownInput } from './rating-input.js';
import type { TownResult, TownStep } from './rating-result.js';

// A town Party committee's stars follow from its own assessment and its villages' final stars.
// A vetoed village counts with 0 stars in the average and below every share. A town without
// villages meets no village condition.

type Check = Extract<TownStep, { rule: 'town_level' }>['checks'][number];

export function rateTown(
  c: CompiledStandard,
  town: TownInput,
  /** Final stars of the town's villages; -1 for a vetoed (unrated) village. */
  villageStars: readonly number[],
  explain: boolean,
): TownResult {
  const scheme = c.standard.townScheme;
  const count = villageStars.length;
  const byStars: Record<string, number> = {};
  let sum = 0;
  let vetoed = 0;
  for (const stars of villageStars) {
    if (stars < 0) vetoed += 1;
    else {
      byStars[String(stars)] = (byStars[String(stars)] ?? 0) + 1;
      sum += stars;
    }
  }
  const averageH = count === 0 ? null : roundHalfUpDiv(sum * 100, count);
  const ownH = town.ownScore === undefined || town.ownScore === null ? null : toHundredths(town.ownScore);
  const steps: TownStep[] = [];
  const summaryText = Object.keys(byStars)
    .sort((a, b) => Number(b) - Number(a))
    .map((k) => `${k} 星 ${byStars[k]} 个`)
    .join('、');
  steps.push({
    rule: 'town_villages',
    villageCount: count,
    byStars,
    vetoed,
    averageStars: averageH === null ? null : averageH / 100,
    text: `所辖 ${count} 个村：${summaryText || '无'}${vetoed > 0 ? `、不定星 ${vetoed} 个` : ''}；平均 ${averageH === null ? '-' : fmt(averageH)} 星（不定星按 0 计）`,
  });
  if (!scheme) {
    return { id: town.id, name: town.name, ownScore: ownH === null ? null : ownH / 100, villageCount: count, averageVillageStars: averageH === null ? null : averageH / 100, stars: null, explanation: explain ? steps : [] };
  }
  // Step by step as for villages: the town's own score, then its villages (above), then the rule.
  const maxH = toHundredths(scheme.ownScoreMax) ?? 0;
  if (ownH === null) steps.unshift({ rule: 'missing_data', missing: [{ kind: 'townScore' }], text: '缺少镇党委自身考核得分，按 0 分计' });
  else steps.unshift({ rule: 'town_own_score', ownScore: ownH / 100, maxScore: maxH / 100, text: `镇党委自身考核得分 ${fmt(ownH)} 分（满分 ${fmt(maxH)} 分）` });

  const checks: Check[] = [];
  let matched: number | null = null;
  for (const row of scheme.levels) {
    const rowChecks: Check[] = [];
    if (row.minOwnScore !== undefined) {
      rowChecks.push({ stars: row.stars, condition: 'ownScore', required: row.minOwnScore, actual: ownH === null ? null : ownH / 100, met: (ownH ?? 0) >= (toHundredths(row.minOwnScore) ?? 0) });
    }
    if (row.minAverageVillageStars !== undefined) {
      // average ≥ min  ⇔  sum × 100 ≥ min(hundredths) × count, exact.
      const met = count > 0 && sum * 100 >= (toHundredths(row.minAverageVillageStars) ?? 0) * count;
      rowChecks.push({ stars: row.stars, condition: 'averageVillageStars', required: row.minAverageVillageStars, actual: averageH === null ? null : averageH / 100, met });
    }
    if (row.minShareOfVillages) {
      const atLeast = row.minShareOfVillages.atLeastStars;
      const n = villageStars.filter((stars) => stars >= atLeast).length;
      const met = count > 0 && n * 10000 >= (toHundredths(row.minShareOfVillages.percent) ?? 0) * count;
      const shareH = count === 0 ? null : roundHalfUpDiv(n * 10000, count);
      rowChecks.push({ stars: row.stars, condition: 'shareOfVillages', required: row.minShareOfVillages.percent, actual: shareH === null ? null : shareH / 100, met });
    }
    checks.push(...rowChecks);
    if (rowChecks.every((k) => k.met)) {
      matched = row.stars;
      break;
    }
  }
  const level = matched ?? scheme.minStars;
  const label = (k: Check): string => {
    const actual = k.actual === null ? '无' : String(k.actual);
    if (k.condition === 'ownScore') return `自身考核 ${actual} 分 ${k.met ? '≥' : '<'} ${k.required} 分`;
    if (k.condition === 'averageVillageStars') return `村平均 ${actual} 星 ${k.met ? '≥' : '<'} ${k.required} 星`;
    const row = scheme.levels.find((l) => l.stars === k.stars);
    return `${row?.minShareOfVillages?.atLeastStars ?? ''} 星及以上村占 ${actual}% ${k.met ? '≥' : '<'} ${k.required}%`;
  };
  const tried = scheme.levels.filter((l) => checks.some((k) => k.stars === l.stars));
  const reasons = tried.map((l) => `${l.stars} 星：${checks.filter((k) => k.stars === l.stars).map(label).join('，')}`).join('；');
  steps.push({
    rule: 'town_level',
    ownScore: ownH === null ? null : ownH / 100,
    matched: matched === null ? null : { stars: matched },
    checks,
    before: null,
    after: level,
    text: `按镇党委星级条件从高到低逐级比对——${reasons}；定为 ${level} 星${matched === null ? '（未满足任何星级条件）' : ''}`,
  });
  let stars = level;
  if (scheme.capWhenVillageVetoed !== undefined && vetoed > 0) {
    const after = Math.min(stars, scheme.capWhenVillageVetoed);
    steps.push({
      rule: 'town_veto_cap',
      vetoedVillages: vetoed,
      maxStars: scheme.capWhenVillageVetoed,
      before: stars,
      after,
      text: `所辖村有 ${vetoed} 个被一票否决，镇党委最多 ${scheme.capWhenVillageVetoed} 星：${stars} 星 → ${after} 星`,
    });
    stars = after;
  }
  return {
    id: town.id,
    name: town.name,
    ownScore: ownH === null ? null : ownH / 100,
    villageCount: count,
    averageVillageStars: averageH === null ? null : averageH / 100,
    stars,
    explanation: explain ? steps : [],
  };
}
