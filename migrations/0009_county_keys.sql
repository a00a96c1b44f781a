-- County keys: county_id (the tenant) leads every primary key, every unique constraint and every
-- foreign key between tables that carry it, so each county's rows can live together on one node
-- of a distributed PostgreSQL (Citus: create_distributed_table(<table>, 'county_id')) and a row can
-- never point at another county's row. docs/operations.md, "Past one machine", lists the tables.
--
-- The rewrite walks the catalog instead of naming ~50 tables by hand, so nothing is missed; the
-- catalog test (server/db/county-keys.api.test.ts) checks the result and every table added later.
-- Constraint names and ON DELETE behaviour are kept; SET NULL / SET DEFAULT touch only the
-- referencing column (PostgreSQL 15's column list), never county_id.

-- Lookups that arrive without a county (a login name, a session cookie, a token in a public
-- link) keep a plain index on the value they look up.
CREATE INDEX users_username_idx ON users (username);
CREATE INDEX sessions_id_idx ON sessions (id);
CREATE INDEX problems_confirm_token_idx ON problems (confirm_token_hash) WHERE confirm_token_hash IS NOT NULL;
CREATE INDEX training_sessions_token_idx ON training_sessions (sign_in_token_hash) WHERE sign_in_token_hash IS NOT NULL;
CREATE INDEX result_objections_receipt_idx ON result_objections (receipt_no);

-- One login page serves every county, so a login name is unique across all of them. That cannot
-- be a unique index on users once users is split by county: this small reference table holds it.
CREATE TABLE login_names (
  username text PRIMARY KEY,
  county_id uuid NOT NULL,
  user_id uuid NOT NULL
);
INSERT INTO login_names (username, county_id, user_id) SELECT username, county_id, id FROM users;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_names TO fivestar_app;

DO $$
DECLARE
  r record;
  cols text;
  action text;
BEGIN
  -- Tables of the tenant: every ordinary table with a county_id column, except reference tables.
  CREATE TEMP TABLE county_tables ON COMMIT DROP AS
  SELECT c.oid AS rel
  FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'county_id' AND NOT a.attisdropped
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    AND c.relname NOT IN ('login_names');

  -- 1. Remember and drop the single-column foreign keys between county tables.
  CREATE TEMP TABLE county_fks ON COMMIT DROP AS
  SELECT con.conname, con.conrelid::regclass AS tbl, con.confrelid::regclass AS reftbl,
         fa.attname AS col, ra.attname AS refcol, con.confdeltype AS del, con.confupdtype AS upd
  FROM pg_constraint con
  JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = con.conkey[1]
  JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
  WHERE con.contype = 'f' AND cardinality(con.conkey) = 1
    AND con.conrelid IN (SELECT rel FROM county_tables)
    AND con.confrelid IN (SELECT rel FROM county_tables);
  FOR r IN SELECT * FROM county_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
  END LOOP;

  -- 2. Primary keys and unique constraints without county_id get it as their first column.
  FOR r IN
    SELECT con.conname, con.conrelid::regclass AS tbl, con.contype, con.conkey, con.conrelid
    FROM pg_constraint con
    WHERE con.contype IN ('p', 'u')
      AND con.conrelid IN (SELECT rel FROM county_tables)
      AND NOT EXISTS (
        SELECT 1 FROM pg_attribute a
        WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey) AND a.attname = 'county_id')
  LOOP
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY k.ord) INTO cols
    FROM unnest(r.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = r.conrelid AND a.attnum = k.attnum;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s (county_id, %s)', r.tbl, r.conname,
      CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, cols);
  END LOOP;

  -- 3. The foreign keys come back composite: (county_id, x_id) → (county_id, id).
  FOR r IN SELECT * FROM county_fks LOOP
    action := CASE r.del
      WHEN 'c' THEN 'ON DELETE CASCADE'
      WHEN 'r' THEN 'ON DELETE RESTRICT'
      WHEN 'n' THEN format('ON DELETE SET NULL (%I)', r.col)
      WHEN 'd' THEN format('ON DELETE SET DEFAULT (%I)', r.col)
      ELSE 'ON DELETE NO ACTION' END
      || CASE r.upd WHEN 'c' THEN ' ON UPDATE CASCADE' WHEN 'r' THEN ' ON UPDATE RESTRICT' ELSE '' END;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (county_id, %I) REFERENCES %s (county_id, %I) %s',
      r.tbl, r.conname, r.col, r.reftbl, r.refcol, action);
  END LOOP;
END
$$;
