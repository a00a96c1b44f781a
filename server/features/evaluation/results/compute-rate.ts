// Pure: the CPU half of 生成定星建议 — the engine over the inputs read, the department's decisions
// carried over, and the rows to store, ready as JSON text. It runs in the rating worker
// (server/rating-worker.ts) so that the engine (~0.4 s at 10,000 villages) and the shaping of
// 10,000 explanations never hold the server's event loop; the service only moves text around.
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateCampaign } from '../../standards/engine/rating-engine.js';
import type { RatingInput } from '../../standards/engine/rating-input.js';
import type { RatingResult, Referral } from '../../standards/engine/rating-result.js';
import { withSourceStep } from '../../surveys/source-step.js';
import { selfStageStep, withSelfStageStep, type SelfStage } from '../../self-evaluation/self-stage.js';
import { mergeDecision, type PriorResult, type RecomputeChange } from '../decisions/recompute.js';
import type { ResultSealColumns } from '../seals/seal-sources.queries.js';

/** What the service read, but the sheet scores, which come as JSON text per chunk of villages. */
export type RateTask = {
  standard: Standard;
  /** The engine's input with the sheet stages' scores still empty (the self stage already in). */
  input: RatingInput;
  self: SelfStage | null;
  /** Survey source line per village (the explanation names it). */
  sources: Record<string, string>;
  paths: Record<string, string>;
  prior: PriorResult[];
  countyId: string;
  campaignId: string;
  /** ISO time of the computation (computed_at, decisions' times). */
  now: string;
  /** Fresh ids for the result rows, one per village (the worker makes none: the caller's randomness). */
  ids: string[];
};

/**
 * A task's per-village arrays, a slice at a time: the task travels as its head (everything else)
 * and these parts, each its own message of JSON text, so that no single JSON.stringify of the
 * whole task (0.7 s at 10,000 villages) holds the server's event loop.
 */
export type RateTaskPart = Pick<RateTask, 'sources' | 'paths' | 'prior' | 'ids'> & { villages: RatingInput['villages'] };

/** The task's head (its per-village arrays empty) and its parts of `size` villages each. */
export function splitTask(task: RateTask, size: number): { head: RateTask; parts: Generator<RateTaskPart> } {
  const head: RateTask = { ...task, input: { ...task.input, villages: [] }, sources: {}, paths: {}, prior: [], ids: [] };
  function* parts(): Generator<RateTaskPart> {
    const { villages } = task.input;
    // Prior results include villages closed since (not rated): they go with the last part.
    const rated = new Set(villages.map((v) => v.id));
    const priorOf = new Map(task.prior.map((p) => [p.villageId, p]));
    for (let i = 0; i < Math.max(villages.length, 1); i += size) {
      const slice = villages.slice(i, i + size);
      const last = i + size >= villages.length;
      yield {
        villages: slice,
        sources: Object.fromEntries(slice.flatMap((v) => (v.id in task.sources ? [[v.id, task.sources[v.id] as string]] : []))),
        paths: Object.fromEntries(slice.map((v) => [v.id, task.paths[v.id] as string])),
        prior: [...slice.flatMap((v) => priorOf.get(v.id) ?? []), ...(last ? task.prior.filter((p) => !rated.has(p.villageId)) : [])],
        ids: task.ids.slice(i, i + size),
      };
    }
  }
  return { head, parts: parts() };
}

/** Adds a part to the task's head (the worker, in the order the parts were sent). */
export function joinTaskPart(task: RateTask, part: RateTaskPart): void {
  for (const v of part.villages) task.input.villages.push(v);
  for (const p of part.prior) task.prior.push(p);
  for (const id of part.ids) task.ids.push(id);
  Object.assign(task.sources, part.sources);
  Object.assign(task.paths, part.paths);
}

export type RatedChange = RecomputeChange & { name: string };

export type RatedChunk = {
  /** campaign_results rows as JSON text (snake_case columns, for jsonb_to_recordset). */
  results: string;
  /** campaign_rating_inputs rows as JSON text. */
  kept: string;
  seals: ResultSealColumns[];
  /** The chunk's villages whose proposal moved: sent with their rows, not all at the end, for
   * the same reason as the task's parts (10,000 of them on a first compute). */
  changes: RatedChange[];
};

