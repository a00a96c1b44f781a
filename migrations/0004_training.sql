-- fivestar schema, part 4: training (三门课程): sessions of the three course types, attendance
-- (QR sign-in, by hand, Excel), study-tour reports, and the local-expert pool (土专家, 田秀才).
-- Attendance and experts belong to a person: they are scoped through people.org_path (the
-- person's current unit, kept up to date by the people and org services), so a person's record
-- follows them when they or their village move.

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  -- The organizing unit (the city's department or a town) and its path: who may change it.
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  org_path text NOT NULL,
  course_type text NOT NULL CHECK (course_type IN ('lecture', 'mentoring', 'tour')),
  category text,
  topic text NOT NULL,
  organizer text NOT NULL,
  partners jsonb NOT NULL DEFAULT '[]',
  lecturer text,
  session_date date NOT NULL,
  end_date date,
  -- For a study tour: the destination.
  place text NOT NULL,
  hours numeric(5, 1) NOT NULL CHECK (hours > 0),
  audience jsonb NOT NULL DEFAULT '[]',
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  summary text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
  sign_in_state text NOT NULL DEFAULT 'none' CHECK (sign_in_state IN ('none', 'open', 'closed')),
  -- The QR link's token: looked up by its SHA-256, kept encrypted so the organizer can show it again.
  sign_in_token_hash text UNIQUE,
  sign_in_token_enc text,
  sign_in_opened_at timestamptz,
  sign_in_closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= session_date)
);
CREATE INDEX training_sessions_scope_idx ON training_sessions (county_id, org_path text_pattern_ops);
CREATE INDEX training_sessions_date_idx ON training_sessions (county_id, session_date);

CREATE TABLE training_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  session_id uuid NOT NULL REFERENCES training_sessions(id),
  person_id uuid NOT NULL REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  method text NOT NULL CHECK (method IN ('qr', 'manual', 'import')),
  signed_in_at timestamptz,
  note text,
  -- A study-tour participant's report afterwards.
  report_title text,
  report_text text,
  reported_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One row per person and session: a second QR sign-in can never mark anyone twice.
  UNIQUE (session_id, person_id)
);
CREATE INDEX training_attendance_person_idx ON training_attendance (county_id, person_id);

CREATE TABLE local_experts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('土专家', '田秀才')),
  field text NOT NULL,
  specialty text NOT NULL,
  description text,
  cultivated_by_session_id uuid REFERENCES training_sessions(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, person_id)
);
CREATE INDEX local_experts_specialty_idx ON local_experts (county_id, field);

CREATE TABLE local_expert_villages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  expert_id uuid NOT NULL REFERENCES local_experts(id),
  village_id uuid NOT NULL REFERENCES org_units(id),
  UNIQUE (expert_id, village_id)
);
CREATE INDEX local_expert_villages_village_idx ON local_expert_villages (county_id, village_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON training_sessions, training_attendance, local_experts, local_expert_villages TO fivestar_app;
