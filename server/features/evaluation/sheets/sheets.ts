// Pure rules of a score sheet: which indicators a stage scores, and what a saved value may be.
import type { EvaluationStage } from '../../../../shared/contracts/campaigns.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import type { ScoreInput } from '../../../../shared/contracts/common.js';
import { pointsProblem, pointsRefusalText, type PointsProblem } from '../../../../shared/score-cell.js';

export type SheetIndicator = { id: string; name: string; dimensionName: string; maxPoints: number; guidance: string; evidence: string[] };

export function stageIndicators(standard: Standard, stage: EvaluationStage): SheetIndicator[] {
  return standard.dimensions.flatMap((d) =>
    d.indicators
      .filter((i) => i.kind === 'scored' && i.stages.includes(stage))
      .map((i) => ({ id: i.id, name: i.name, dimensionName: d.name, maxPoints: i.maxPoints, guidance: i.guidance, evidence: i.evidence })),
  );
}

export type SheetProblem =
  | { indicatorId: string; reason: 'unknown' }
  | { indicatorId: string; reason: 'out_of_range'; problem: PointsProblem; value: ScoreInput; text: string };

/** Every value must name an indicator of the stage and be a number in 0..max with at most two decimals. */
export function sheetProblems(indicators: SheetIndicator[], scores: Record<string, ScoreInput | null>): SheetProblem[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const problems: SheetProblem[] = [];
  for (const [indicatorId, points] of Object.entries(scores)) {
    const indicator = byId.get(indicatorId);
    const problem = indicator && points !== null ? pointsProblem(points, indicator.maxPoints) : null;
    if (!indicator) problems.push({ indicatorId, reason: 'unknown' });
    else if (problem) problems.push({ indicatorId, reason: 'out_of_range', problem, value: points as ScoreInput, text: pointsRefusalText(indicator.name, points, indicator.maxPoints, problem) });
  }
  return problems;
}

/** The rows a save changes, for the audit row: only what differs. */
export function sheetChanges(before: Map<string, number>, scores: Record<string, number | null>) {
  const changed: Record<string, { before: number | null; after: number | null }> = {};
  for (const [id, after] of Object.entries(scores)) {
    const prev = before.get(id) ?? null;
    if (prev !== after) changed[id] = { before: prev, after };
  }
  return changed;
}

/** 4.35 * 100 is 434.99999999999994 in floating point: compare with a tolerance. */
export function hasAtMostTwoDecimals(points: number): boolean {
  return Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}
