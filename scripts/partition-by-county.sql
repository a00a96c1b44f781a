-- Turns the biggest county tables of a freshly migrated, still empty database into tables
-- hash-partitioned by county_id (4 partitions each), so the API suite can prove that every key,
-- constraint and grant still holds when rows of one table live apart by county, as they would on
-- the nodes of a distributed database (docs/operations.md, "Past one machine").
--
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/partition-by-county.sql
--
-- Run as the owner of the tables. Test databases only: it refuses a table that holds rows.
-- Everything is read from the catalog, not copied by hand, and checked afterwards: anything that
-- cannot be carried over (rows, policies, rules, identity columns, owned sequences, column grants)
-- raises an error and the transaction leaves the schema as it was. Views over a table are dropped
-- and made again.
BEGIN;

-- What must be the same before and after: columns, constraints of the table and those pointing
-- at it, indexes, triggers, grants, owner and comment. Names are kept, so the text compares.
CREATE FUNCTION pg_temp.county_table_shape(tbl regclass) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'columns', (SELECT jsonb_agg(jsonb_build_array(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                  pg_get_expr(d.adbin, d.adrelid), a.attgenerated, a.attcollation, col_description(tbl, a.attnum)) ORDER BY a.attnum)
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped),
    'constraints', (SELECT jsonb_agg(jsonb_build_array(c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid),
                      obj_description(c.oid, 'pg_constraint')) ORDER BY c.conrelid::regclass::text, c.conname)
                    FROM pg_constraint c WHERE (c.conrelid = tbl OR c.confrelid = tbl) AND c.conparentid = 0),
    'indexes', (SELECT jsonb_agg(jsonb_build_array(replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON '),
                  obj_description(i.indexrelid, 'pg_class')) ORDER BY i.indexrelid::regclass::text)
                FROM pg_index i WHERE i.indrelid = tbl),
    'triggers', (SELECT jsonb_agg(pg_get_triggerdef(t.oid) ORDER BY t.tgname)
                 FROM pg_trigger t WHERE t.tgrelid = tbl AND NOT t.tgisinternal),
    'grants', (SELECT jsonb_agg(jsonb_build_array(g.grantee, g.privilege_type, g.is_grantable) ORDER BY g.grantee, g.privilege_type)
               FROM pg_class c, aclexplode(c.relacl) g WHERE c.oid = tbl AND g.grantee <> c.relowner),
    'owner', (SELECT relowner FROM pg_class WHERE oid = tbl),
    'comment', obj_description(tbl, 'pg_class'));
$$;

