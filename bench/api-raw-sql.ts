// The SQL each benchmarked endpoint wraps, written out by hand and sent through
// `db.execute(sql`…`)`: same scope prefix LIKE, filters, order, limit/offset and count, and the
// same concurrency (list and count together, then the positions of the page). No Drizzle
// result mapping, no presenters, no zod, no HTTP: the floor the endpoint is measured against.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';

type Rows = { rows: Record<string, unknown>[] };
const run = async (db: Db, query: SQL) => ((await db.execute(query)) as unknown as Rows).rows;

const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
const inScope = (column: SQL, paths: readonly string[]) => sql.join(paths.map((p) => sql`${column} LIKE ${`${p}%`}`), sql` OR `);

export type OrgListParams = { level?: string; q?: string; page: number; pageSize: number };

export async function rawOrgList(db: Db, countyId: string, scope: readonly string[], p: OrgListParams) {
  const where = sql.join(
    [
      sql`o.county_id = ${countyId}`,
      sql`(${inScope(sql`o.path`, scope)})`,
      p.level ? sql`o.level = ${p.level}` : null,
      p.q ? sql`(o.name ILIKE ${likeContains(p.q)} OR o.code ILIKE ${likeContains(p.q)})` : null,
    ].filter((c): c is SQL => c !== null),
    sql` AND `,
  );
  const [items, total] = await Promise.all([
    run(
      db,
      sql`SELECT o.id, o.parent_id, o.level, o.kind, o.name, o.code, o.path, o.party_org_type, o.party_org_name,
            o.active, o.sort_order, parent.name AS parent_name
          FROM org_units o LEFT JOIN org_units parent ON parent.id = o.parent_id
          WHERE ${where}
          ORDER BY length(o.path), o.sort_order, o.code
          LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    ),
    run(db, sql`SELECT count(*) AS n FROM org_units o WHERE ${where}`),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** The whole subtree in tree order (the tree endpoint builds the forest from it). */
export function rawOrgTreeRows(db: Db, countyId: string, scope: readonly string[]) {
  return run(
    db,
    sql`SELECT o.id, o.parent_id, o.level, o.kind, o.name, o.code, o.path, o.party_org_type, o.party_org_name,
          o.active, o.sort_order, parent.name AS parent_name
        FROM org_units o LEFT JOIN org_units parent ON parent.id = o.parent_id
        WHERE o.county_id = ${countyId} AND (${inScope(sql`o.path`, scope)})
        ORDER BY length(o.path), o.sort_order, o.code`,
  );
}

export type PeopleListParams = { underOrgUnitId?: string; title?: string; today: string; page: number; pageSize: number };

export async function rawPeopleList(db: Db, countyId: string, scope: readonly string[], p: PeopleListParams) {
  let underPath: string | undefined;
  if (p.underOrgUnitId) {
    const [unit] = await run(db, sql`SELECT path FROM org_units WHERE county_id = ${countyId} AND id = ${p.underOrgUnitId} AND (${inScope(sql`path`, scope)})`);
    if (!unit) throw new Error('unit not in scope');
    underPath = String(unit.path);
  }
  const where = sql.join(
    [
      sql`pe.county_id = ${countyId}`,
      sql`(${inScope(sql`pe.org_path`, scope)})`,
      underPath ? sql`pe.org_path LIKE ${`${underPath}%`}` : null,
      p.title
        ? sql`EXISTS (SELECT 1 FROM positions po WHERE po.person_id = pe.id AND po.title = ${p.title}
                AND (po.end_date IS NULL OR po.end_date >= ${p.today}))`
        : null,
    ].filter((c): c is SQL => c !== null),
    sql` AND `,
  );
  const [items, total] = await Promise.all([
    run(
      db,
      sql`SELECT pe.id, pe.org_unit_id, o.name AS org_unit_name, pe.org_path, pe.name, pe.gender, pe.birth_year,
            pe.id_number_masked, pe.phone_masked, pe.party_member
          FROM people pe JOIN org_units o ON o.id = pe.org_unit_id
          WHERE ${where}
          ORDER BY o.path, pe.name, pe.id
          LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    ),
    run(db, sql`SELECT count(*) AS n FROM people pe WHERE ${where}`),
  ]);
  const ids = items.map((r) => String(r.id));
  const positions =
    ids.length === 0
      ? []
      : await run(
          db,
          sql`SELECT po.id, po.person_id, po.title, po.org_unit_id, o.name AS org_unit_name, po.start_date, po.end_date
              FROM positions po JOIN org_units o ON o.id = po.org_unit_id
              WHERE po.county_id = ${countyId} AND po.person_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
              ORDER BY po.start_date`,
        );
  return { items, positions, total: Number(total[0]?.n ?? 0) };
}

/** What the guard runs on every authenticated request: the session with its user, then roles. */
export async function rawAuthenticate(db: Db, sessionId: string) {
  const [session] = await run(db, sql`SELECT s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${sessionId}`);
  if (!session) throw new Error('no session');
  return run(
    db,
    sql`SELECT g.user_id, g.role, g.org_unit_id, o.name, o.path, o.level
        FROM role_grants g JOIN org_units o ON o.id = g.org_unit_id
        WHERE g.user_id IN (${session.user_id}) ORDER BY g.role`,
  );
}
