-- The campaign (评星年度) and its three evaluation stages (三阶逐评): who evaluates what, the
-- scores entered per indicator, and the computed results.

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  year integer NOT NULL,
  name text NOT NULL,
  standard_id uuid NOT NULL REFERENCES standard_versions(id),
  status text NOT NULL CHECK (status IN ('draft', 'mutual', 'department', 'city', 'notice', 'final')),
  -- Stage windows (open and close dates, inclusive) and stage weights in percent.
  windows jsonb NOT NULL,
  stage_weights jsonb NOT NULL,
  notice_days integer NOT NULL DEFAULT 5 CHECK (notice_days BETWEEN 1 AND 30),
  notice_starts date,
  notice_ends date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, year)
);

-- Stage 1: a team of one town evaluates another town (never its own).
CREATE TABLE mutual_teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  evaluator_town_id uuid NOT NULL REFERENCES org_units(id),
  target_town_id uuid NOT NULL REFERENCES org_units(id),
  leader_user_id uuid REFERENCES users(id),
  CHECK (evaluator_town_id <> target_town_id),
  UNIQUE (campaign_id, evaluator_town_id)
);
CREATE TABLE mutual_team_members (
  county_id uuid NOT NULL,
  team_id uuid NOT NULL REFERENCES mutual_teams(id),
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (team_id, user_id)
);

-- Stage 2: judge panels from departments, each with the villages it reviews.
CREATE TABLE judge_panels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  name text NOT NULL,
  departments text NOT NULL
);
CREATE TABLE judge_panel_members (
  county_id uuid NOT NULL,
  panel_id uuid NOT NULL REFERENCES judge_panels(id),
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (panel_id, user_id)
);
CREATE TABLE judge_panel_villages (
  county_id uuid NOT NULL,
  panel_id uuid NOT NULL REFERENCES judge_panels(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (panel_id, village_id)
);

-- One row per (campaign, stage, village, indicator): the points as last saved.
CREATE TABLE score_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  stage text NOT NULL CHECK (stage IN ('mutual', 'department', 'city')),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  indicator_id text NOT NULL,
  points numeric(8, 2) NOT NULL CHECK (points >= 0),
  entered_by uuid NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL,
  UNIQUE (campaign_id, stage, village_id, indicator_id)
);
CREATE INDEX score_entries_village_idx ON score_entries (county_id, campaign_id, village_id);

-- The town Party committee's own assessment score (its stars follow from it and its villages).
CREATE TABLE campaign_town_scores (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  town_id uuid NOT NULL REFERENCES org_units(id),
  score numeric(8, 2) NOT NULL CHECK (score >= 0),
  entered_by uuid NOT NULL REFERENCES users(id),
  entered_at timestamptz NOT NULL,
  UNIQUE (campaign_id, town_id)
);

-- The engine's results: proposed when computed, final after the public notice.
CREATE TABLE campaign_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  town_id uuid NOT NULL REFERENCES org_units(id),
  score numeric(8, 2) NOT NULL,
  engine_stars integer,
  stars integer,
  vetoed boolean NOT NULL DEFAULT false,
  named_stars jsonb NOT NULL DEFAULT '[]',
  rank_in_town integer,
  rank_in_city integer,
  notes jsonb NOT NULL DEFAULT '[]',
  explanation jsonb NOT NULL,
  -- 定星 by the department: an override of the engine's stars needs a written reason.
  override_reason text,
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz,
  computed_at timestamptz NOT NULL,
  UNIQUE (campaign_id, village_id)
);
CREATE TABLE campaign_town_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  town_id uuid NOT NULL REFERENCES org_units(id),
  stars integer,
  explanation jsonb NOT NULL,
  UNIQUE (campaign_id, town_id)
);
