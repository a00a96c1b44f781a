// `--what-if`: after the measured cases, tries query and index changes on the throwaway database
// and times each against the query the code sends today (raw SQL both sides, alternating where
// the two are different queries). The indexes are created here only: nothing in migrations/ changes.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../server/db/client.js';
import { timePaired, type Paired } from './api-timing.js';

export type WhatIf = { name: string; today: string; changed: string; result: Paired };

const run = (db: Db, q: SQL) => () => db.execute(q);

export async function runWhatIfs(database: Database, countyId: string, cityPath: string, budgetMs: number): Promise<WhatIf[]> {
  const db = database.db;
  const opts = { budgetMs, minN: 10, maxN: 400 };
  const scope = `${cityPath}%`;
  const out: WhatIf[] = [];
  const personCols = sql`pe.id, pe.org_unit_id, o.name AS org_unit_name, pe.org_path, pe.name, pe.gender, pe.birth_year,
    pe.id_number_masked, pe.phone_masked, pe.party_member`;

  // 1. People page 1: ORDER BY the joined unit's path sorts every person in scope; the person's
  //    own copy of the path, in byte order, with an index in that order, reads just the page.
  await database.runAsOwner('CREATE INDEX IF NOT EXISTS bench_people_order_idx ON people (county_id, org_path COLLATE "C", name, id); ANALYZE people');
  const peopleToday = sql`SELECT ${personCols} FROM people pe JOIN org_units o ON o.id = pe.org_unit_id
    WHERE pe.county_id = ${countyId} AND (pe.org_path LIKE ${scope}) ORDER BY o.path, pe.name, pe.id LIMIT 100`;
  const peopleOwnPath = sql`SELECT ${personCols} FROM people pe JOIN org_units o ON o.id = pe.org_unit_id
    WHERE pe.county_id = ${countyId} AND (pe.org_path LIKE ${scope}) ORDER BY pe.org_path COLLATE "C", pe.name, pe.id LIMIT 100`;
  const idsOf = async (q: SQL) => ((await db.execute(q)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id).join();
  if ((await idsOf(peopleToday)) !== (await idsOf(peopleOwnPath))) console.warn('  ! the two people orders give different pages here');
  out.push({
    name: 'people page 1 (city), list query only',
    today: 'ORDER BY o.path',
    changed: 'ORDER BY pe.org_path COLLATE "C" + index (county_id, org_path COLLATE "C", name, id)',
    result: await timePaired(run(db, peopleToday), run(db, peopleOwnPath), opts),
  });

  // 2. The count(*) that every list page also runs, for comparison with the list itself.
  out.push({
    name: 'people page 1 (city): list vs its count(*)',
    today: 'list query (today)',
    changed: 'SELECT count(*) with the same where',
    result: await timePaired(run(db, peopleToday), run(db, sql`SELECT count(*) FROM people pe WHERE pe.county_id = ${countyId} AND (pe.org_path LIKE ${scope})`), opts),
  });

  // 3. Villages page 1: ORDER BY length(path), sort_order, code has no index to walk.
  const orgs = sql`SELECT o.id, o.parent_id, o.level, o.kind, o.name, o.code, o.path, o.party_org_type, o.party_org_name,
      o.active, o.sort_order, parent.name AS parent_name
    FROM org_units o LEFT JOIN org_units parent ON parent.id = o.parent_id
    WHERE o.county_id = ${countyId} AND (o.path LIKE ${scope}) AND o.level = 'village'
    ORDER BY length(o.path), o.sort_order, o.code LIMIT 100`;
  const orgsBefore = await timePaired(run(db, orgs), null, opts);
  await database.runAsOwner('CREATE INDEX IF NOT EXISTS bench_org_units_order_idx ON org_units (county_id, level, length(path), sort_order, code); ANALYZE org_units');
  const orgsAfter = await timePaired(run(db, orgs), null, opts);
  out.push({
    name: 'villages page 1 (city), list query only',
    today: 'as today',
    changed: 'same query + index (county_id, level, length(path), sort_order, code)',
    result: { a: orgsBefore.a, b: orgsAfter.a, ratio: orgsBefore.a.median / orgsAfter.a.median, aCpu: orgsBefore.aCpu },
  });

  return out;
}
