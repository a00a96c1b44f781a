import { lcm } from './exact-math.js';
import type { StageId, Standard } from '../../../../shared/standards/standard.js';

// An indicator is weighted only over the counted stages that score it: an indicator scored by
// the city stage alone counts 100 % of the city's points, one scored by department (30) and city
// (50) counts 30/80 and 50/80. Every indicator's weighted points are exact fractions over one
// common denominator, so the engine can add them as integers.

/** Weight of each stage that counts (reference-only and absent stages weigh 0). */
export function countedStageWeights(standard: Standard): Record<StageId, number> {
  const weights: Record<StageId, number> = {};
  for (const stage of standard.stages) weights[stage.id] = stage.referenceOnly ? 0 : stage.weight;
  return weights;
}

/** Sum of the counted weights of the given stages (each stage counted once). */
export function indicatorWeightSum(weights: Record<StageId, number>, stages: readonly StageId[]): number {
  let sum = 0;
  for (const stage of new Set(stages)) sum += weights[stage] ?? 0;
  return sum;
}

/** Least common multiple of every scored indicator's weight sum: the engine's unit is 1/denominator hundredth. */
export function weightDenominator(standard: Standard): number {
  const weights = countedStageWeights(standard);
  let denominator = 1;
  for (const dimension of standard.dimensions) {
    for (const indicator of dimension.indicators) {
      if (indicator.kind !== 'scored') continue;
      const sum = indicatorWeightSum(weights, indicator.stages);
      if (sum > 0) denominator = lcm(denominator, sum);
    }
  }
  return denominator;
}
