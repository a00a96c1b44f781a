// The star-rating summary table of stage 1 (评星定级汇总表): each village's stage-1 points per
// dimension, its survey and visits, and the stars the stage-1 result alone would give, as
// reference. The stars come from the rating engine itself, run on a projection of the standard:
// one indicator worth the standard's full marks holding the stage-1 score scaled to them, the
// standard's satisfaction rules and level scheme unchanged. No band is re-implemented here.
import type { Standard } from '../../../../shared/standards/standard.js';
import type { RatingInput } from '../../standards/engine/rating-input.js';
import { rateCampaign } from '../../standards/engine/rating-engine.js';
import { roundHalfUpDiv, toHundredths } from '../../standards/engine/exact-math.js';
import { satisfactionInput, type SurveyCounts } from './surveys.js';

export type StageOneVillage = {
  id: string;
  name: string;
  townId: string;
  /** Stage-1 points in integer hundredths; null when the sheet is not complete. */
  totalH: number | null;
  survey: SurveyCounts | null;
};

export type StageOneRating = { score: number | null; stars: number | null; satisfactionRate: number | null; notes: string[] };

const projectionId = 'stageOne';

/** Only a threshold scheme can be read from one number; named stars need every dimension scored. */
function projectionStandard(standard: Standard): Standard {
  const byScore = standard.levelScheme.type === 'thresholds';
  return {
    id: standard.id,
    name: standard.name,
    version: standard.version,
    region: standard.region,
    totalMaxScore: standard.totalMaxScore,
    stages: [{ id: 'mutual', name: '摸底互评', weight: 100 }],
    dimensions: [
      {
        id: `${projectionId}Dimension`,
        name: '摸底互评（折算）',
        maxPoints: standard.totalMaxScore,
        indicators: [{ id: projectionId, name: '摸底互评得分（折算满分）', kind: 'scored', maxPoints: standard.totalMaxScore, stages: ['mutual'], guidance: '', evidence: [] }],
      },
    ],
    ...(standard.satisfaction ? { satisfaction: standard.satisfaction } : {}),
    levelScheme: byScore ? standard.levelScheme : { type: 'thresholds', thresholds: [{ stars: 1, minScore: 0 }], minStars: 0 },
    ranking: { keys: [{ key: 'finalScore' }] },
  };
}

/** Sum of the maxima of the indicators the standard gives to stage 1, in hundredths. */
export function stageOneMaxH(standard: Standard): number {
  return standard.dimensions
    .flatMap((d) => d.indicators)
    .filter((i) => i.kind === 'scored' && i.stages.includes('mutual'))
    .reduce((n, i) => n + (toHundredths(i.maxPoints) ?? 0), 0);
}

/** The stage-1 score scaled to the standard's full marks, two decimals half up (hundredths). */
export function scaledStageOneH(totalH: number, maxH: number, standard: Standard): number {
  return roundHalfUpDiv(totalH * (toHundredths(standard.totalMaxScore) ?? 0), maxH);
}

/** Reference stars and satisfaction rates of stage 1, by village id. */
export function rateStageOne(standard: Standard, villages: StageOneVillage[]): Map<string, StageOneRating> {
  const maxH = stageOneMaxH(standard);
  const byScore = standard.levelScheme.type === 'thresholds' && maxH > 0;
  const input: RatingInput = {
    towns: [...new Set(villages.map((v) => v.townId))].map((id) => ({ id, name: id })),
    villages: villages.map((v) => ({
      id: v.id,
      name: v.name,
      townId: v.townId,
      scores: { mutual: v.totalH !== null && maxH > 0 ? ({ [projectionId]: scaledStageOneH(v.totalH, maxH, standard) / 100 } as Record<string, number>) : {} },
      satisfaction: v.survey ? satisfactionInput(v.survey) : null,
    })),
  };
  const result = rateCampaign(projectionStandard(standard), input, { explain: 'none' });
  const known = new Map(villages.map((v) => [v.id, v]));
  return new Map(
    result.villages.map((r) => {
      const rated = byScore && known.get(r.id)?.totalH !== null;
      // The engine's notes name the missing score of an incomplete sheet: say it plainly instead.
      const notes = rated ? r.notes.filter((n) => !n.startsWith('缺少数据')) : [];
      return [r.id, { score: rated ? r.finalScore : null, stars: rated ? r.stars : null, satisfactionRate: r.satisfactionRate, notes }];
    }),
  );
}

