import { toHundredths, toTenThousandths } from './exact-math.js';
import { countedStageWeights, indicatorWeightSum, weightDenominator } from './stage-weights.js';
import { type Prerequisite, type RankingKey, type StageId, type StageKind, type Standard } from '../../../../shared/standards/standard.js';
import { readStandard } from './standard-validate.js';

// The standard turned into flat arrays once per rating run, so the per-village loop does array
// reads and integer arithmetic only. All points here are integer hundredths; weighted sums are
// integers in units of 1/denominator hundredth.

export type CompiledMapping =
  | { type: 'piecewise'; xs: number[]; ys: number[] } // xs in ten-thousandths, ys in hundredths
  | { type: 'steps'; mins: number[]; ys: number[]; otherwise: number };

export type CompiledFormula = {
  index: number;
  id: string;
  name: string;
  figure: string;
  mapping: CompiledMapping;
  maxH: number;
};

export type CompiledFigure =
  | { id: string; name: string; unit: string; kind: 'recorded' }
  | {
      id: string;
      name: string;
      unit: string;
      kind: 'ratio';
      numerator: string;
      denominator: string;
      scale: number;
      whenZero: number | null; // ten-thousandths
    };

export type CompiledStage = {
  id: StageId;
  kind: StageKind;
  name: string;
  weight: number;
  counted: boolean;
  /** Per indicator: 1 if this stage scores it. */
  scores: Uint8Array;
  /** Per indicator: weight × denominator / indicator weight sum (0 when not counted). */
  multiplier: Float64Array;
  expectedCount: number;
  /** Key order of the last record seen (see scoreStages); per run, never shared between runs. */
  keyCache: (string | undefined)[];
  indexCache: Int32Array;
};

export type CompiledStandard = {
  standard: Standard;
  denominator: number;
  totalMaxH: number;
  indicatorIds: string[];
  indicatorNames: string[];
  indexById: Map<string, number>;
  maxH: Int32Array;
  dimensionOf: Int32Array;
  isFormula: Uint8Array;
  dimensionIds: string[];
  dimensionNames: string[];
  dimensionMaxH: number[];
  namedStarMinH: (number | null)[];
  namedStarNames: (string | null)[];
  /** Second tier of each named star (format 2), hundredths; null where the dimension has none. */
  namedStarHigherMinH: (number | null)[];
  namedStarHigherNames: (string | null)[];
  hasHigherTiers: boolean;
  /** Outcome label by level (format 2), or null when the standard shows stars only. */
  labels: Map<number, string> | null;
  hasNamedStars: boolean;
  /** Earned named stars by bit mask, so villages with the same stars share one frozen list. */
  namedStarSets: Map<number, readonly string[]>;
  stages: CompiledStage[];
  stageById: Map<StageId, CompiledStage>;
  formulas: CompiledFormula[];
  figures: Map<string, CompiledFigure>;
  bonus: { capH: number; items: Map<string, CompiledItem> };
  deductions: { capH: number; items: Map<string, CompiledItem> };
  /** Bonus items that also count towards a dimension's named star (format 2): item id → dimension index. */
  dimensionBonus: Map<string, number>;
  satisfaction: {
    weight: number;
    credit: number;
    minSampleSize: number | null;
    caps: { belowBp: number; maxStars: number }[];
  } | null;
  /** True when the satisfaction-weighted sum (scaled by 10^6) stays below 2^53, so doubles are exact. */
  weightedFitsNumber: boolean;
  /** True when the standard weighs or caps by satisfaction, so a missing survey matters. */
  satisfactionRequired: boolean;
  /** Level rows, highest stars first; a threshold scheme's rows need no named stars. */
  levels: { stars: number; minH: number | null; minNamedStars: number; minHigher: number; required: string[] }[];
  minStars: number;
  /** Highest stars first, so one pass settles them. */
  prerequisites: Prerequisite[];
  rankingKeys: RankingKey[];
  quotaOrder: RankingKey[];
};

