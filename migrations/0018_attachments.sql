-- Attachments on work items (issue 12): the files a village hands in with a rectification (整改材料)
-- and a cadre adds when closing a problem (销号材料). One table for both, each row owned by exactly
-- one item; the bytes live in the same file store as stage-3 evidence, typed by their content.
-- Removal only hides a row (removed_by/at): what was shown to a reviewer stays on record.
CREATE TABLE attachments (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  rectification_task_id uuid,
  problem_id uuid,
  village_id uuid NOT NULL,
  org_path text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL,
  removed_by uuid,
  removed_at timestamptz,
  PRIMARY KEY (county_id, id),
  CHECK ((rectification_task_id IS NULL) <> (problem_id IS NULL)),
  CHECK ((removed_by IS NULL) = (removed_at IS NULL)),
  FOREIGN KEY (county_id, rectification_task_id) REFERENCES rectification_tasks (county_id, id),
  FOREIGN KEY (county_id, problem_id) REFERENCES problems (county_id, id),
  FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  FOREIGN KEY (county_id, uploaded_by) REFERENCES users (county_id, id),
  FOREIGN KEY (county_id, removed_by) REFERENCES users (county_id, id)
);
CREATE INDEX attachments_rectification_idx ON attachments (county_id, rectification_task_id) WHERE rectification_task_id IS NOT NULL;
CREATE INDEX attachments_problem_idx ON attachments (county_id, problem_id) WHERE problem_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON attachments TO fivestar_app;
