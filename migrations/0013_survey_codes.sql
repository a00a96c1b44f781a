-- 群众测评 from villagers' phones: the campaign's questionnaire, one-time household codes (每户一码)
-- kept only as keyed hashes, the answers each consumed with its code, and villages whose phone
-- survey the team has closed. No name, ID number, phone or IP address is stored anywhere here.

-- The questionnaire: the satisfaction question is fixed (满意 / 基本满意 / 不满意, the standard
-- turns the counts into a rate); the topic questions are the department's, editable before stage 1.
CREATE TABLE survey_questionnaires (
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  topics jsonb NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, campaign_id)
);

-- One row per printed card. code_hash = HMAC(server key, code): the code itself is shown once, at
-- issue, to be printed. A code is issued, then used (with its answer) or revoked, never both.
CREATE TABLE survey_codes (
  county_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  org_path text NOT NULL,
  batch_no integer NOT NULL CHECK (batch_no > 0),
  code_hash text NOT NULL,
  issued_by uuid NOT NULL,
  issued_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, code_hash),
  CHECK (used_at IS NULL OR revoked_at IS NULL)
);
-- The phone has no county: the hash alone finds the card.
CREATE INDEX survey_codes_hash_idx ON survey_codes (code_hash);
CREATE INDEX survey_codes_village_idx ON survey_codes (county_id, campaign_id, village_id);

-- One answer per code (UNIQUE code_id backs the conditional UPDATE that consumes it).
-- submission_id is the phone's own random id for this answer, so a retry after a lost reply gets
-- the same receipt instead of 409. device_group is a random id given in memory to a device that
-- submitted many codes; it is set only on the answers so flagged, and it is not derived from the
-- address.
CREATE TABLE survey_responses (
  county_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  org_path text NOT NULL,
  code_id uuid NOT NULL,
  receipt_no text NOT NULL,
  submission_id uuid NOT NULL,
  satisfaction text NOT NULL CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  topics jsonb NOT NULL DEFAULT '{}',
  device_group uuid,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, code_id),
  UNIQUE (county_id, receipt_no)
);
CREATE INDEX survey_responses_village_idx ON survey_responses (county_id, campaign_id, village_id);

-- A village whose phone survey the team closed: its unused codes answer 409 from then on.
CREATE TABLE survey_village_closures (
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  closed_by uuid NOT NULL,
  closed_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, campaign_id, village_id)
);

-- Composite keys (migration 0009): a row can only point at its own county's rows.
ALTER TABLE survey_questionnaires
  ADD FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  ADD FOREIGN KEY (county_id, updated_by) REFERENCES users (county_id, id);
ALTER TABLE survey_codes
  ADD FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  ADD FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  ADD FOREIGN KEY (county_id, issued_by) REFERENCES users (county_id, id),
  ADD FOREIGN KEY (county_id, revoked_by) REFERENCES users (county_id, id);
ALTER TABLE survey_responses
  ADD FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  ADD FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  ADD FOREIGN KEY (county_id, code_id) REFERENCES survey_codes (county_id, id);
ALTER TABLE survey_village_closures
  ADD FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  ADD FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id),
  ADD FOREIGN KEY (county_id, closed_by) REFERENCES users (county_id, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON survey_questionnaires, survey_codes, survey_responses, survey_village_closures TO fivestar_app;