function compileLevels(standard: Standard): CompiledStandard['levels'] {
  const scheme = standard.levelScheme;
  if (scheme.type === 'thresholds') {
    return scheme.thresholds.map((t) => ({ stars: t.stars, minH: toHundredths(t.minScore) ?? 0, minNamedStars: 0, minHigher: 0, required: [] }));
  }
  return scheme.levels.map((l) => ({
    stars: l.stars,
    minH: l.minScore === undefined ? null : (toHundredths(l.minScore) ?? 0),
    minNamedStars: l.minNamedStars,
    minHigher: l.minHigherNamedStars ?? 0,
    required: l.requiredDimensions ?? [],
  }));
}

function compileMapping(mapping: Standard['dimensions'][number]['indicators'][number]): CompiledMapping | null {
  if (mapping.kind !== 'formula') return null;
  const m = mapping.formula.mapping;
  if (m.type === 'piecewise') {
    return {
      type: 'piecewise',
      xs: m.points.map((p) => toTenThousandths(p.x)),
      ys: m.points.map((p) => toHundredths(p.points) ?? 0),
    };
  }
  return {
    type: 'steps',
    mins: m.steps.map((s) => toTenThousandths(s.min)),
    ys: m.steps.map((s) => toHundredths(s.points) ?? 0),
    otherwise: toHundredths(m.otherwise ?? 0) ?? 0,
  };
}

/** A bonus or deduction item; perH is the points per count of a counted item (format 2), else null. */
export type CompiledItem = { name: string; maxH: number; perH: number | null };

function compileItems(group: Standard['bonus']): CompiledStandard['bonus'] {
  const items = new Map<string, CompiledItem>();
  for (const item of group?.items ?? []) {
    items.set(item.id, { name: item.name, maxH: toHundredths(item.maxPoints) ?? 0, perH: item.perCount === undefined ? null : (toHundredths(item.perCount) ?? 0) });
  }
  return { capH: toHundredths(group?.cap ?? 0) ?? 0, items };
}

