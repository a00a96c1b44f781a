// Per-village figures of the city level for a year: leaders paired, their visits, key tasks.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/rows.js';
import { andInVillages } from '../figures/figures.queries.js';

export type PairingFigureRow = {
  village_id: string;
  paired_leaders: number;
  visits: number;
  key_tasks: number;
  key_tasks_done: number;
  key_task_progress: number;
};

export function selectPairingFigures(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<PairingFigureRow[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return selectRows<PairingFigureRow>(
    db,
    sql`SELECT v.id AS village_id,
      (SELECT count(DISTINCT p.leader_id)::int FROM pairings p
        WHERE p.county_id = v.county_id AND p.village_id = v.id AND p.start_date <= ${end}::date
          AND (p.end_date IS NULL OR p.end_date >= ${start}::date)) AS paired_leaders,
      (SELECT count(*)::int FROM leader_visits lv
        WHERE lv.county_id = v.county_id AND lv.village_id = v.id AND lv.visit_date BETWEEN ${start}::date AND ${end}::date) AS visits,
      (SELECT count(*)::int FROM key_tasks k WHERE k.county_id = v.county_id AND k.village_id = v.id AND k.year = ${year}) AS key_tasks,
      (SELECT count(*)::int FROM key_tasks k WHERE k.county_id = v.county_id AND k.village_id = v.id AND k.year = ${year} AND k.status = 'done') AS key_tasks_done,
      (SELECT coalesce(round(avg(k.progress)::numeric, 1), 0)::float8 FROM key_tasks k
        WHERE k.county_id = v.county_id AND k.village_id = v.id AND k.year = ${year}) AS key_task_progress
    FROM org_units v
    WHERE v.county_id = ${countyId} AND v.level = 'village' ${andInVillages(sql`v.id`, villageIds)}`,
  );
}
