// Pure pieces of a village's evaluation page: which stages' scores a reader may see, the three
// stages side by side per indicator, and what a violation summary says to whom.
import { evaluationStages, type CampaignStatus, type EvaluationStage } from '../../../../shared/contracts/campaigns.js';
import {
  violationCategoryLabels,
  type VillageEvaluation,
  type ViolationCategory,
  type ViolationStatus,
} from '../../../../shared/contracts/evaluation-results.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { caseNoOf } from '../city/violations.js';

/**
 * The department sees every stage at any time; other readers see a stage once it is closed
 * (its scores no longer move), and everything once the results are published in the notice.
 */
export function visibleStages(status: CampaignStatus, department: boolean): EvaluationStage[] {
  if (department || status === 'notice' || status === 'final') return [...evaluationStages];
  const current = evaluationStages.indexOf(status as EvaluationStage);
  return current <= 0 ? [] : evaluationStages.slice(0, current);
}

type Entry = { stage: EvaluationStage; indicatorId: string; points: number; enteredByName: string; enteredAt: Date };

export function sideBySide(standard: Standard, entries: readonly Entry[], visible: readonly EvaluationStage[], evidenceCount: Map<string, number>) {
  const byKey = new Map(entries.filter((e) => visible.includes(e.stage)).map((e) => [`${e.stage}/${e.indicatorId}`, e]));
  const score = (stage: EvaluationStage, id: string) => {
    const e = byKey.get(`${stage}/${id}`);
    return e ? { points: e.points, enteredByName: e.enteredByName, enteredAt: e.enteredAt.toISOString() } : null;
  };
  const indicators: VillageEvaluation['indicators'] = standard.dimensions.flatMap((d) =>
    d.indicators
      .filter((i) => i.kind === 'scored')
      .map((i) => ({
        id: i.id,
        name: i.name,
        dimensionName: d.name,
        maxPoints: i.maxPoints,
        // The evaluation tables hold the three format-1 stages only; other stages of a format-2 standard are not shown here.
        stages: i.stages.filter((st): st is EvaluationStage => (evaluationStages as readonly string[]).includes(st)),
        scores: { mutual: score('mutual', i.id), department: score('department', i.id), city: score('city', i.id) },
        evidenceCount: evidenceCount.get(i.id) ?? 0,
      })),
  );
  const total = (stage: EvaluationStage) =>
    visible.includes(stage) ? Math.round(entries.filter((e) => e.stage === stage).reduce((n, e) => n + e.points * 100, 0)) / 100 : null;
  return { indicators, stageTotals: { mutual: total('mutual'), department: total('department'), city: total('city') } };
}

type ViolationFact = { id: string; seq: number; category: ViolationCategory; status: ViolationStatus; occurredOn: string };

/**
 * Officers see every record of the year by number; others only that a category was confirmed.
 * `appliedCases` are the case numbers the stored result's veto steps name.
 */
export function violationSummary(records: readonly ViolationFact[], officer: boolean, appliedCases: ReadonlySet<string>): VillageEvaluation['violations'] {
  return records
    .filter((r) => officer || r.status === 'confirmed')
    .map((r) => ({
      category: r.category,
      categoryLabel: violationCategoryLabels[r.category],
      status: r.status,
      occurredOn: officer ? r.occurredOn : null,
      id: officer ? r.id : null,
      caseNo: officer ? caseNoOf(r.seq) : null,
      inResult: r.status === 'confirmed' && appliedCases.has(caseNoOf(r.seq)),
    }));
}

/** Case numbers named in the engine's veto steps (its reasons carry them, see violations.ts). */
export function casesInSteps(steps: readonly { rule: string; reasons?: unknown }[]): Set<string> {
  const found = new Set<string>();
  for (const s of steps) {
    if (s.rule !== 'veto' && s.rule !== 'violation_not_listed') continue;
    for (const reason of Array.isArray(s.reasons) ? s.reasons : []) for (const m of String(reason).matchAll(/WJ\d{6}/g)) found.add(m[0]);
  }
  return found;
}
