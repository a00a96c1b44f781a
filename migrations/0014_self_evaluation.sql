-- 自评 with approvals (issue 14): the village fills its self-evaluation against the campaign's
-- standard and submits it under the secretary's account; its town approves it or returns it with a
-- reason; the department may send an approved one back to the town with a reason. Only a draft or
-- a returned self-evaluation can be edited: every write names the version it started from and the
-- status it expects, so a late click after an approval changes nothing.
CREATE TABLE self_evaluations (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  org_path text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- { indicatorId: { points, note } } checked by the service against the campaign's locked standard.
  items jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL CHECK (version > 0),
  submitted_by uuid,
  submitted_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  return_reason text,
  returned_by text CHECK (returned_by IN ('town', 'city')),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id, village_id),
  -- A self-evaluation past the village is always signed.
  CHECK (status IN ('draft') OR (submitted_by IS NOT NULL AND submitted_at IS NOT NULL)),
  CHECK (status <> 'approved' OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)),
  FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  FOREIGN KEY (county_id, submitted_by) REFERENCES users (county_id, id),
  FOREIGN KEY (county_id, reviewed_by) REFERENCES users (county_id, id),
  FOREIGN KEY (county_id, updated_by) REFERENCES users (county_id, id)
);
CREATE INDEX self_evaluations_scope_idx ON self_evaluations (county_id, campaign_id, org_path text_pattern_ops);

-- Evidence attached by the village to an indicator of its self-evaluation; the bytes live in the
-- evidence directory under <county_id>/<id>, like the stage-3 evidence, and are never deleted.
CREATE TABLE self_evaluation_files (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  self_evaluation_id uuid NOT NULL,
  village_id uuid NOT NULL,
  org_path text NOT NULL,
  indicator_id text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL,
  removed_by uuid,
  removed_at timestamptz,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, self_evaluation_id) REFERENCES self_evaluations (county_id, id),
  FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  FOREIGN KEY (county_id, uploaded_by) REFERENCES users (county_id, id),
  FOREIGN KEY (county_id, removed_by) REFERENCES users (county_id, id)
);
CREATE INDEX self_evaluation_files_parent_idx ON self_evaluation_files (county_id, self_evaluation_id);

GRANT SELECT, INSERT, UPDATE ON self_evaluations, self_evaluation_files TO fivestar_app;