-- Makes the grants of `target` exactly those of `source` (the default privileges of the schema
-- would otherwise give the application role UPDATE and DELETE on the new audit_log).
CREATE FUNCTION pg_temp.copy_grants(source regclass, target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  g record;
  owner oid := (SELECT relowner FROM pg_class WHERE oid = source);
BEGIN
  FOR g IN SELECT DISTINCT grantee FROM pg_class c, aclexplode(c.relacl) x WHERE c.oid = target AND x.grantee <> c.relowner LOOP
    EXECUTE format('REVOKE ALL ON %s FROM %s', target, CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);
  END LOOP;
  FOR g IN SELECT x.grantee, x.privilege_type, x.is_grantable FROM pg_class c, aclexplode(c.relacl) x
           WHERE c.oid = source AND x.grantee <> owner LOOP
    EXECUTE format('GRANT %s ON %s TO %s%s', g.privilege_type, target,
      CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END,
      CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
  END LOOP;
END;
$$;

CREATE FUNCTION pg_temp.partition_by_county(tbl regclass, partitions int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tname text := (SELECT relname FROM pg_class WHERE oid = tbl);
  old_name text := tname || '_unpartitioned';
  owner oid := (SELECT relowner FROM pg_class WHERE oid = tbl);
  shape_before jsonb := pg_temp.county_table_shape(tbl);
  shape_after jsonb;
  has_rows boolean;
  d record;
  keys text[];        -- primary key, unique and exclusion constraints, as statements
  own_fks text[];     -- foreign keys of the table itself (self-references included)
  incoming record;
  incoming_fks jsonb := '[]';
  plain_indexes text[];
  triggers text[];
  views jsonb;        -- views over the table, made again after it
  v record;
  w record;
  i int;
BEGIN
  IF (SELECT relkind FROM pg_class WHERE oid = tbl) <> 'r' THEN
    RAISE EXCEPTION '%: not an ordinary table', tbl;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attname = 'county_id' AND attnotnull AND NOT attisdropped) THEN
    RAISE EXCEPTION '%: no county_id NOT NULL column to partition by', tbl;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', tbl) INTO has_rows;
  IF has_rows THEN RAISE EXCEPTION '%: holds rows; only an empty, freshly migrated table is rebuilt', tbl; END IF;
  -- Things the rebuild below does not carry: refuse rather than drop them silently.
  IF EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = tbl) OR (SELECT relrowsecurity OR relforcerowsecurity FROM pg_class WHERE oid = tbl) THEN
    RAISE EXCEPTION '%: row-level security is not carried over', tbl;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_class = tbl) THEN RAISE EXCEPTION '%: has rules', tbl; END IF;
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = tbl OR inhparent = tbl) THEN RAISE EXCEPTION '%: takes part in inheritance', tbl; END IF;
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND (attidentity <> '' OR attacl IS NOT NULL)) THEN
    RAISE EXCEPTION '%: identity columns and column grants are not carried over', tbl;
  END IF;
  -- Views over the table (campaign_results over campaign_result_rows, 0029) are dropped and made
  -- again, with their column defaults, grants and owner; anything else depending on it is refused.
  SELECT coalesce(jsonb_agg(jsonb_build_object('name', vw.relname, 'def', pg_get_viewdef(vw.oid), 'owner', vw.relowner::regrole::text,
           'acl', (SELECT jsonb_agg(jsonb_build_array(g.grantee, g.privilege_type)) FROM aclexplode(vw.relacl) g WHERE g.grantee <> vw.relowner),
           'defaults', (SELECT jsonb_agg(jsonb_build_array(a.attname, pg_get_expr(ad.adbin, ad.adrelid))) FROM pg_attrdef ad
                        JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum WHERE ad.adrelid = vw.oid))), '[]')
    INTO views FROM pg_class vw WHERE vw.relkind = 'v' AND vw.oid IN (
      SELECT rw.ev_class FROM pg_depend pd JOIN pg_rewrite rw ON rw.oid = pd.objid
      WHERE pd.classid = 'pg_rewrite'::regclass AND pd.refclassid = 'pg_class'::regclass AND pd.refobjid = tbl AND rw.ev_class <> tbl);
  FOR d IN SELECT classid::regclass AS kind, objid FROM pg_depend
           WHERE refclassid = 'pg_class'::regclass AND refobjid = tbl AND classid IN ('pg_rewrite'::regclass, 'pg_class'::regclass)
             AND deptype IN ('n', 'a') AND NOT (classid = 'pg_class'::regclass AND objid IN (SELECT indexrelid FROM pg_index WHERE indrelid = tbl))
             AND NOT (classid = 'pg_rewrite'::regclass AND objid IN (SELECT rw.oid FROM pg_rewrite rw WHERE rw.ev_class IN (SELECT (value ->> 'name')::regclass FROM jsonb_array_elements(views)))) LOOP
    RAISE EXCEPTION '%: % % depends on it (an owned sequence or something else than a view)', tbl, d.kind, d.objid;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_publication_rel WHERE prrelid = tbl) THEN RAISE EXCEPTION '%: is published', tbl; END IF;
  IF EXISTS (SELECT 1 FROM pg_index WHERE indrelid = tbl AND indisclustered) THEN RAISE EXCEPTION '%: is clustered', tbl; END IF;

  SELECT array_agg(format('ALTER TABLE %I ADD CONSTRAINT %I %s', tname, conname, pg_get_constraintdef(oid)) ORDER BY contype, conname)
    INTO keys FROM pg_constraint WHERE conrelid = tbl AND contype IN ('p', 'u', 'x');
  SELECT array_agg(format('ALTER TABLE %I ADD CONSTRAINT %I %s', tname, conname, pg_get_constraintdef(oid)) ORDER BY conname)
    INTO own_fks FROM pg_constraint WHERE conrelid = tbl AND contype = 'f';
  SELECT array_agg(pg_get_indexdef(indexrelid) ORDER BY indexrelid::regclass::text) INTO plain_indexes
    FROM pg_index WHERE indrelid = tbl AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid AND conrelid = tbl);
  SELECT array_agg(pg_get_triggerdef(oid) ORDER BY tgname) INTO triggers FROM pg_trigger WHERE tgrelid = tbl AND NOT tgisinternal;

  -- Foreign keys of other tables that point here go first, or the old table could not be dropped.
  FOR incoming IN SELECT conrelid::regclass AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                  WHERE confrelid = tbl AND conrelid <> tbl AND contype = 'f' AND conparentid = 0 LOOP
    incoming_fks := incoming_fks || jsonb_build_array(format('ALTER TABLE %s ADD CONSTRAINT %I %s', incoming.rel, incoming.conname, incoming.def));
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', incoming.rel, incoming.conname);
  END LOOP;

  FOR v IN SELECT value FROM jsonb_array_elements(views) LOOP EXECUTE format('DROP VIEW %I', v.value ->> 'name'); END LOOP;
  EXECUTE format('ALTER TABLE %I RENAME TO %I', tname, old_name);
  -- Columns, defaults, NOT NULL, checks, comments, storage and statistics come with LIKE; keys
  -- and indexes are added by name below.
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING ALL EXCLUDING INDEXES) PARTITION BY HASH (county_id)', tname, old_name);
  EXECUTE format('ALTER TABLE %I OWNER TO %s', tname, owner::regrole);
  FOR i IN 0 .. partitions - 1 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS %s, REMAINDER %s)', tname || '_p' || i, tname, partitions, i);
    EXECUTE format('ALTER TABLE %I OWNER TO %s', tname || '_p' || i, owner::regrole);
  END LOOP;
  PERFORM pg_temp.copy_grants(old_name::regclass, tname::regclass);
  -- The partitions are tables of their own: they get the same grants, so the application role
  -- cannot change an audit row through audit_log_p0 either.
  FOR i IN 0 .. partitions - 1 LOOP
    PERFORM pg_temp.copy_grants(old_name::regclass, (tname || '_p' || i)::regclass);
  END LOOP;
  EXECUTE format('COMMENT ON TABLE %I IS %L', tname, obj_description(old_name::regclass, 'pg_class'));
  EXECUTE format('DROP TABLE %I', old_name);   -- no CASCADE: anything left depending on it fails here

  FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP EXECUTE keys[i]; END LOOP;
  FOR i IN 1 .. coalesce(array_length(plain_indexes, 1), 0) LOOP EXECUTE plain_indexes[i]; END LOOP;
  FOR i IN 1 .. coalesce(array_length(own_fks, 1), 0) LOOP EXECUTE own_fks[i]; END LOOP;
  FOR i IN 0 .. jsonb_array_length(incoming_fks) - 1 LOOP EXECUTE incoming_fks ->> i; END LOOP;
  FOR i IN 1 .. coalesce(array_length(triggers, 1), 0) LOOP EXECUTE triggers[i]; END LOOP;
  FOR v IN SELECT value FROM jsonb_array_elements(views) LOOP
    EXECUTE format('CREATE VIEW %I AS %s', v.value ->> 'name', v.value ->> 'def');
    EXECUTE format('ALTER VIEW %I OWNER TO %s', v.value ->> 'name', v.value ->> 'owner');
    FOR w IN SELECT value ->> 0 AS col, value ->> 1 AS expr FROM jsonb_array_elements(coalesce(v.value -> 'defaults', '[]')) LOOP
      EXECUTE format('ALTER VIEW %I ALTER COLUMN %I SET DEFAULT %s', v.value ->> 'name', w.col, w.expr);
    END LOOP;
    FOR w IN SELECT (value ->> 0)::oid AS grantee, value ->> 1 AS privilege FROM jsonb_array_elements(coalesce(v.value -> 'acl', '[]')) LOOP
      EXECUTE format('GRANT %s ON %I TO %s', w.privilege, v.value ->> 'name', CASE WHEN w.grantee = 0 THEN 'PUBLIC' ELSE w.grantee::regrole::text END);
    END LOOP;
  END LOOP;
  -- Comments on keys and indexes, by their kept names.
  FOR d IN SELECT x ->> 1 AS conname, x ->> 3 AS note FROM jsonb_array_elements(shape_before -> 'constraints') x
           WHERE x ->> 0 = tbl::text AND x ->> 3 IS NOT NULL LOOP
    EXECUTE format('COMMENT ON CONSTRAINT %I ON %I IS %L', d.conname, tname, d.note);
  END LOOP;
  FOR d IN SELECT substring(x ->> 0 FROM 'INDEX (\S+) ON') AS idx, x ->> 1 AS note FROM jsonb_array_elements(shape_before -> 'indexes') x
           WHERE x ->> 1 IS NOT NULL LOOP
    EXECUTE format('COMMENT ON INDEX %s IS %L', d.idx, d.note);
  END LOOP;

  shape_after := pg_temp.county_table_shape(tname::regclass);
  IF shape_after IS DISTINCT FROM shape_before THEN
    RAISE EXCEPTION '%: not carried over exactly', tname USING DETAIL = format('before: %s
after: %s', shape_before, shape_after);
  END IF;
  IF (SELECT relkind FROM pg_class WHERE oid = tname::regclass) <> 'p' THEN RAISE EXCEPTION '%: not partitioned', tname; END IF;
END;
$$;

-- The tables listed as largestCountyTables in server/db/tenancy.ts (the test checks both agree).
SELECT pg_temp.partition_by_county(t::regclass, 4)
  FROM unnest(ARRAY['score_entries', 'campaign_result_rows', 'audit_log', 'training_attendance', 'survey_responses']) AS t;

COMMIT;
