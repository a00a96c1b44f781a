import type { CompiledStandard } from './compiled-standard.js';
import { floorDiv, toHundredths } from './exact-math.js';
import { decidingKey, rankingKeyLabel, rankVillages, type RankSource } from './ranking.js';
import type { ExplanationStep } from './rating-result.js';

// Quotas (名额): at most maxPercent of the villages in scope at a level. From the highest
// limited level down, the villages at that level are ordered by the quota order (the ranking
// keys unless the standard gives its own, then name and id); the first `limit` keep the level,
// the others drop one level and compete at the next limited level with those already there.
// limit = floor(base × maxPercent / 100): "at most" never rounds up.

export type QuotaSink = {
  steps: (ExplanationStep[] | undefined)[] | null;
  note: (i: number, text: string) => void;
};

export function applyQuotas(c: CompiledStandard, src: RankSource, sink: QuotaSink): void {
  const quotas = c.standard.quotas;
  if (!quotas) return;
  const { cols, villages } = src;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < villages.length; i++) {
    const key = quotas.scope === 'city' ? '' : (villages[i]?.townId ?? '');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const limits = [...quotas.limits].sort((a, b) => b.stars - a.stars);
  const scopeText = quotas.scope === 'city' ? '全市' : '本镇';
  const baseText = quotas.base === 'allVillages' ? '个村' : '个参评村';
  const orderText = c.quotaOrder.map((k) => rankingKeyLabel(c, k)).join('、');
  for (const group of groups.values()) {
    const base = quotas.base === 'allVillages' ? group.length : group.filter((i) => cols.vetoed[i] === 0).length;
    for (const rule of limits) {
      const limit = floorDiv(base * (toHundredths(rule.maxPercent) ?? 0), 10000);
      const pool = group.filter((i) => cols.stars[i] === rule.stars);
      if (pool.length <= limit) continue;
      rankVillages(c, c.quotaOrder, src, pool);
      // The boundary between the last kept and the first dropped village is the place a tie
      // would decide; both explanations name the keys they share and the one that decided.
      const lastKept = limit > 0 ? pool[limit - 1] : undefined;
      const firstDropped = pool[limit] as number;
      const boundary = lastKept === undefined ? null : decidingKey(c, c.quotaOrder, src, lastKept, firstDropped);
      const tieText = (i: number): string => {
        if (!boundary || boundary.equalOn.length === 0 || lastKept === undefined) return '';
        const other = src.villages[i === lastKept ? firstDropped : lastKept]?.name ?? '';
        return `；与${other}在${boundary.equalOn.join('、')}上并列，按${boundary.decidedBy}区分`;
      };
      pool.forEach((i, p) => {
        const kept = p < limit;
        const atBoundary = i === lastKept || i === firstDropped;
        const tie = atBoundary && boundary && boundary.equalOn.length > 0 ? { with: src.villages[i === lastKept ? firstDropped : (lastKept as number)]?.name ?? '', equalOn: boundary.equalOn, decidedBy: boundary.decidedBy } : null;
        const after = kept ? rule.stars : rule.stars - 1;
        sink.steps?.[i]?.push({
          rule: 'quota',
          scope: quotas.scope,
          stars: rule.stars,
          maxPercent: rule.maxPercent,
          base,
          limit,
          poolSize: pool.length,
          position: p + 1,
          kept,
          tieBreak: tie,
          before: rule.stars,
          after,
          text:
            `${scopeText} ${rule.stars} 星名额 ${limit} 个（${base} ${baseText} × ${rule.maxPercent}%，向下取整）；` +
            `本村在 ${pool.length} 个 ${rule.stars} 星村中按${orderText}排第 ${p + 1}${atBoundary ? tieText(i) : ''}，${kept ? `保留 ${rule.stars} 星` : `降为 ${after} 星`}`,
        });
        if (!kept) {
          cols.stars[i] = after;
          sink.note(i, `名额限制：${rule.stars} 星 → ${after} 星`);
        }
      });
    }
  }
}
