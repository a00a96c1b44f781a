import type { CompiledStandard } from './compiled-standard.js';
import { floorDiv, roundHalfUpDiv, toHundredths } from './exact-math.js';
import { decidingKey, rankingKeyLabel, rankVillages, type RankSource } from './ranking.js';
import type { ExplanationStep, Referral } from './rating-result.js';

// Quotas (名额). Upper rules, from the highest level down: `limits` (at most maxPercent, places =
// floor(base × percent / 100): "at most" never rounds up) and `targets` (about targetPercent,
// places rounded half up). The villages at that level are ordered by the quota order (the
// ranking keys unless the standard gives its own); the first `places` keep the level, the others
// drop one level and compete at the next limited level with those already there. Stars are
// earned, so a target never raises a village to fill its places.
// Ties at the boundary (equal on every order key) follow `ties`: byKeys (default) breaks them by
// name and id; allKeep lets every tied village keep the level (the places are exceeded and the
// explanation says so); refer lets none of them keep it for now and lists them, with the open
// places, for the department to decide (RatingResult.referrals).
// Then `minimumShares`: at least minPercent of the villages at atMostStars or below (rounded
// up); when fewer, the lowest-ranked villages above drop to atMostStars (ties broken by keys).

export type QuotaSink = {
  steps: (ExplanationStep[] | undefined)[] | null;
  note: (i: number, text: string) => void;
  refer: (referral: Referral) => void;
};

type Upper = { stars: number; percent: number; kind: 'max' | 'target' };

/** Places of an upper rule over `base` villages: "at most" rounds down, a target rounds half up. */
export function quotaPlaces(base: number, percent: number, kind: 'max' | 'target'): number {
  const pH = toHundredths(percent) ?? 0;
  return kind === 'max' ? floorDiv(base * pH, 10000) : roundHalfUpDiv(base * pH, 10000);
}

/** True when two villages are equal on every quota order key (only name or id would tell them apart). */
function tiedOnKeys(c: CompiledStandard, src: RankSource, a: number, b: number): boolean {
  const counted = c.quotaOrder.filter((k) => k.key !== 'stars' && k.key !== 'name').length;
  const named = c.quotaOrder.some((k) => k.key === 'name');
  const d = decidingKey(c, c.quotaOrder, src, a, b);
  return d.equalOn.length - (named ? 1 : 0) >= counted && (!named || d.decidedBy !== '村名');
}

/** The run of villages tied with the first one left out, as positions [start, end) in the pool. */
function tieRun(c: CompiledStandard, src: RankSource, pool: readonly number[], places: number): [number, number] {
  const first = pool[places] as number;
  let start = places;
  while (start > 0 && tiedOnKeys(c, src, pool[start - 1] as number, first)) start -= 1;
  let end = places + 1;
  while (end < pool.length && tiedOnKeys(c, src, pool[end] as number, first)) end += 1;
  return [start, end];
}

