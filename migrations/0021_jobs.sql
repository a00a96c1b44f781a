-- Background jobs (issue 11): long work (生成定星建议 at province size) runs off the request path;
-- the row says where it is. One queued or running job per kind and subject (a campaign's compute):
-- a second start is refused by the partial unique index, not by a check that could race.
CREATE TABLE jobs (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  kind text NOT NULL,
  subject_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  step text NOT NULL DEFAULT '',
  done integer NOT NULL DEFAULT 0,
  total integer NOT NULL DEFAULT 0,
  result jsonb,
  error_code text,
  started_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, started_by) REFERENCES users (county_id, id)
);

CREATE UNIQUE INDEX jobs_one_active_idx ON jobs (county_id, kind, subject_id) WHERE status IN ('queued', 'running');

GRANT SELECT, INSERT, UPDATE ON jobs TO fivestar_app;
