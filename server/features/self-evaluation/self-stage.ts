// The self-evaluation (自评) as a stage of the rating. Only what the town approved is rated: the
// points of an approved self-evaluation become the self stage's score entries, fed to the same
// input builder as the sheets; a village without one has the stage empty, as the engine treats any
// stage nobody scored. Whether it counts is the standard's (weight > 0) or reference only.
import type { SelfEvaluationItems } from '../../../shared/contracts/self-evaluation.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { countedStageWeights, indicatorWeightSum, weightDenominator } from '../standards/engine/stage-weights.js';
import { formatHundredths, roundHalfUpDiv } from '../standards/engine/exact-math.js';

export type SelfStage = { id: string; name: string; counted: boolean; weight: number };

type LooseStage = { id: string; name: string; kind?: string; weight: number; referenceOnly?: boolean };

/** The standard's stage of kind `self`, or null when it has none (the self-evaluation is then reference only). */
export function selfStageOf(standard: Standard): SelfStage | null {
  const stage = (standard.stages as readonly LooseStage[]).find((s) => s.kind === 'self');
  if (!stage) return null;
  return { id: stage.id, name: stage.name, counted: !stage.referenceOnly && stage.weight > 0, weight: stage.referenceOnly ? 0 : stage.weight };
}

/** Indicators the self stage scores in the engine (others would be an input error there). */
function stageIndicatorIds(standard: Standard, stageId: string): Set<string> {
  return new Set(standard.dimensions.flatMap((d) => d.indicators.filter((i) => i.kind === 'scored' && (i.stages as readonly string[]).includes(stageId)).map((i) => i.id)));
}

export type SelfEntry = { stage: string; villageId: string; indicatorId: string; points: number };

/**
 * The self stage's score entries from the approved self-evaluations (the caller passes only
 * those): points as approved, per indicator the stage scores. Empty without a self stage.
 */
export function selfStageEntries(standard: Standard, approved: readonly { villageId: string; items: SelfEvaluationItems }[]): SelfEntry[] {
  const stage = selfStageOf(standard);
  if (!stage) return [];
  const ids = stageIndicatorIds(standard, stage.id);
  const entries: SelfEntry[] = [];
  for (const a of approved) {
    for (const [indicatorId, item] of Object.entries(a.items)) {
      if (ids.has(indicatorId) && item.points !== null) entries.push({ stage: stage.id, villageId: a.villageId, indicatorId, points: item.points });
    }
  }
  return entries;
}

/**
 * What the self stage adds to the indicator score, in hundredths: each indicator's points times
 * the stage's share of the counted stages scoring it (the engine's weighting), summed exactly and
 * rounded once, half up. 0 for a reference-only stage.
 */
export function selfContributionH(standard: Standard, stage: SelfStage, points: Readonly<Record<string, number>>): number {
  if (!stage.counted) return 0;
  const weights = countedStageWeights(standard);
  const denominator = weightDenominator(standard);
  let sum = 0;
  for (const d of standard.dimensions) {
    for (const i of d.indicators) {
      const p = points[i.id];
      if (i.kind !== 'scored' || p === undefined || !(i.stages as readonly string[]).includes(stage.id)) continue;
      const share = indicatorWeightSum(weights, i.stages);
      sum += Math.round(p * 100) * stage.weight * (denominator / share);
    }
  }
  return roundHalfUpDiv(sum, denominator);
}

export type SelfStageStep = {
  rule: 'self_stage';
  stageId: string;
  counted: boolean;
  weight: number;
  approved: boolean;
  rawPoints: number;
  contribution: number;
  text: string;
};

/** The explanation of the self stage for one village, from the points that were rated (undefined: none approved). */
export function selfStageStep(standard: Standard, stage: SelfStage, points: Readonly<Record<string, number>> | undefined): SelfStageStep {
  const approved = points !== undefined && Object.keys(points).length > 0;
  const rawH = approved ? Object.values(points).reduce((n, p) => n + Math.round(p * 100), 0) : 0;
  const contributionH = approved ? selfContributionH(standard, stage, points) : 0;
  const state = approved ? `${stage.name}（镇已审核通过）原始分 ${formatHundredths(rawH)} 分` : `${stage.name}未审核通过`;
  const effect = !stage.counted
    ? '仅供参考，不计入总分'
    : approved
      ? `权重 ${stage.weight}%，计入指标得分 ${formatHundredths(contributionH)} 分`
      : `按 0 计（权重 ${stage.weight}%），计入指标得分 0.00 分`;
  return { rule: 'self_stage', stageId: stage.id, counted: stage.counted, weight: stage.weight, approved, rawPoints: rawH / 100, contribution: contributionH / 100, text: `${state}，${effect}` };
}

/** The steps with the self stage's step right after the stage weighting (or first, when there is none). */
export function withSelfStageStep<S extends { rule: string }>(steps: S[], step: SelfStageStep | null): (S | SelfStageStep)[] {
  if (!step) return steps;
  const at = steps.findIndex((s) => s.rule === 'stage_weight');
  return [...steps.slice(0, at + 1), step, ...steps.slice(at + 1)];
}
