-- fivestar schema, part 1: org tree, people, accounts, sessions, audit.
-- Every table carries county_id (the campaign's tenant) and UUID keys, so the SQL stays
-- portable to a distributed Postgres. No triggers; the org tree is a materialized path.

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  parent_id uuid REFERENCES org_units(id),
  level text NOT NULL CHECK (level IN ('city', 'town', 'village')),
  kind text NOT NULL,
  name text NOT NULL,
  code text NOT NULL,
  -- '/<city id>/<town id>/<village id>/': a subtree is a prefix match.
  path text NOT NULL,
  party_org_type text NOT NULL CHECK (party_org_type IN ('党委', '党总支', '党支部')),
  party_org_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, code)
);
CREATE INDEX org_units_path_idx ON org_units (county_id, path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (county_id, parent_id);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  -- Copied from the unit so scoping is one prefix match without a join.
  org_path text NOT NULL,
  name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('男', '女')),
  birth_year integer,
  -- Encrypted (AES-256-GCM); the HMAC finds duplicates without decrypting.
  id_number_enc text,
  id_number_hmac text,
  phone_enc text,
  id_number_masked text,
  phone_masked text,
  party_member boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, id_number_hmac)
);
CREATE INDEX people_scope_idx ON people (county_id, org_path text_pattern_ops);
CREATE INDEX people_name_idx ON people (county_id, name);

CREATE TABLE positions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people(id),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  title text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX positions_person_idx ON positions (county_id, person_id);
CREATE INDEX positions_title_idx ON positions (county_id, title);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  UNIQUE (user_id, role, org_unit_id)
);

-- Failed logins are counted per typed username, known or not, so that lockout answers
-- the same way for an account that does not exist.
CREATE TABLE login_throttle (
  username text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE sessions (
  -- sha256 of the cookie token: a database dump holds no usable session.
  id text PRIMARY KEY,
  county_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  user_id uuid,
  username text,
  role text,
  event text NOT NULL,
  object_type text,
  object_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  ip text,
  request_id text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (county_id, seq)
);
CREATE INDEX audit_log_at_idx ON audit_log (county_id, at DESC);
CREATE INDEX audit_log_event_idx ON audit_log (county_id, event);

-- The head of each county's audit hash chain. Updating this row inside the business
-- transaction serializes audit writes per county, so the chain never forks.
CREATE TABLE audit_chain (
  county_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);

-- The application runs as fivestar_app (SET ROLE after migrations): it may insert and read
-- audit rows but never update or delete them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fivestar_app') THEN
    CREATE ROLE fivestar_app NOLOGIN;
  END IF;
  -- A non-superuser owner must be a member to SET ROLE.
  EXECUTE format('GRANT fivestar_app TO %I', current_user);
END
$$;
GRANT USAGE ON SCHEMA public TO fivestar_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON org_units, people, positions, users, role_grants,
  login_throttle, sessions, audit_chain TO fivestar_app;
GRANT SELECT, INSERT ON audit_log TO fivestar_app;
-- Tables added by later migrations get ordinary rights by default.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fivestar_app;
