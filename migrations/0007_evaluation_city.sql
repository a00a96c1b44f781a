-- Stage 3 (市级考评) and what follows the proposal: the evidence reviewed per indicator, the
-- violation register of the discipline and petition officers, the public notice's objections,
-- and the audited corrections of stars after confirmation.

-- 查阅考评材料: one row per uploaded file; the bytes live outside the web root under
-- <evidence dir>/<county_id>/<id>, so a stored path is never built from user input.
CREATE TABLE evaluation_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  indicator_id text NOT NULL,
  -- Sanitized for the download's Content-Disposition; the type comes from the bytes.
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL,
  -- Removed from the list, never from the disk: a final star keeps its evidence.
  removed_by uuid REFERENCES users(id),
  removed_at timestamptz
);
CREATE INDEX evaluation_evidence_village_idx ON evaluation_evidence (county_id, campaign_id, village_id);
CREATE INDEX evaluation_evidence_scope_idx ON evaluation_evidence (county_id, org_path text_pattern_ops);

-- 违纪违法核查: person names, details and decision notes are personal data, encrypted per column
-- (AES-256-GCM); only the masked name is stored in clear for lists.
CREATE TABLE violation_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  -- Per-county running number behind the case number shown to officers (WJ000001).
  seq integer NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  category text NOT NULL CHECK (category IN ('discipline', 'petition', 'crime', 'safety', 'integrity', 'security')),
  occurred_on date NOT NULL,
  status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'confirmed', 'dismissed')),
  person_name_enc text NOT NULL,
  person_name_masked text NOT NULL,
  details_enc text,
  decision_note_enc text,
  reported_by uuid NOT NULL REFERENCES users(id),
  reported_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (county_id, seq)
);
CREATE INDEX violation_records_scope_idx ON violation_records (county_id, org_path text_pattern_ops);
CREATE INDEX violation_records_rating_idx ON violation_records (county_id, status, occurred_on);

-- 定星后更正 / 公示期调整: each change of a confirmed village's stars, one row per change.
CREATE TABLE result_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  -- The campaign's status when the correction was made.
  phase text NOT NULL CHECK (phase IN ('notice', 'final')),
  stars_before integer,
  stars_after integer,
  reason text NOT NULL,
  objection_id uuid,
  corrected_by uuid NOT NULL REFERENCES users(id),
  corrected_at timestamptz NOT NULL
);
CREATE INDEX result_corrections_village_idx ON result_corrections (county_id, village_id);

-- 异议: lodged by villagers on the public notice page, handled and answered by the department.
CREATE TABLE result_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  -- What the villager keeps to look up the answer; random, unguessable.
  receipt_no text NOT NULL UNIQUE,
  content text NOT NULL,
  contact_enc text,
  contact_masked text,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'handled', 'answered')),
  decision text CHECK (decision IN ('accepted', 'rejected')),
  handling_note text,
  handled_by uuid REFERENCES users(id),
  handled_at timestamptz,
  correction_id uuid REFERENCES result_corrections(id),
  answer text,
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  lodged_at timestamptz NOT NULL,
  CHECK ((status = 'received') = (decision IS NULL))
);
CREATE INDEX result_objections_campaign_idx ON result_objections (county_id, campaign_id, status);

-- Corrections are never rewritten by the services; UPDATE stays granted only so that a moved
-- village's rows can follow it (org_path).
GRANT SELECT, INSERT, UPDATE, DELETE ON evaluation_evidence, violation_records, result_corrections, result_objections TO fivestar_app;
