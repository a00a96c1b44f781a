-- Files a finished export job offers (issue 11): the workbook waits here for the user who started
-- the job, until it expires; the rows are small in number (one per export, deleted once expired).
-- Kept in the database rather than on this process's disk, so any server of the deployment can
-- hand it out, and a backup never holds more than the last half hour of them.
CREATE TABLE job_files (
  county_id uuid NOT NULL,
  job_id uuid NOT NULL,
  started_by uuid NOT NULL,
  -- The permission the synchronous route asks for: checked again when the file is fetched.
  permission text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, job_id),
  FOREIGN KEY (county_id, job_id) REFERENCES jobs (county_id, id),
  FOREIGN KEY (county_id, started_by) REFERENCES users (county_id, id)
);

CREATE INDEX job_files_expires_idx ON job_files (expires_at);

GRANT SELECT, INSERT, DELETE ON job_files TO fivestar_app;
