import type { CompiledStandard } from './compiled-standard.js';
import type { ClippedItem, MissingItem } from './rating-result.js';

// Per-village numbers of one rating run, stored column by column (one typed array per quantity)
// instead of one object per village: a province run keeps 500,000 villages alive at once, and
// millions of small objects cost more in garbage collection than the arithmetic itself.
// All points are integer hundredths; NaN marks "absent" where a value may be missing.

export type ScoreColumns = {
  n: number;
  stageCount: number;
  dimensionCount: number;
  formulaCount: number;
  baseH: Float64Array;
  weightedH: Float64Array;
  finalH: Float64Array;
  bonusClaimedH: Float64Array;
  bonusH: Float64Array;
  deductionClaimedH: Float64Array;
  deductionH: Float64Array;
  /** n × stageCount, raw sums per compiled stage. */
  stageH: Float64Array;
  /** n × dimensionCount. */
  dimensionH: Float64Array;
  /** n × formulaCount. */
  formulaH: Float64Array;
  /** n × formulaCount, ten-thousandths; NaN when the figure is missing. */
  formulaValue: Float64Array;
  /** Basis points as surveyed; NaN when not surveyed. */
  satisfactionBp: Float64Array;
  floored: Uint8Array;
  /** Level from the score (before prerequisites, caps, vetoes, quotas). */
  levelFromScore: Int8Array;
  /** Current stars; -1 when a veto removed the rating. */
  stars: Int8Array;
  vetoed: Uint8Array;
  // Rare or explanation-only values, by village index.
  missing: Map<number, MissingItem[]>;
  bonusItems: Map<number, Record<string, number>>;
  deductionItems: Map<number, Record<string, number>>;
  bonusClipped: Map<number, ClippedItem[]>;
  deductionClipped: Map<number, ClippedItem[]>;
  exactFinal: Map<number, string>;
};

export function createScoreColumns(c: CompiledStandard, n: number): ScoreColumns {
  const stageCount = c.stages.length;
  const dimensionCount = c.dimensionIds.length;
  const formulaCount = c.formulas.length;
  return {
    n,
    stageCount,
    dimensionCount,
    formulaCount,
    baseH: new Float64Array(n),
    weightedH: new Float64Array(n),
    finalH: new Float64Array(n),
    bonusClaimedH: new Float64Array(n),
    bonusH: new Float64Array(n),
    deductionClaimedH: new Float64Array(n),
    deductionH: new Float64Array(n),
    stageH: new Float64Array(n * stageCount),
    dimensionH: new Float64Array(n * dimensionCount),
    formulaH: new Float64Array(n * formulaCount),
    formulaValue: new Float64Array(n * formulaCount),
    satisfactionBp: new Float64Array(n),
    floored: new Uint8Array(n),
    levelFromScore: new Int8Array(n),
    stars: new Int8Array(n),
    vetoed: new Uint8Array(n),
    missing: new Map(),
    bonusItems: new Map(),
    deductionItems: new Map(),
    bonusClipped: new Map(),
    deductionClipped: new Map(),
    exactFinal: new Map(),
  };
}

/** One village's numbers as plain values, for explanations (never on the bulk path). */
export type VillageScore = {
  baseH: number;
  weightedH: number;
  finalH: number;
  stageH: number[];
  dimensionH: number[];
  formulaH: number[];
  formulaValue: (number | null)[];
  satisfactionBp: number | null;
  missing: MissingItem[];
  bonusClaimedH: number;
  bonusH: number;
  bonusItems: Record<string, number>;
  deductionClaimedH: number;
  deductionH: number;
  deductionItems: Record<string, number>;
  bonusClipped: ClippedItem[];
  deductionClipped: ClippedItem[];
  floored: boolean;
  exactFinal: string | null;
};

function slice(column: Float64Array, i: number, width: number): number[] {
  return Array.from(column.subarray(i * width, (i + 1) * width));
}

export function readScore(cols: ScoreColumns, i: number): VillageScore {
  const sat = cols.satisfactionBp[i] as number;
  return {
    baseH: cols.baseH[i] as number,
    weightedH: cols.weightedH[i] as number,
    finalH: cols.finalH[i] as number,
    stageH: slice(cols.stageH, i, cols.stageCount),
    dimensionH: slice(cols.dimensionH, i, cols.dimensionCount),
    formulaH: slice(cols.formulaH, i, cols.formulaCount),
    formulaValue: slice(cols.formulaValue, i, cols.formulaCount).map((x) => (Number.isNaN(x) ? null : x)),
    satisfactionBp: Number.isNaN(sat) ? null : sat,
    missing: cols.missing.get(i) ?? [],
    bonusClaimedH: cols.bonusClaimedH[i] as number,
    bonusH: cols.bonusH[i] as number,
    bonusItems: cols.bonusItems.get(i) ?? {},
    deductionClaimedH: cols.deductionClaimedH[i] as number,
    deductionH: cols.deductionH[i] as number,
    deductionItems: cols.deductionItems.get(i) ?? {},
    bonusClipped: cols.bonusClipped.get(i) ?? [],
    deductionClipped: cols.deductionClipped.get(i) ?? [],
    floored: cols.floored[i] === 1,
    exactFinal: cols.exactFinal.get(i) ?? null,
  };
}
