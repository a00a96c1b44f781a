// Per-village figures of town supervision for a year.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/rows.js';
import { andInVillages } from '../figures/figures.queries.js';

export type SupervisionFigureRow = { village_id: string; records: number; findings: number; findings_open: number };

export function selectSupervisionFigures(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<SupervisionFigureRow[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return selectRows<SupervisionFigureRow>(
    db,
    sql`SELECT v.id AS village_id,
      (SELECT count(*)::int FROM supervision_records r
        WHERE r.county_id = v.county_id AND r.village_id = v.id AND r.record_date BETWEEN ${start}::date AND ${end}::date) AS records,
      (SELECT count(*)::int FROM supervision_findings f JOIN supervision_records r ON r.id = f.record_id
        WHERE f.county_id = v.county_id AND f.village_id = v.id AND r.record_date BETWEEN ${start}::date AND ${end}::date) AS findings,
      (SELECT count(*)::int FROM supervision_findings f JOIN supervision_records r ON r.id = f.record_id
        WHERE f.county_id = v.county_id AND f.village_id = v.id AND f.status = 'open'
          AND r.record_date BETWEEN ${start}::date AND ${end}::date) AS findings_open
    FROM org_units v
    WHERE v.county_id = ${countyId} AND v.level = 'village' ${andInVillages(sql`v.id`, villageIds)}`,
  );
}