export type SummaryDimension = { id: string; name: string; maxPoints: number; indicatorIds: string[] };

/** Dimensions holding stage-1 indicators, with those indicators. */
export function stageOneDimensions(standard: Standard): SummaryDimension[] {
  return standard.dimensions
    .map((d) => {
      const indicators = d.indicators.filter((i) => i.kind === 'scored' && i.stages.includes('mutual'));
      return { id: d.id, name: d.name, indicatorIds: indicators.map((i) => i.id), maxPoints: indicators.reduce((n, i) => n + (toHundredths(i.maxPoints) ?? 0), 0) / 100 };
    })
    .filter((d) => d.indicatorIds.length > 0);
}

export type SummaryRow = {
  villageId: string;
  villageName: string;
  dimensionScores: Record<string, number>;
  total: number;
  maxTotal: number;
  entered: number;
  indicators: number;
  survey: (SurveyCounts & { rate: number | null }) | null;
  visits: number;
  referenceScore: number | null;
  referenceStars: number | null;
  notes: string[];
};

/**
 * One line per village: stage-1 points by dimension (summed in hundredths), the survey with the
 * engine's rate, the visits, and the reference stars (only for a complete sheet).
 */
export function summarizeStageOne(
  standard: Standard,
  villages: { id: string; name: string; townId: string }[],
  points: Map<string, Map<string, number>>,
  surveys: Map<string, SurveyCounts>,
  visits: Map<string, number>,
): SummaryRow[] {
  const dimensions = stageOneDimensions(standard);
  const indicatorCount = dimensions.reduce((n, d) => n + d.indicatorIds.length, 0);
  const maxH = stageOneMaxH(standard);
  const lines = villages.map((v) => {
    const mine = points.get(v.id) ?? new Map<string, number>();
    const dimensionH = dimensions.map((d) => d.indicatorIds.reduce((n, id) => n + (toHundredths(mine.get(id) ?? 0) ?? 0), 0));
    const entered = dimensions.reduce((n, d) => n + d.indicatorIds.filter((id) => mine.has(id)).length, 0);
    const totalH = dimensionH.reduce((n, x) => n + x, 0);
    return { v, dimensionH, entered, totalH, complete: entered === indicatorCount && indicatorCount > 0 };
  });
  const rated = rateStageOne(
    standard,
    lines.map((l) => ({ id: l.v.id, name: l.v.name, townId: l.v.townId, totalH: l.complete ? l.totalH : null, survey: surveys.get(l.v.id) ?? null })),
  );
  return lines.map(({ v, dimensionH, entered, totalH, complete }) => {
    const r = rated.get(v.id);
    const survey = surveys.get(v.id);
    const notes = [
      ...(complete ? [] : [`互评评分未完成（已评 ${entered}/${indicatorCount} 项）`]),
      ...(survey ? [] : ['未录入群众测评']),
      ...(r?.notes ?? []),
    ];
    return {
      villageId: v.id,
      villageName: v.name,
      dimensionScores: Object.fromEntries(dimensions.map((d, i) => [d.id, (dimensionH[i] ?? 0) / 100])),
      total: totalH / 100,
      maxTotal: maxH / 100,
      entered,
      indicators: indicatorCount,
      survey: survey ? { ...survey, rate: r?.satisfactionRate ?? null } : null,
      visits: visits.get(v.id) ?? 0,
      referenceScore: r?.score ?? null,
      referenceStars: r?.stars ?? null,
      notes,
    };
  });
}
