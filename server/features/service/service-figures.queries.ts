// Per-village figures of the village level for a year: the problem list, commitments, household visits.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/rows.js';
import { andInVillages } from '../figures/figures.queries.js';

export type ServiceFigureRow = {
  village_id: string;
  problems_listed: number;
  problems_closed: number;
  commitments_made: number;
  commitments_fulfilled: number;
  household_visits: number;
};

// One pass over each table and one GROUP BY, no join: a correlated count per village scanned the
// problem list once per village, and joined subqueries fall into nested loops on the stale row
// estimates PGlite keeps (no autovacuum) — minutes at 10,000 villages either way. Every village
// gets a row, zeros where nothing was recorded.
export function selectServiceFigures(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<ServiceFigureRow[]> {
  const only = (column: string) => andInVillages(sql.raw(column), villageIds);
  return selectRows<ServiceFigureRow>(
    db,
    sql`SELECT village_id, sum(listed)::int AS problems_listed, sum(closed)::int AS problems_closed,
      sum(made)::int AS commitments_made, sum(fulfilled)::int AS commitments_fulfilled, sum(visits)::int AS household_visits
    FROM (
      SELECT id AS village_id, 0 AS listed, 0 AS closed, 0 AS made, 0 AS fulfilled, 0 AS visits
        FROM org_units WHERE county_id = ${countyId} AND level = 'village' ${only('id')}
      UNION ALL
      SELECT village_id, 1, (status IN ('resolved', 'confirmed'))::int, 0, 0, 0 FROM problems WHERE county_id = ${countyId} AND year = ${year} ${only('village_id')}
      UNION ALL
      SELECT village_id, 0, 0, (status IN ('approved', 'in_progress', 'settled', 'published'))::int,
          (status IN ('settled', 'published') AND outcome IS NOT DISTINCT FROM 'fulfilled')::int, 0
        FROM commitments WHERE county_id = ${countyId} AND year = ${year} ${only('village_id')}
      UNION ALL
      SELECT village_id, 0, 0, 0, 0, 1 FROM household_visits
        WHERE county_id = ${countyId} AND visit_date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date ${only('village_id')}
    ) counted
    GROUP BY village_id`,
  );
}

/** Open problems past their due date today, per village (time-dependent, so not a year figure). */
export function selectOverdueProblems(db: Db, countyId: string, year: number, today: string) {
  return selectRows<{ village_id: string; n: number }>(
    db,
    sql`SELECT village_id, count(*)::int AS n FROM problems
      WHERE county_id = ${countyId} AND year = ${year} AND status NOT IN ('resolved', 'confirmed')
        AND due_date IS NOT NULL AND due_date < ${today}::date
      GROUP BY village_id`,
  );
}
