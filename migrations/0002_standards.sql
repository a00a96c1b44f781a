-- Rating standards (评星标准) stored per county as versioned JSON documents.
CREATE TABLE standard_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  code text NOT NULL,
  version text NOT NULL,
  name text NOT NULL,
  region text NOT NULL,
  year integer,
  document jsonb NOT NULL,
  -- Set when a closed campaign used this version: from then on it is read-only.
  locked_at timestamptz,
  locked_reason text,
  cloned_from uuid REFERENCES standard_versions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, code, version)
);
CREATE INDEX standard_versions_county_idx ON standard_versions (county_id, code);
