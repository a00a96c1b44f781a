// Outcome labels (结果名称: 达标 / 和美家园 / 未达标, 先进 / 合格 …) of a standard that names its levels:
// the label of a village's final level, as the engine gives it (no level, e.g. under a veto: none).
import type { Standard } from '../../../../shared/standards/standard.js';

export type OutcomeLabels = { display: 'labels' | 'starsAndLabels'; labelOf: (stars: number | null) => string | null };

export function outcomeLabels(standard: Pick<Standard, 'outcomes'>): OutcomeLabels | null {
  if (!standard.outcomes) return null;
  const names = new Map(standard.outcomes.labels.map((l) => [l.stars, l.label]));
  return { display: standard.outcomes.display, labelOf: (stars) => (stars === null ? null : (names.get(stars) ?? null)) };
}
