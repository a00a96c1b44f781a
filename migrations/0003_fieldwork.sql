-- Field work between evaluations (三级共进): city leaders' pairings and visits with key tasks,
-- town supervision with tracked findings, village commitments and the problem list.
-- Rows that belong to a village carry its org_path, so scoping stays one prefix match.

-- A city leader's account acts as that person: their pairings and visits are their own.
ALTER TABLE users ADD COLUMN person_id uuid REFERENCES people(id);

-- 包保联系: leaders ↔ villages, many to many, over a date range.
CREATE TABLE pairings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  leader_id uuid NOT NULL REFERENCES people(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX pairings_scope_idx ON pairings (county_id, org_path text_pattern_ops);
CREATE INDEX pairings_leader_idx ON pairings (county_id, leader_id);
-- At most one open-ended pairing of the same leader and village.
CREATE UNIQUE INDEX pairings_open_uq ON pairings (county_id, leader_id, village_id) WHERE end_date IS NULL;

-- How often each paired village must be visited in a campaign year.
CREATE TABLE visit_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  year integer NOT NULL,
  period text NOT NULL CHECK (period IN ('month', 'quarter', 'half_year', 'year')),
  min_visits integer NOT NULL CHECK (min_visits BETWEEN 1 AND 31),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, year)
);

CREATE TABLE leader_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  pairing_id uuid NOT NULL REFERENCES pairings(id),
  leader_id uuid NOT NULL REFERENCES people(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  visit_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('调研', '座谈', '现场指导', '走访慰问', '督导检查')),
  companions text NOT NULL DEFAULT '',
  findings text NOT NULL DEFAULT '',
  follow_up text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leader_visits_scope_idx ON leader_visits (county_id, org_path text_pattern_ops);
CREATE INDEX leader_visits_leader_idx ON leader_visits (county_id, leader_id, visit_date);
CREATE INDEX leader_visits_pairing_idx ON leader_visits (county_id, pairing_id, visit_date);

-- Photos are kept in the database (a county's visit photos are small and few), checked by
-- magic bytes, and served only as attachments.
CREATE TABLE visit_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  visit_id uuid NOT NULL REFERENCES leader_visits(id),
  org_path text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  byte_size integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_photos_visit_idx ON visit_photos (county_id, visit_id);

-- 重点工作 per village and year; milestones are a short list kept with the task.
CREATE TABLE key_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  year integer NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  owner_id uuid REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'stalled', 'done')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  due_date date,
  milestones jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'done' OR progress = 100)
);
CREATE INDEX key_tasks_scope_idx ON key_tasks (county_id, year, org_path text_pattern_ops);

-- 跟踪问效: a town's supervision of a village, by method, with findings tracked to closure.
CREATE TABLE supervision_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  record_date date NOT NULL,
  method text NOT NULL CHECK (method IN ('蹲点调研', '访谈座谈', '日常调度', '分析研判', '现场指导')),
  key_task_id uuid REFERENCES key_tasks(id),
  subject text NOT NULL,
  summary text NOT NULL DEFAULT '',
  participants text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_records_scope_idx ON supervision_records (county_id, org_path text_pattern_ops, record_date);

CREATE TABLE supervision_findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  record_id uuid NOT NULL REFERENCES supervision_records(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  description text NOT NULL,
  due_date date,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  action_taken text NOT NULL DEFAULT '',
  closed_date date,
  closed_by uuid REFERENCES users(id),
  reopen_reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_date IS NOT NULL))
);
CREATE INDEX supervision_findings_scope_idx ON supervision_findings (county_id, org_path text_pattern_ops, status);
CREATE INDEX supervision_findings_record_idx ON supervision_findings (county_id, record_id);

-- 为民办实事: set at year start, approved by the town, fulfilled at year end, then published.
CREATE TABLE commitments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  year integer NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  target_date date,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'in_progress', 'settled', 'published')),
  outcome text CHECK (outcome IN ('fulfilled', 'partly', 'unfulfilled')),
  outcome_reason text NOT NULL DEFAULT '',
  evidence text NOT NULL DEFAULT '',
  return_reason text NOT NULL DEFAULT '',
  progress_note text NOT NULL DEFAULT '',
  approved_by uuid REFERENCES users(id),
  approved_date date,
  settled_date date,
  published_date date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status IN ('settled', 'published')) = (outcome IS NOT NULL))
);
CREATE INDEX commitments_scope_idx ON commitments (county_id, year, org_path text_pattern_ops);
CREATE INDEX commitments_village_idx ON commitments (county_id, village_id, year, status);

-- 逐户走访: the household visits that feed the problem list.
CREATE TABLE household_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  visit_date date NOT NULL,
  household text NOT NULL,
  visitors text NOT NULL,
  notes text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_visits_scope_idx ON household_visits (county_id, org_path text_pattern_ops, visit_date);

-- 问题清单: open → claimed → in progress → resolved (销号) → confirmed, or reopened.
CREATE TABLE problems (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  year integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  household text NOT NULL DEFAULT '',
  category text NOT NULL,
  source text NOT NULL,
  household_visit_id uuid REFERENCES household_visits(id),
  reported_date date NOT NULL,
  due_date date,
  status text NOT NULL CHECK (status IN ('open', 'claimed', 'in_progress', 'resolved', 'confirmed')),
  claimed_by uuid REFERENCES users(id),
  claimed_by_name text NOT NULL DEFAULT '',
  assignee_id uuid REFERENCES people(id),
  claimed_date date,
  resolution text NOT NULL DEFAULT '',
  resolved_by uuid REFERENCES users(id),
  resolved_date date,
  confirmed_via text CHECK (confirmed_via IN ('town', 'villager')),
  confirmed_date date,
  confirmation_note text NOT NULL DEFAULT '',
  -- sha256 of the one-time link a villager opens to confirm; cleared once used.
  confirm_token_hash text UNIQUE,
  reopen_count integer NOT NULL DEFAULT 0,
  reopen_reason text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'open' OR claimed_by IS NULL),
  CHECK ((status IN ('resolved', 'confirmed')) = (resolved_date IS NOT NULL)),
  CHECK ((status = 'confirmed') = (confirmed_date IS NOT NULL))
);
CREATE INDEX problems_scope_idx ON problems (county_id, year, org_path text_pattern_ops);
CREATE INDEX problems_status_idx ON problems (county_id, status, due_date);

-- The history shown as a timeline on commitments and problems (the audit log is for auditors).
CREATE TABLE fieldwork_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('problem', 'commitment', 'finding', 'key_task')),
  object_id uuid NOT NULL,
  org_path text NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  actor text NOT NULL,
  note text NOT NULL DEFAULT ''
);
CREATE INDEX fieldwork_events_object_idx ON fieldwork_events (county_id, object_id, at);
