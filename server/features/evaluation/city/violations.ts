// Pure rules of the violation register (违纪违法核查): case numbers, masked names, the status
// machine, and what confirmed records tell the rating engine (category and a reason without
// any personal data: the reason is kept in the village's explanation, which many people read).
import {
  violationCategoryLabels,
  type ViolationCategory,
  type ViolationStatus,
} from '../../../../shared/contracts/evaluation-results.js';
import type { ViolationInput } from '../../standards/engine/rating-input.js';

export function caseNoOf(seq: number): string {
  return `WJ${String(seq).padStart(6, '0')}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: lists show who without saying who. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** reported → confirmed | dismissed; a decided record stays decided. */
export function mayDecide(from: ViolationStatus): boolean {
  return from === 'reported';
}

export type ConfirmedViolation = { villageId: string; seq: number; category: ViolationCategory; occurredOn: string };

export function ratingReason(v: ConfirmedViolation): string {
  return `${violationCategoryLabels[v.category]}（${caseNoOf(v.seq)}，${v.occurredOn}）经核查属实`;
}

/** Confirmed records by village, in the engine's shape. */
export function ratingViolations(records: readonly ConfirmedViolation[]): Map<string, ViolationInput[]> {
  const byVillage = new Map<string, ViolationInput[]>();
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) {
    const list = byVillage.get(r.villageId) ?? [];
    list.push({ category: r.category, reason: ratingReason(r), caseId: caseNoOf(r.seq) });
    byVillage.set(r.villageId, list);
  }
  return byVillage;
}

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
