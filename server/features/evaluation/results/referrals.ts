// Ties a standard refers to the department (quotas.ties = 'refer'): the engine gives none of the
// tied villages the level and lists them with the places left open. The referral is stored in
// each tied village's explanation (explanation.referral); the department decides by override with
// a written reason. A referral is settled when its places are all given, or when every tied village
// carries a written decision (given the place or kept one level down). Until then the notice waits.
// Any raise by override into a level with a quota counts against its places (quotaRefusal).
import type { Standard } from '../../../../shared/standards/standard.js';
import type { Referral } from '../../standards/engine/rating-result.js';
import { quotaPlaces } from '../../standards/engine/quota.js';

export type StoredReferral = Omit<Referral, 'villages'> & { villages: string[] };

export type ReferralRow = {
  villageId: string;
  name: string;
  townName: string | null;
  townId: string;
  orgPath: string;
  stars: number | null;
  engineStars: number | null;
  vetoed: boolean;
  overrideReason: string | null;
  referral: StoredReferral | null;
};

export type ReferralStatus = {
  scope: 'city' | 'town';
  townId: string | null;
  townName: string | null;
  stars: number;
  places: number;
  /** Places given so far: tied villages at the level or above. */
  given: number;
  resolved: boolean;
  text: string;
  villages: { orgUnitId: string; name: string; townName: string; stars: number | null; decided: boolean }[];
};

/** The stored referrals with how far the department has decided them, one entry per tie. */
export function referralStatuses(rows: readonly ReferralRow[]): ReferralStatus[] {
  const byId = new Map(rows.map((r) => [r.villageId, r]));
  const seen = new Map<string, ReferralStatus>();
  for (const r of rows) {
    const ref = r.referral;
    if (!ref) continue;
    const key = `${ref.scope}/${ref.townId ?? ''}/${ref.stars}`;
    if (seen.has(key)) continue;
    const villages = ref.villages.map((id) => {
      const v = byId.get(id);
      return { orgUnitId: id, name: v?.name ?? '', townName: v?.townName ?? '', stars: v?.stars ?? null, decided: (v?.overrideReason ?? null) !== null };
    });
    const given = villages.filter((v) => v.stars !== null && v.stars >= ref.stars).length;
    const townName = ref.townId ? (rows.find((x) => x.townId === ref.townId)?.townName ?? null) : null;
    seen.set(key, {
      scope: ref.scope,
      townId: ref.townId,
      townName,
      stars: ref.stars,
      places: ref.places,
      given,
      resolved: given >= ref.places || villages.every((v) => v.decided),
      text: ref.text,
      villages,
    });
  }
  return [...seen.values()];
}

/**
 * The refusal text when raising `villageId` to `stars` would put more villages at that level than
 * the standard's quota allows in the village's scope (the engine's own excess under allKeep
 * stays allowed); null when it fits or the level has no upper quota.
 */
export function quotaRefusal(standard: Standard, rows: readonly ReferralRow[], villageId: string, stars: number | null): string | null {
  const quotas = standard.quotas;
  const village = rows.find((r) => r.villageId === villageId);
  if (!quotas || !village || stars === null || (village.stars !== null && stars <= village.stars)) return null;
  const rules = [
    ...quotas.limits.filter((l) => l.stars === stars).map((l) => ({ percent: l.maxPercent, kind: 'max' as const })),
    ...(quotas.targets ?? []).filter((t) => t.stars === stars).map((t) => ({ percent: t.targetPercent, kind: 'target' as const })),
  ];
  const rule = rules[0];
  if (!rule) return null;
  const group = quotas.scope === 'city' ? rows : rows.filter((r) => r.townId === village.townId);
  const base = quotas.base === 'allVillages' ? group.length : group.filter((r) => !r.vetoed).length;
  const places = quotaPlaces(base, rule.percent, rule.kind);
  const cap = Math.max(places, group.filter((r) => r.engineStars === stars).length);
  const holders = group.filter((r) => r.villageId !== villageId && r.stars === stars);
  if (holders.length + 1 <= cap) return null;
  const scopeText = quotas.scope === 'city' ? '全市' : `${village.townName ?? '本镇'}`;
  const ruleText = rule.kind === 'max' ? `至多 ${rule.percent}%` : `约 ${rule.percent}%`;
  return `${scopeText} ${stars} 星名额 ${cap} 个（${base} 个村 × ${ruleText}）已满：${holders.map((h) => h.name).join('、')} 已占用；须先调整其中一村，才能给${village.name}这个名额`;
}
