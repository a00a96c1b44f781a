import { rateCampaign } from './rating-engine.js';
import { formatHundredths } from './exact-math.js';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { ExplanationStep, RatingResult, VillageResult } from './rating-result.js';
import type { Standard, StageId } from '../../../../shared/standards/standard.js';

// 距下一星还差什么: for a rated village, the smallest set of point gains on scored indicators
// that reaches the next star. Every trial is a real rating by the engine, so maxima, caps,
// named stars, prerequisites, satisfaction thresholds and vetoes are respected by construction;
// the search only chooses which indicators to raise and by how much:
//   1. indicators ordered by room (points still open on the indicator, largest first);
//   2. raise them to full marks one by one until the village reaches the next star;
//   3. drop every raise that is not needed, then lower the last one to the smallest amount
//      (to the hundredth) that still reaches it.
// A gain on an indicator sets every counted stage that scores it to the same value, so the
// indicator's weighted points become exactly that value. Formula indicators follow recorded
// figures and are not suggested. With quotas the final check rates the whole campaign.

export type WhatIfGain = {
  indicatorId: string;
  name: string;
  dimension: string;
  /** Weighted points now (mean of the counted stages by weight). */
  from: number;
  to: number;
  gain: number;
  maxPoints: number;
};

export type WhatIf =
  | { status: 'top'; stars: number; text: string }
  | { status: 'vetoed'; text: string }
  | { status: 'reachable'; target: number; gains: WhatIfGain[]; totalGain: number; text: string }
  | { status: 'blocked'; target: number; rule: string; text: string };

type Slot = { id: string; name: string; dimension: string; maxH: number; stages: { id: StageId; weight: number }[] };

function scoredSlots(standard: Standard): Slot[] {
  const counted = new Map(standard.stages.filter((s) => !s.referenceOnly && s.weight > 0).map((s) => [s.id, s.weight]));
  const slots: Slot[] = [];
  for (const d of standard.dimensions) {
    for (const ind of d.indicators) {
      if (ind.kind !== 'scored') continue;
      const stages = ind.stages.filter((s) => counted.has(s)).map((s) => ({ id: s, weight: counted.get(s) as number }));
      if (stages.length > 0) slots.push({ id: ind.id, name: ind.name, dimension: d.id, maxH: Math.round(ind.maxPoints * 100), stages });
    }
  }
  return slots;
}

/** The indicator's weighted points for the village, in hundredths (rounded half up). */
function currentH(v: VillageInput, slot: Slot): number {
  let num = 0;
  let den = 0;
  for (const st of slot.stages) {
    num += Math.round((v.scores[st.id]?.[slot.id] ?? 0) * 100) * st.weight;
    den += st.weight;
  }
  return Math.floor((2 * num + den) / (2 * den));
}

function withGains(v: VillageInput, slots: readonly Slot[], to: ReadonlyMap<number, number>): VillageInput {
  const scores = { ...v.scores };
  for (const [k, h] of to) {
    const slot = slots[k] as Slot;
    for (const st of slot.stages) scores[st.id] = { ...scores[st.id], [slot.id]: h / 100 };
  }
  return { ...v, scores };
}

const levelOf = (r: VillageResult | undefined): number => (r?.stars === null || r === undefined ? -1 : r.stars);

function highestLevel(standard: Standard): number {
  const scheme = standard.levelScheme;
  const rows = scheme.type === 'thresholds' ? scheme.thresholds : scheme.levels;
  return Math.max(scheme.minStars, ...rows.map((r) => r.stars));
}

/** Why even full marks on every scored indicator do not reach `target`: the first rule that holds the village back. */
function blockingRule(steps: readonly ExplanationStep[], target: number): { rule: string; text: string } | null {
  for (const s of steps) {
    if (s.rule === 'prerequisite' && !s.met && s.stars <= target) {
      const what = s.requirement === 'lastYearStars' ? `上年星级未达到 ${s.required} 星` : `前置条件未满足（${s.text.split('：')[0]}）`;
      return { rule: 'prerequisite', text: `${what}，不能升至 ${target} 星` };
    }
    if (s.rule === 'satisfaction_cap' && s.after < target) {
      return { rule: 'satisfaction_cap', text: `群众满意率须达到 ${formatHundredths(Math.round(s.belowPercent * 100))}% 及以上才能超过 ${s.maxStars} 星，提高指标得分不能改变` };
    }
    if (s.rule === 'veto' && s.after !== null && s.after < target) {
      return { rule: 'veto', text: `本年度存在“${s.name}”事项，最多 ${s.after} 星，不能升星` };
    }
    if (s.rule === 'data_rule' && s.after !== null && s.after < target) {
      return { rule: 'data_rule', text: `${s.name}，最多 ${s.after} 星，提高指标得分不能改变` };
    }
  }
  return null;
}

/** How a level is called to users: its outcome label when the standard has one (“和美家园”), else “4 星”. */
export function levelName(standard: Standard, stars: number): string {
  const label = standard.outcomes?.labels.find((l) => l.stars === stars)?.label;
  return label === undefined ? `${stars} 星` : `“${label}”`;
}

function describe(standard: Standard, target: number, gains: WhatIfGain[], totalH: number): string {
  const parts = gains.map((g) => `${g.name} +${formatHundredths(Math.round(g.gain * 100))} 分（现 ${formatHundredths(Math.round(g.from * 100))}，满分 ${g.maxPoints}）`);
  const name = levelName(standard, target);
  return `距${name.startsWith('“') ? name : ` ${name}`}还差 ${formatHundredths(totalH)} 分：${parts.join('；')}`;
}

