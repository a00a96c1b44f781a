// Per-village figures of the village level for a year: the problem list, commitments, household visits.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/rows.js';

export type ServiceFigureRow = {
  village_id: string;
  problems_listed: number;
  problems_closed: number;
  commitments_made: number;
  commitments_fulfilled: number;
  household_visits: number;
};

export function selectServiceFigures(db: Db, countyId: string, year: number): Promise<ServiceFigureRow[]> {
  return selectRows<ServiceFigureRow>(
    db,
    sql`SELECT v.id AS village_id,
      (SELECT count(*)::int FROM problems p WHERE p.county_id = v.county_id AND p.village_id = v.id AND p.year = ${year}) AS problems_listed,
      (SELECT count(*)::int FROM problems p WHERE p.county_id = v.county_id AND p.village_id = v.id AND p.year = ${year}
        AND p.status IN ('resolved', 'confirmed')) AS problems_closed,
      (SELECT count(*)::int FROM commitments c WHERE c.county_id = v.county_id AND c.village_id = v.id AND c.year = ${year}
        AND c.status IN ('approved', 'in_progress', 'settled', 'published')) AS commitments_made,
      (SELECT count(*)::int FROM commitments c WHERE c.county_id = v.county_id AND c.village_id = v.id AND c.year = ${year}
        AND c.status IN ('settled', 'published') AND c.outcome = 'fulfilled') AS commitments_fulfilled,
      (SELECT count(*)::int FROM household_visits h WHERE h.county_id = v.county_id AND h.village_id = v.id
        AND h.visit_date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date) AS household_visits
    FROM org_units v
    WHERE v.county_id = ${countyId} AND v.level = 'village'`,
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
