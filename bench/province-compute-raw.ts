// The reference for 生成定星建议: one hand-written statement per input kind (the campaign and its
// standard, villages and towns, town scores, sheet scores, surveys, figures, last year's stars,
// violations), no transaction, guard, Drizzle mapping, writes or audit; then the engine's input
// built from those rows as the application builds it.
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { selectRows } from '../server/db/rows.js';
import { buildRatingInput } from '../server/features/evaluation/results/rating-input-builder.js';
import type { RatingInput, SatisfactionInput } from '../server/features/standards/engine/rating-input.js';
import type { Standard } from '../shared/standards/standard.js';

type Weights = Record<string, number>;

export async function rawComputeInputs(db: Db, countyId: string, campaignId: string): Promise<{ standard: Standard; input: RatingInput }> {
  const [c] = await selectRows<{ id: string; name: string; year: number; stage_weights: Weights; document: Standard }>(
    db,
    sql`SELECT c.id, c.name, c.year, c.stage_weights, s.document FROM campaigns c
      JOIN standard_versions s ON s.county_id = c.county_id AND s.id = c.standard_id
      WHERE c.county_id = ${countyId} AND c.id = ${campaignId}`,
  );
  if (!c) throw new Error('no campaign');
  const standard = { ...c.document, stages: c.document.stages.map((s) => ({ ...s, weight: c.stage_weights[s.id] ?? s.weight })) };
  const units = await selectRows<{ id: string; name: string; level: string; parent_id: string; path: string }>(
    db,
    sql`SELECT id, name, level, parent_id, path FROM org_units WHERE county_id = ${countyId} AND active AND level IN ('town', 'village')`,
  );
  const townScores = await selectRows<{ town_id: string; score: string }>(db, sql`SELECT town_id, score FROM campaign_town_scores WHERE county_id = ${countyId} AND campaign_id = ${campaignId}`);
  const entries = await selectRows<{ stage: string; village_id: string; indicator_id: string; points: string }>(
    db,
    sql`SELECT stage, village_id, indicator_id, points FROM score_entries WHERE county_id = ${countyId} AND campaign_id = ${campaignId}`,
  );
  const surveys = await selectRows<{ village_id: string; sample_size: number; satisfied: number; basically_satisfied: number; unsatisfied: number }>(
    db,
    sql`SELECT village_id, sample_size, satisfied, basically_satisfied, unsatisfied FROM mutual_surveys WHERE county_id = ${countyId} AND campaign_id = ${campaignId}`,
  );
  const figures = await selectRows<{ village_id: string; listed: number; closed: number; made: number; fulfilled: number; visits: number }>(
    db,
    sql`SELECT village_id, sum(listed)::int AS listed, sum(closed)::int AS closed, sum(made)::int AS made, sum(fulfilled)::int AS fulfilled, sum(visits)::int AS visits
      FROM (SELECT id AS village_id, 0 AS listed, 0 AS closed, 0 AS made, 0 AS fulfilled, 0 AS visits FROM org_units WHERE county_id = ${countyId} AND level = 'village'
        UNION ALL SELECT village_id, 1, (status IN ('resolved', 'confirmed'))::int, 0, 0, 0 FROM problems WHERE county_id = ${countyId} AND year = ${c.year}
        UNION ALL SELECT village_id, 0, 0, (status IN ('approved', 'in_progress', 'settled', 'published'))::int,
          (status IN ('settled', 'published') AND outcome IS NOT DISTINCT FROM 'fulfilled')::int, 0 FROM commitments WHERE county_id = ${countyId} AND year = ${c.year}
        UNION ALL SELECT village_id, 0, 0, 0, 0, 1 FROM household_visits WHERE county_id = ${countyId}
          AND visit_date BETWEEN ${`${c.year}-01-01`}::date AND ${`${c.year}-12-31`}::date) counted
      GROUP BY village_id`,
  );
  const lastYear = await selectRows<{ village_id: string; stars: number | null }>(
    db,
    sql`SELECT r.village_id, r.stars FROM campaign_results r JOIN campaigns c ON c.county_id = r.county_id AND c.id = r.campaign_id
      WHERE r.county_id = ${countyId} AND c.year = ${c.year - 1} AND c.status = 'final'`,
  );
  const violations = await selectRows<{ village_id: string; category: string }>(
    db,
    sql`SELECT village_id, category FROM violation_records WHERE county_id = ${countyId} AND status = 'confirmed'
      AND occurred_on BETWEEN ${`${c.year}-01-01`}::date AND ${`${c.year}-12-31`}::date ORDER BY seq`,
  );

  const satisfaction = new Map<string, SatisfactionInput>(
    surveys.map((s) => [s.village_id, { sampleSize: s.sample_size, satisfied: s.satisfied, basicallySatisfied: s.basically_satisfied, unsatisfied: s.unsatisfied }]),
  );
  const violationMap = new Map<string, { category: string; reason: string }[]>();
  for (const v of violations) violationMap.set(v.village_id, [...(violationMap.get(v.village_id) ?? []), { category: v.category, reason: v.category }]);
  const scores = new Map(townScores.map((t) => [t.town_id, Number(t.score)]));
  const input = buildRatingInput(
    standard,
    {
      villages: units.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, townId: u.parent_id })),
      towns: units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name, ownScore: scores.get(u.id) ?? null })),
      entries: entries.map((e) => ({ stage: e.stage, villageId: e.village_id, indicatorId: e.indicator_id, points: Number(e.points) })),
      figures: new Map(figures.map((f) => [f.village_id, { problemsListed: f.listed, problemsClosed: f.closed, commitmentsMade: f.made, commitmentsFulfilled: f.fulfilled, householdVisits: f.visits }])),
      lastYearStars: new Map(lastYear.map((r) => [r.village_id, r.stars])),
      satisfaction,
      violations: violationMap as never,
    },
    { id: c.id, name: c.name, year: c.year },
  );
  return { standard, input };
}