/**
 * What village `villageId` needs for its next star. `result` is the campaign already rated under
 * `standard` from `input` (so the village's current stars are the ones shown to users).
 */
export function whatIfForVillage(standard: Standard, input: RatingInput, result: RatingResult, villageId: string): WhatIf {
  const index = input.villages.findIndex((v) => v.id === villageId);
  const village = input.villages[index];
  const now = result.villages.find((v) => v.id === villageId);
  if (!village || !now) throw new Error(`village ${villageId} is not in the campaign`);
  if (now.vetoed || now.stars === null) {
    // A rule from recorded data (format 2) is not a violation: name it instead.
    const data = now.explanation.find((s) => s.rule === 'data_rule' && s.effect === 'noRating');
    return { status: 'vetoed', text: data && data.rule === 'data_rule' ? `${data.name}，不予评定，提高指标得分不能改变` : '本年度存在一票否决事项，不能升星' };
  }
  const top = highestLevel(standard);
  if (now.stars >= top) return { status: 'top', stars: now.stars, text: `已是最高等级（${levelName(standard, now.stars)}）` };
  const target = now.stars + 1;

  // Trials rate the village alone (its town kept) without quotas; quotas are checked on the whole campaign.
  const alone: Standard = { ...standard, quotas: undefined };
  const town = input.towns.filter((t) => t.id === village.townId);
  const rateAlone = (v: VillageInput): VillageResult | undefined => rateCampaign(alone, { towns: town, villages: [v] }).villages[0];
  const rateAll = (v: VillageInput): VillageResult | undefined => {
    const villages = input.villages.slice();
    villages[index] = v;
    return rateCampaign(standard, { ...input, villages }, { explain: 'none' }).villages.find((x) => x.id === villageId);
  };
  const reaches = (v: VillageInput): boolean => levelOf(rateAlone(v)) >= target && (!standard.quotas || levelOf(rateAll(v)) >= target);

  const slots = scoredSlots(standard);
  const from = slots.map((s) => currentH(village, s));
  const order = slots
    .map((s, k) => ({ k, room: s.maxH - (from[k] as number) }))
    .filter((x) => x.room > 0)
    .sort((a, b) => b.room - a.room || a.k - b.k)
    .map((x) => x.k);

  const chosen = new Map<number, number>();
  let reached = false;
  for (const k of order) {
    chosen.set(k, (slots[k] as Slot).maxH);
    if (reaches(withGains(village, slots, chosen))) {
      reached = true;
      break;
    }
  }
  if (!reached) {
    const maxed = rateAlone(withGains(village, slots, chosen));
    const blocked = maxed ? blockingRule(maxed.explanation, target) : null;
    if (blocked) return { status: 'blocked', target, ...blocked };
    const best = formatHundredths(Math.round((maxed?.finalScore ?? 0) * 100));
    const quotaText =
      standard.quotas && levelOf(maxed) >= target
        ? `受 ${target} 星名额限制，即使各打分指标满分也排不进名额`
        : `即使各打分指标满分（计算型指标按现有数据）也只能得 ${best} 分，达不到 ${target} 星`;
    return { status: 'blocked', target, rule: standard.quotas && levelOf(maxed) >= target ? 'quota' : 'points', text: quotaText };
  }
  // Drop raises that are not needed (smallest room first), then trim the last one kept.
  for (const k of [...chosen.keys()].reverse()) {
    if (chosen.size === 1) break;
    const trial = new Map(chosen);
    trial.delete(k);
    if (reaches(withGains(village, slots, trial))) chosen.delete(k);
  }
  for (const k of [...chosen.keys()].reverse()) {
    let lo = from[k] as number; // not enough (or not needed)
    let hi = chosen.get(k) as number; // enough
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const trial = new Map(chosen).set(k, mid);
      if (reaches(withGains(village, slots, trial))) hi = mid;
      else lo = mid;
    }
    chosen.set(k, hi);
  }
  const gains: WhatIfGain[] = [...chosen]
    .map(([k, toH]) => {
      const s = slots[k] as Slot;
      const fromH = from[k] as number;
      return { indicatorId: s.id, name: s.name, dimension: s.dimension, from: fromH / 100, to: toH / 100, gain: (toH - fromH) / 100, maxPoints: s.maxH / 100 };
    })
    .sort((a, b) => b.maxPoints - b.from - (a.maxPoints - a.from) || (a.indicatorId < b.indicatorId ? -1 : 1));
  const totalH = gains.reduce((n, g) => n + Math.round(g.gain * 100), 0);
  return { status: 'reachable', target, gains, totalGain: totalH / 100, text: describe(standard, target, gains, totalH) };
}

/** What-if for every village of a rated campaign, by village id. */
export function whatIfForCampaign(standard: Standard, input: RatingInput, result: RatingResult): Map<string, WhatIf> {
  return new Map(input.villages.map((v) => [v.id, whatIfForVillage(standard, input, result, v.id)]));
}

/** A village's input with a what-if's gains applied (what the village would be scored with). */
export function applyWhatIf(standard: Standard, village: VillageInput, whatIf: WhatIf): VillageInput {
  if (whatIf.status !== 'reachable') return village;
  const slots = scoredSlots(standard);
  const to = new Map<number, number>();
  for (const g of whatIf.gains) to.set(slots.findIndex((s) => s.id === g.indicatorId), Math.round(g.to * 100));
  return withGains(village, slots, to);
}