export type RatedSummary = {
  summary: RatingResult['summary'];
  referrals: Referral[];
  towns: { townId: string; stars: number | null; explanation: unknown }[];
};

/** Fills the sheet scores from the chunks' JSON (`{villageId: {stage: {indicator: points}}}`). */
export function withSheetScores(input: RatingInput, chunks: readonly string[]): RatingInput {
  const byVillage = new Map<string, Record<string, Record<string, number>>>();
  for (const text of chunks) for (const [id, stages] of Object.entries(JSON.parse(text) as Record<string, Record<string, Record<string, number>>>)) byVillage.set(id, stages);
  for (const v of input.villages) {
    const stages = byVillage.get(v.id);
    if (stages) v.scores = { ...v.scores, ...stages };
  }
  return input;
}

/** Rates and shapes the rows, `chunkSize` villages a chunk, in the engine's city order. */
export function rateAndShape(task: RateTask, chunkSize: number): { chunks: RatedChunk[]; done: RatedSummary } {
  const { standard, input, self, countyId, campaignId } = task;
  const now = new Date(task.now);
  const result = rateCampaign(standard, input);
  const selfPoints = new Map(input.villages.map((v) => [v.id, self ? v.scores[self.id] : undefined]));
  const kept = new Map(input.villages.map((v) => [v.id, v]));
  const prior = new Map(task.prior.map((p) => [p.villageId, p]));
  const referralOf = new Map((result.referrals ?? []).flatMap((r) => r.villages.map((id) => [id, r] as const)));
  const chunks: RatedChunk[] = [];
  for (let i = 0; i < result.villages.length; i += chunkSize) {
    const results: unknown[] = [];
    const keptRows: unknown[] = [];
    const seals: ResultSealColumns[] = [];
    const changes: RatedChange[] = [];
    result.villages.slice(i, i + chunkSize).forEach((v, k) => {
      const merged = mergeDecision(prior.get(v.id), { villageId: v.id, engineStars: v.stars, score: v.finalScore, notes: v.notes }, now);
      if (merged.change) changes.push({ ...merged.change, name: v.name });
      const explanation = {
        steps: withSelfStageStep(withSourceStep(v.explanation, task.sources[v.id]), self && selfStageStep(standard, self, selfPoints.get(v.id))),
        stageScores: v.stageScores,
        dimensionScores: v.dimensionScores,
        satisfactionRate: v.satisfactionRate,
        levelFromScore: v.levelFromScore,
        ...(referralOf.has(v.id) ? { referral: referralOf.get(v.id) } : {}),
      };
      results.push({
        id: task.ids[i + k], county_id: countyId, campaign_id: campaignId, village_id: v.id, org_path: task.paths[v.id], town_id: v.townId,
        score: v.finalScore, engine_stars: v.stars, stars: merged.stars, vetoed: v.vetoed, named_stars: v.namedStars, rank_in_town: v.rankInTown, rank_in_city: v.rankInCity,
        notes: v.notes, explanation, override_reason: merged.overrideReason, confirmed_by: merged.confirmedBy, confirmed_at: merged.confirmedAt, computed_at: now, proposal_change: merged.proposalChange,
      });
      const iv = kept.get(v.id);
      keptRows.push({
        county_id: countyId, campaign_id: campaignId, village_id: v.id, figures: iv?.figures ?? {}, satisfaction: iv?.satisfaction ?? null,
        last_year_stars: iv?.lastYearStars ?? null, self_scores: (self ? iv?.scores?.[self.id] : undefined) ?? {}, kept_at: now,
      });
      seals.push({ villageId: v.id, score: v.finalScore, engineStars: v.stars, stars: merged.stars, vetoed: v.vetoed, overrideReason: merged.overrideReason, confirmedBy: merged.confirmedBy, rankInCity: v.rankInCity, rankInTown: v.rankInTown });
    });
    chunks.push({ results: JSON.stringify(results), kept: JSON.stringify(keptRows), seals, changes });
  }
  return {
    chunks,
    done: {
      summary: result.summary,
      referrals: result.referrals ?? [],
      towns: result.towns.map((t) => ({ townId: t.id, stars: t.stars, explanation: t.explanation })),
    },
  };
}
