import type { CompiledStandard } from './compiled-standard.js';
import { floorDiv, toHundredths } from './exact-math.js';
import { keysComparator, listingComparator, type RankRow } from './ranking.js';
import type { ExplanationStep } from './rating-result.js';

// Quotas (名额): at most maxPercent of the villages in scope at a level. From the highest
// limited level down, the villages at that level are ordered by the quota order (the ranking
// keys unless the standard gives its own, then name and id); the first `limit` keep the level,
// the others drop one level and compete at the next limited level with those already there.
// limit = floor(base × maxPercent / 100): "at most" never rounds up.

export type QuotaRow = RankRow & {
  townId: string;
  vetoed: boolean;
  steps: ExplanationStep[] | null;
  notes: string[];
};

export function applyQuotas(c: CompiledStandard, rows: QuotaRow[]): void {
  const quotas = c.standard.quotas;
  if (!quotas) return;
  const order = listingComparator(keysComparator(c, c.quotaOrder));
  const groups = new Map<string, QuotaRow[]>();
  for (const row of rows) {
    const key = quotas.scope === 'city' ? '' : row.townId;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const limits = [...quotas.limits].sort((a, b) => b.stars - a.stars);
  const scopeText = quotas.scope === 'city' ? '全市' : '本镇';
  for (const group of groups.values()) {
    const base = quotas.base === 'allVillages' ? group.length : group.filter((r) => !r.vetoed).length;
    const baseText = quotas.base === 'allVillages' ? '个村' : '个参评村';
    for (const rule of limits) {
      const percentH = toHundredths(rule.maxPercent) ?? 0;
      const limit = floorDiv(base * percentH, 10000);
      const pool = group.filter((r) => r.stars === rule.stars).sort(order);
      if (pool.length <= limit) continue;
      pool.forEach((row, i) => {
        const kept = i < limit;
        const after = kept ? rule.stars : rule.stars - 1;
        row.steps?.push({
          rule: 'quota',
          scope: quotas.scope,
          stars: rule.stars,
          maxPercent: rule.maxPercent,
          base,
          limit,
          poolSize: pool.length,
          position: i + 1,
          kept,
          before: rule.stars,
          after,
          text:
            `${scopeText}${rule.stars}星名额 ${limit} 个（${base} ${baseText} × ${rule.maxPercent}%，向下取整）；` +
            `本村在 ${pool.length} 个${rule.stars}星村中排第 ${i + 1}，${kept ? `保留 ${rule.stars} 星` : `降为 ${after} 星`}`,
        });
        if (!kept) {
          row.stars = after;
          row.notes.push(`名额限制：${rule.stars}星→${after}星`);
        }
      });
    }
  }
}
