// The county-key rule read from PostgreSQL's own catalog (PGlite and a real server): every table
// that carries county_id has it in its primary key, unique indexes and foreign keys, and every
// other table is a listed reference table. New tables added by any migration are checked too.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { sqlStateOf } from './errors.js';
import { selectRows } from './rows.js';
import { projectRoot } from '../paths.js';
import { referenceTables } from './tenancy.js';
import { countyKeyBreaches, distributedTables } from './tenancy.queries.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('county keys', () => {
  it('no table breaks the rule after every migration', async () => {
    expect(await countyKeyBreaches(t.database.db)).toEqual([]);
  });

  it('finds each kind of breach in a table added later', async () => {
    await t.database.runAsOwner(`
      CREATE TABLE zz_loose (id uuid PRIMARY KEY, note text);
      CREATE TABLE zz_bad (
        id uuid PRIMARY KEY,
        county_id uuid,
        code text UNIQUE,
        -- org_units (id) alone is no longer unique, so a one-column key cannot even be created;
        -- a key through some other column still can.
        home_county_id uuid,
        village_id uuid,
        village2_id uuid,
        FOREIGN KEY (home_county_id, village_id) REFERENCES org_units (county_id, id),
        FOREIGN KEY (county_id, village2_id) REFERENCES org_units (county_id, id) ON DELETE SET NULL
      );
      CREATE UNIQUE INDEX zz_bad_note_uq ON zz_bad (code, id);
      ALTER TABLE login_names ADD COLUMN unit_id uuid, ADD FOREIGN KEY (county_id, unit_id) REFERENCES org_units (county_id, id);`);
    try {
      const breaches = await countyKeyBreaches(t.database.db);
      expect(breaches).toEqual(
        expect.arrayContaining([
          { table: 'zz_loose', rule: 'no county_id and not a listed reference table', name: '' },
          { table: 'zz_bad', rule: 'county_id may be null', name: 'county_id' },
          { table: 'zz_bad', rule: 'primary key without county_id', name: '' },
          { table: 'zz_bad', rule: 'unique index without county_id', name: 'zz_bad_pkey' },
          { table: 'zz_bad', rule: 'unique index without county_id', name: 'zz_bad_code_key' },
          { table: 'zz_bad', rule: 'unique index without county_id', name: 'zz_bad_note_uq' },
          { table: 'zz_bad', rule: 'foreign key to a county table without county_id = county_id', name: 'zz_bad_home_county_id_village_id_fkey' },
          { table: 'zz_bad', rule: 'ON DELETE SET NULL/DEFAULT would clear county_id', name: 'zz_bad_county_id_village2_id_fkey' },
          { table: 'login_names', rule: 'reference table points at a county table', name: 'login_names_county_id_unit_id_fkey' },
        ]),
      );
      expect(breaches).toHaveLength(9);
    } finally {
      await t.database.runAsOwner('DROP TABLE zz_loose, zz_bad; ALTER TABLE login_names DROP COLUMN unit_id;');
    }
    expect(await countyKeyBreaches(t.database.db)).toEqual([]);
  });

  it('docs/operations.md distributes exactly the county tables, each after those it points at', async () => {
    const docs = await readFile(path.join(projectRoot, 'docs', 'operations.md'), 'utf8');
    const calls = (fn: string) => [...docs.matchAll(new RegExp(`${fn}\\('(\\w+)'`, 'g'))].map((m) => m[1]);
    expect(calls('create_reference_table')).toEqual([...referenceTables]);
    const order = await distributedTables(t.database.db);
    expect(calls('create_distributed_table')).toEqual(order);
    const edges = await selectRows<{ from: string; to: string }>(
      t.database.db,
      sql`SELECT conrelid::regclass::text AS from, confrelid::regclass::text AS to FROM pg_constraint
          WHERE contype = 'f' AND conparentid = 0 AND conrelid <> confrelid AND connamespace = 'public'::regnamespace`,
    );
    const late = edges.filter((e) => order.includes(e.to) && order.indexOf(e.from) <= order.indexOf(e.to));
    expect(late).toEqual([]);
  });

  it('a partitioned table is judged once, by its parent; its partitions are not breaches', async () => {
    // The partitioned CI run turns the biggest tables into these (scripts/partition-by-county.sql).
    await t.database.runAsOwner(`
      CREATE TABLE zz_part_ok (county_id uuid NOT NULL, id uuid NOT NULL, village_id uuid NOT NULL,
        PRIMARY KEY (county_id, id), FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id))
        PARTITION BY HASH (county_id);
      CREATE TABLE zz_part_ok_p0 PARTITION OF zz_part_ok FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE zz_part_ok_p1 PARTITION OF zz_part_ok FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      CREATE TABLE zz_part_child (county_id uuid NOT NULL, id uuid NOT NULL, ok_id uuid,
        PRIMARY KEY (county_id, id), FOREIGN KEY (county_id, ok_id) REFERENCES zz_part_ok (county_id, id));
      CREATE TABLE zz_part_bad (id uuid PRIMARY KEY, county_id uuid) PARTITION BY HASH (id);
      CREATE TABLE zz_part_bad_p0 PARTITION OF zz_part_bad FOR VALUES WITH (MODULUS 1, REMAINDER 0);`);
    try {
      const breaches = (await countyKeyBreaches(t.database.db)).filter((b) => b.table.startsWith('zz_part'));
      expect(breaches).toEqual([
        { table: 'zz_part_bad', rule: 'county_id may be null', name: 'county_id' },
        { table: 'zz_part_bad', rule: 'primary key without county_id', name: '' },
        { table: 'zz_part_bad', rule: 'unique index without county_id', name: 'zz_part_bad_pkey' },
      ]);
    } finally {
      await t.database.runAsOwner('DROP TABLE zz_part_child, zz_part_ok, zz_part_bad');
    }
    expect(await countyKeyBreaches(t.database.db)).toEqual([]);
  });

  it('a row cannot point at another county’s row, even written straight into the database', async () => {
    const otherCounty = randomUUID();
    const village = t.city.villages.town1[0];
    // A person of another county in this county's village.
    const err = await t.app.services.db
      .execute(
        sql`INSERT INTO people (county_id, org_unit_id, org_path, name, gender) VALUES (${otherCounty}, ${village.id}, ${village.path}, '外县人', '男')`,
      )
      .then(() => null, (e: unknown) => e);
    expect(sqlStateOf(err)).toBe('23503');
    // The same row in its own county is accepted: the key, not the table, refused it.
    await t.app.services.db.execute(
      sql`INSERT INTO people (county_id, org_unit_id, org_path, name, gender) VALUES (${t.city.countyId}, ${village.id}, ${village.path}, '本县人', '男')`,
    );
  });

  it('a login name stays unique across counties', async () => {
    const err = await t.app.services.db
      .execute(sql`INSERT INTO login_names (username, county_id, user_id) VALUES ('orgadmin', ${randomUUID()}, ${randomUUID()})`)
      .then(() => null, (e: unknown) => e);
    expect(sqlStateOf(err)).toBe('23505');
  });
});