/** Validates the standard (throws InvalidStandardError) and flattens it for the engine. */
export function compileStandard(input: Standard): CompiledStandard {
  const standard = readStandard(input);
  const denominator = weightDenominator(standard);
  const weights = countedStageWeights(standard);

  const indicators = standard.dimensions.flatMap((d, di) => d.indicators.map((indicator) => ({ indicator, di })));
  const count = indicators.length;
  const indexById = new Map<string, number>();
  const maxH = new Int32Array(count);
  const dimensionOf = new Int32Array(count);
  const isFormula = new Uint8Array(count);
  const formulas: CompiledFormula[] = [];
  indicators.forEach(({ indicator, di }, i) => {
    indexById.set(indicator.id, i);
    maxH[i] = toHundredths(indicator.maxPoints) ?? 0;
    dimensionOf[i] = di;
    const mapping = compileMapping(indicator);
    if (indicator.kind === 'formula' && mapping) {
      isFormula[i] = 1;
      formulas.push({ index: i, id: indicator.id, name: indicator.name, figure: indicator.formula.figure, mapping, maxH: maxH[i] ?? 0 });
    }
  });

  const stages: CompiledStage[] = [];
  for (const def of standard.stages) {
    const id = def.id;
    const scores = new Uint8Array(count);
    const multiplier = new Float64Array(count);
    let expectedCount = 0;
    indicators.forEach(({ indicator }, i) => {
      if (indicator.kind !== 'scored' || !indicator.stages.includes(id)) return;
      scores[i] = 1;
      expectedCount += 1;
      const sum = indicatorWeightSum(weights, indicator.stages);
      if (!def.referenceOnly && sum > 0) multiplier[i] = (def.weight * denominator) / sum;
    });
    stages.push({
      id, kind: def.kind ?? 'other', name: def.name, weight: def.weight, counted: !def.referenceOnly, scores, multiplier, expectedCount,
      keyCache: new Array<string | undefined>(count).fill(undefined), indexCache: new Int32Array(count),
    });
  }

  const figures = new Map<string, CompiledFigure>();
  for (const f of standard.figures ?? []) {
    figures.set(
      f.id,
      f.ratio
        ? {
            id: f.id, name: f.name, unit: f.unit, kind: 'ratio',
            numerator: f.ratio.numerator, denominator: f.ratio.denominator, scale: f.ratio.scale,
            whenZero: f.ratio.whenDenominatorZero === undefined ? null : toTenThousandths(f.ratio.whenDenominatorZero),
          }
        : { id: f.id, name: f.name, unit: f.unit, kind: 'recorded' },
    );
  }

  const sat = standard.satisfaction;
  const satisfaction = sat
    ? {
        weight: sat.weightPercent,
        credit: sat.basicallySatisfiedCredit ?? 100,
        minSampleSize: sat.minSampleSize ?? null,
        caps: (sat.caps ?? []).map((c) => ({ belowBp: toHundredths(c.belowPercent) ?? 0, maxStars: c.maxStars })),
      }
    : null;

  const totalMaxH = toHundredths(standard.totalMaxScore) ?? 0;
  const span = totalMaxH + (toHundredths(standard.bonus?.cap ?? 0) ?? 0) + (toHundredths(standard.deductions?.cap ?? 0) ?? 0);
  return {
    standard,
    denominator,
    weightedFitsNumber: Number.isSafeInteger(span * denominator * 1_000_000 * 4),
    totalMaxH,
    indicatorIds: indicators.map(({ indicator }) => indicator.id),
    indicatorNames: indicators.map(({ indicator }) => indicator.name),
    indexById,
    maxH,
    dimensionOf,
    isFormula,
    dimensionIds: standard.dimensions.map((d) => d.id),
    dimensionNames: standard.dimensions.map((d) => d.name),
    dimensionMaxH: standard.dimensions.map((d) => toHundredths(d.maxPoints) ?? 0),
    namedStarMinH: standard.dimensions.map((d) => (d.namedStar ? (toHundredths(d.namedStar.minPoints) ?? 0) : null)),
    namedStarNames: standard.dimensions.map((d) => d.namedStar?.name ?? null),
    namedStarHigherMinH: standard.dimensions.map((d) => (d.namedStar?.higher ? (toHundredths(d.namedStar.higher.minPoints) ?? 0) : null)),
    namedStarHigherNames: standard.dimensions.map((d) => d.namedStar?.higher?.name ?? null),
    hasHigherTiers: standard.dimensions.some((d) => d.namedStar?.higher !== undefined),
    labels: standard.outcomes ? new Map(standard.outcomes.labels.map((l) => [l.stars, l.label])) : null,
    hasNamedStars: standard.dimensions.some((d) => d.namedStar !== undefined),
    namedStarSets: new Map(),
    stages,
    stageById: new Map(stages.map((s) => [s.id, s])),
    formulas,
    figures,
    bonus: compileItems(standard.bonus),
    deductions: compileItems(standard.deductions),
    dimensionBonus: new Map((standard.bonus?.items ?? []).flatMap((item) => (item.dimension === undefined ? [] : [[item.id, standard.dimensions.findIndex((d) => d.id === item.dimension)] as const]))),
    satisfaction,
    satisfactionRequired: satisfaction !== null && (satisfaction.weight > 0 || satisfaction.caps.length > 0),
    levels: compileLevels(standard),
    minStars: standard.levelScheme.minStars,
    prerequisites: [...(standard.prerequisites ?? [])].sort((a, b) => b.stars - a.stars),
    rankingKeys: standard.ranking.keys,
    quotaOrder: standard.quotas?.order ?? standard.ranking.keys,
  };
}
