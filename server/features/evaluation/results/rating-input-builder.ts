// Turns what the campaign recorded (scores, figures, surveys, violations, last year's stars) into
// the rating engine's input. Pure: the service gathers the data, this shapes it.
import type { RatingInput, SatisfactionInput, ViolationInput } from '../../standards/engine/rating-input.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import type { VillageFigures } from '../../figures/figures.js';

export type RatingSources = {
  villages: { id: string; name: string; townId: string }[];
  towns: { id: string; name: string; ownScore?: number | null }[];
  /** Score entries by stage id: the three sheet stages, and the self stage from approved self-evaluations. */
  entries: { stage: string; villageId: string; indicatorId: string; points: number }[];
  figures: VillageFigures;
  lastYearStars: Map<string, number | null>;
  satisfaction?: Map<string, SatisfactionInput>;
  violations?: Map<string, ViolationInput[]>;
};

export function buildRatingInput(standard: Standard, sources: RatingSources, campaign: { id: string; name: string; year: number }): RatingInput {
  // Only recorded figures the standard declares may be passed; derived ones the engine computes.
  const recorded = new Set((standard.figures ?? []).filter((f) => !f.ratio).map((f) => f.id));
  const scores = new Map<string, Record<string, Record<string, number>>>();
  for (const e of sources.entries) {
    let s = scores.get(e.villageId);
    if (!s) scores.set(e.villageId, (s = { mutual: {}, department: {}, city: {} }));
    // Other stages (the self stage) appear only for a village that has entries in them.
    (s[e.stage] ??= {})[e.indicatorId] = e.points;
  }
  return {
    campaign,
    towns: sources.towns.map((t) => ({ id: t.id, name: t.name, ownScore: t.ownScore ?? null })),
    villages: sources.villages.map((v) => {
      const figures = Object.fromEntries(Object.entries(sources.figures.get(v.id) ?? {}).filter(([k]) => recorded.has(k)));
      return {
        id: v.id,
        name: v.name,
        townId: v.townId,
        scores: scores.get(v.id) ?? { mutual: {}, department: {}, city: {} },
        satisfaction: sources.satisfaction?.get(v.id) ?? null,
        violations: sources.violations?.get(v.id) ?? [],
        lastYearStars: sources.lastYearStars.get(v.id) ?? null,
        figures,
      };
    }),
  };
}
