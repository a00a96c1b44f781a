// Pure: what a village's confirmed violation records allow a person to set its stars to. The
// engine applies the standard's vetoes to its own proposal; 定星 by override and corrections are
// human steps, so the same records bind them here: a removal (不予评星) allows no stars at all, a
// cap or a downgrade is a ceiling. The only way round is to revise the record itself.
import type { VetoRule } from '../../../../shared/standards/standard.js';
import { violationCategoryLabels, type ViolationCategory } from '../../../../shared/contracts/evaluation-results.js';
import { caseNoOf } from '../city/violations.js';

export type BindingRecord = { id: string; seq: number; category: ViolationCategory; occurredOn: string };

export type VetoLimit = {
  caseNo: string;
  violationId: string;
  category: ViolationCategory;
  categoryLabel: string;
  occurredOn: string;
  ruleName: string;
  effect: 'noRating' | 'capStars' | 'lowerStars';
  /** The most stars this record allows; null when it allows none (不予评星). */
  maxStars: number | null;
  text: string;
};

export type VetoCeiling = {
  limits: VetoLimit[];
  /** True when a record removes the rating: only "no stars" may be set. */
  noRating: boolean;
  /** The most stars any record allows (the lowest of them); null when none limits. */
  maxStars: number | null;
  /** One line for dialogs and error messages, naming every binding record. */
  text: string | null;
};

/**
 * @param starsBeforeVetoes the stars the engine reached before vetoes (a downgrade counts from
 *   there); null when the engine gave none.
 */
export function vetoCeiling(rules: readonly VetoRule[], records: readonly BindingRecord[], starsBeforeVetoes: number | null, minStars: number): VetoCeiling {
  const limits: VetoLimit[] = [];
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) {
    const rule = rules.find((x) => x.category === r.category);
    if (!rule) continue;
    const caseNo = caseNoOf(r.seq);
    const base = { caseNo, violationId: r.id, category: r.category, categoryLabel: violationCategoryLabels[r.category], occurredOn: r.occurredOn, ruleName: rule.name, effect: rule.effect.type };
    const e = rule.effect;
    if (e.type === 'noRating') {
      limits.push({ ...base, maxStars: null, text: `核查记录 ${caseNo}（${base.categoryLabel}，${r.occurredOn}）属实：一票否决，不予评星` });
    } else if (e.type === 'capStars') {
      limits.push({ ...base, maxStars: e.maxStars, text: `核查记录 ${caseNo}（${base.categoryLabel}，${r.occurredOn}）属实：${rule.name}，最多 ${e.maxStars} 星` });
    } else {
      const from = starsBeforeVetoes ?? minStars;
      const max = Math.max(Math.min(from, minStars), from - e.by);
      limits.push({ ...base, maxStars: max, text: `核查记录 ${caseNo}（${base.categoryLabel}，${r.occurredOn}）属实：${rule.name}，降 ${e.by} 星（${from} 星 → 最多 ${max} 星）` });
    }
  }
  const noRating = limits.some((l) => l.effect === 'noRating');
  const caps = limits.filter((l) => l.maxStars !== null).map((l) => l.maxStars as number);
  return {
    limits,
    noRating,
    maxStars: noRating ? null : caps.length ? Math.min(...caps) : null,
    text: limits.length ? limits.map((l) => l.text).join('；') : null,
  };
}

/** Why `stars` may not be set under the ceiling, in Chinese; null when it may. */
export function ceilingRefusal(ceiling: VetoCeiling, stars: number | null): string | null {
  if (stars === null || ceiling.limits.length === 0) return null;
  if (ceiling.noRating) return `${ceiling.text}。只能定为“不定级”；如需改变，须由纪检、信访专员复核该记录`;
  if (ceiling.maxStars !== null && stars > ceiling.maxStars) {
    return `${ceiling.text}。不能定为 ${stars} 星（最多 ${ceiling.maxStars} 星）；如需改变，须由纪检、信访专员复核该记录`;
  }
  return null;
}

type StepLike = { rule?: string; before?: unknown };

/** The stars before the first veto step of a stored explanation, else the engine's stars. */
export function starsBeforeVetoes(steps: readonly StepLike[] | undefined, engineStars: number | null): number | null {
  const veto = (steps ?? []).find((s) => s.rule === 'veto');
  if (veto && (typeof veto.before === 'number' || veto.before === null)) return veto.before;
  return engineStars;
}
