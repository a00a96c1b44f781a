-- The desk (issue 12): one version per score sheet (campaign × stage × village), so that two
-- scorers working on the same sheet in the score grid cannot overwrite each other. A save names
-- the version it started from; the server moves the version on by one or refuses the save.
CREATE TABLE score_sheet_versions (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('mutual', 'department', 'city')),
  village_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id, stage, village_id),
  FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  FOREIGN KEY (county_id, updated_by) REFERENCES users (county_id, id)
);

GRANT SELECT, INSERT, UPDATE ON score_sheet_versions TO fivestar_app;