function applyUpper(c: CompiledStandard, src: RankSource, group: number[], base: number, rule: Upper, sink: QuotaSink, townId: string | null): void {
  const quotas = c.standard.quotas;
  if (!quotas) return;
  const { cols } = src;
  const ties = quotas.ties ?? 'byKeys';
  const limit = quotaPlaces(base, rule.percent, rule.kind);
  const pool = group.filter((i) => cols.stars[i] === rule.stars);
  if (pool.length <= limit) return;
  rankVillages(c, c.quotaOrder, src, pool);
  let keep = limit;
  let run: [number, number] | null = null;
  if (ties !== 'byKeys' && limit > 0) {
    const [start, end] = tieRun(c, src, pool, limit);
    if (start < limit) {
      run = [start, end];
      keep = ties === 'allKeep' ? end : start;
    }
  }
  const scopeText = quotas.scope === 'city' ? '全市' : '本镇';
  const baseText = quotas.base === 'allVillages' ? '个村' : '个参评村';
  const orderText = c.quotaOrder.map((k) => rankingKeyLabel(c, k)).join('、');
  const placesText = rule.kind === 'max' ? `${base} ${baseText} × ${rule.percent}%，向下取整` : `${base} ${baseText} × 约 ${rule.percent}%，四舍五入`;
  // The boundary between the last kept and the first dropped village is the place a tie would
  // decide; both explanations name the keys they share and the one that decided.
  const lastKept = limit > 0 ? pool[limit - 1] : undefined;
  const firstDropped = pool[limit] as number;
  const boundary = lastKept === undefined ? null : decidingKey(c, c.quotaOrder, src, lastKept, firstDropped);
  const runNames = run ? pool.slice(run[0], run[1]).map((i) => src.villages[i]?.name ?? '') : [];
  if (run && ties === 'refer') {
    const ids = pool.slice(run[0], run[1]).map((i) => src.villages[i]?.id ?? '');
    sink.refer({
      scope: quotas.scope, townId, stars: rule.stars, places: limit - run[0], villages: ids,
      text: `${scopeText} ${rule.stars} 星剩余名额 ${limit - run[0]} 个，${runNames.join('、')} 在${orderText}上完全并列，报部门决定；决定前暂按 ${rule.stars - 1} 星`,
    });
  }
  pool.forEach((i, p) => {
    const kept = p < keep;
    const inRun = run !== null && p >= run[0] && p < run[1];
    const atBoundary = !run && (i === lastKept || i === firstDropped);
    const tie = atBoundary && boundary && boundary.equalOn.length > 0 ? { with: src.villages[i === lastKept ? firstDropped : (lastKept as number)]?.name ?? '', equalOn: boundary.equalOn, decidedBy: boundary.decidedBy } : null;
    let tieText = tie ? `；与${tie.with}在${tie.equalOn.join('、')}上并列，按${tie.decidedBy}区分` : '';
    if (inRun && ties === 'allKeep') tieText = `；与${runNames.filter((x) => x !== src.villages[i]?.name).join('、')}在${orderText}上完全并列，按标准并列者均保留（名额因此超出 ${keep - limit} 个）`;
    if (inRun && ties === 'refer') tieText = `；与${runNames.filter((x) => x !== src.villages[i]?.name).join('、')}在${orderText}上完全并列，剩余名额 ${limit - (run?.[0] ?? 0)} 个报部门决定，决定前暂按 ${rule.stars - 1} 星`;
    const after = kept ? rule.stars : rule.stars - 1;
    const step: Extract<ExplanationStep, { rule: 'quota' }> = {
      rule: 'quota',
      scope: quotas.scope,
      stars: rule.stars,
      maxPercent: rule.percent,
      base,
      limit,
      poolSize: pool.length,
      position: p + 1,
      kept,
      tieBreak: tie,
      before: rule.stars,
      after,
      text:
        `${scopeText} ${rule.stars} 星名额 ${limit} 个（${placesText}）；` +
        `本村在 ${pool.length} 个 ${rule.stars} 星村中按${orderText}排第 ${p + 1}${tieText}，${kept ? `保留 ${rule.stars} 星` : `降为 ${after} 星`}`,
    };
    // Format-2 fields only where they say something, so format-1 explanations are unchanged.
    if (rule.kind === 'target') step.kind = 'target';
    if (inRun) step.tie = { policy: ties as 'allKeep' | 'refer', villages: runNames };
    sink.steps?.[i]?.push(step);
    if (!kept) {
      cols.stars[i] = after;
      sink.note(i, inRun && ties === 'refer' ? `名额并列待部门决定：暂按 ${after} 星` : `名额限制：${rule.stars} 星 → ${after} 星`);
    }
  });
}

function applyMinimumShare(c: CompiledStandard, src: RankSource, group: number[], base: number, share: { atMostStars: number; minPercent: number }, sink: QuotaSink): void {
  const quotas = c.standard.quotas;
  if (!quotas) return;
  const { cols } = src;
  const need = Math.ceil((base * (toHundredths(share.minPercent) ?? 0)) / 10000);
  const rated = group.filter((i) => cols.vetoed[i] === 0);
  const low = rated.filter((i) => (cols.stars[i] as number) <= share.atMostStars).length;
  if (low >= need) return;
  const above = rated.filter((i) => (cols.stars[i] as number) > share.atMostStars);
  rankVillages(c, c.quotaOrder, src, above);
  const drop = above.slice(Math.max(0, above.length - (need - low)));
  const scopeText = quotas.scope === 'city' ? '全市' : '本镇';
  for (const i of drop) {
    const before = cols.stars[i] as number;
    cols.stars[i] = share.atMostStars;
    sink.steps?.[i]?.push({
      rule: 'minimum_share',
      scope: quotas.scope,
      atMostStars: share.atMostStars,
      minPercent: share.minPercent,
      base,
      required: need,
      before,
      after: share.atMostStars,
      text: `${scopeText} ${share.atMostStars} 星及以下须至少 ${need} 个（${base} 个村 × ${share.minPercent}%，向上取整），现有 ${low} 个；本村排在最后 ${need - low} 名之内，${before} 星 → ${share.atMostStars} 星`,
    });
    sink.note(i, `最低比例：${before} 星 → ${share.atMostStars} 星`);
  }
}

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
  const upper: Upper[] = [
    ...quotas.limits.map((l) => ({ stars: l.stars, percent: l.maxPercent, kind: 'max' as const })),
    ...(quotas.targets ?? []).map((t) => ({ stars: t.stars, percent: t.targetPercent, kind: 'target' as const })),
  ].sort((a, b) => b.stars - a.stars);
  const shares = [...(quotas.minimumShares ?? [])].sort((a, b) => b.atMostStars - a.atMostStars);
  for (const [key, group] of groups) {
    const base = quotas.base === 'allVillages' ? group.length : group.filter((i) => cols.vetoed[i] === 0).length;
    const townId = quotas.scope === 'city' ? null : key;
    for (const rule of upper) applyUpper(c, src, group, base, rule, sink, townId);
    for (const share of shares) applyMinimumShare(c, src, group, base, share, sink);
  }
}
