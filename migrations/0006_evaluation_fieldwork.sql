-- Field work of evaluation stages 1 and 2: household visits and mass surveys of the mutual
-- evaluation teams, their report per evaluated town; the arena competition, democratic
-- evaluation, the panel's comment and rectification tasks, and the published review notice.
-- Rows of one village carry its org_path (scoping is one prefix match; moved with the village).

-- 入户走访 during stage 1. The household is how the village names it: never an ID or a phone.
CREATE TABLE mutual_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  household text NOT NULL,
  visit_date date NOT NULL,
  visitors text NOT NULL,
  findings text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX mutual_visits_village_idx ON mutual_visits (county_id, campaign_id, village_id);

-- 群众测评: one result per campaign and village; the counts add up to the sample.
CREATE TABLE mutual_surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  sample_size integer NOT NULL CHECK (sample_size > 0),
  satisfied integer NOT NULL CHECK (satisfied >= 0),
  basically_satisfied integer NOT NULL CHECK (basically_satisfied >= 0),
  unsatisfied integer NOT NULL CHECK (unsatisfied >= 0),
  survey_date date,
  entered_by uuid NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL,
  CHECK (satisfied + basically_satisfied + unsatisfied = sample_size),
  UNIQUE (campaign_id, village_id)
);

-- 互评报告 per evaluated town: a draft the team edits, then submitted (read-only).
CREATE TABLE mutual_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  town_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  narrative text NOT NULL DEFAULT '',
  findings jsonb NOT NULL DEFAULT '[]',
  updated_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz,
  UNIQUE (campaign_id, town_id)
);

-- Which department-stage indicator the arena competition fills (none: the standard's default).
CREATE TABLE campaign_arena_settings (
  campaign_id uuid PRIMARY KEY REFERENCES campaigns(id),
  county_id uuid NOT NULL,
  -- NULL: no arena this campaign.
  indicator_id text,
  updated_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL
);

-- 擂台比武: each judge's score of the village secretary's presentation.
CREATE TABLE arena_scores (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  judge_user_id uuid NOT NULL REFERENCES users(id),
  points numeric(8, 2) NOT NULL CHECK (points >= 0),
  entered_at timestamptz NOT NULL,
  UNIQUE (campaign_id, village_id, judge_user_id)
);

-- 民主评价: vote counts, kept as reference.
CREATE TABLE democratic_votes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  excellent integer NOT NULL CHECK (excellent >= 0),
  good integer NOT NULL CHECK (good >= 0),
  fair integer NOT NULL CHECK (fair >= 0),
  poor integer NOT NULL CHECK (poor >= 0),
  entered_by uuid NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL,
  UNIQUE (campaign_id, village_id)
);

-- The panel's comment (点评意见) and, once published, the notice posted in the village (在村公示)
-- with a snapshot of what was published, so later edits never change a posted notice.
CREATE TABLE village_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  comment text NOT NULL DEFAULT '',
  comment_by uuid REFERENCES users(id),
  comment_at timestamptz,
  published_by uuid REFERENCES users(id),
  published_at timestamptz,
  published_snapshot jsonb,
  UNIQUE (campaign_id, village_id)
);

-- 整改: open → submitted (village) → verified or returned (panel or department).
CREATE TABLE rectification_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  title text NOT NULL,
  requirement text NOT NULL DEFAULT '',
  owner_text text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'submitted', 'verified', 'returned')),
  evidence text NOT NULL DEFAULT '',
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz,
  verified_by uuid REFERENCES users(id),
  verified_at timestamptz,
  verify_note text NOT NULL DEFAULT '',
  return_reason text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX rectification_tasks_campaign_idx ON rectification_tasks (county_id, campaign_id, village_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON mutual_visits, mutual_surveys, mutual_reports, campaign_arena_settings, arena_scores,
  democratic_votes, village_reviews, rectification_tasks TO fivestar_app;
