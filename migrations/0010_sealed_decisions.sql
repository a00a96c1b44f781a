-- Sealed decisions (issue 9): the star decision keeps its history through recomputation, and every
-- row that decides stars carries a keyed digest so that an edit or a deletion made outside the
-- application is found by `fivestar verify`.

-- Set when a recomputation changed the engine's proposal for a village the department had
-- confirmed or overridden: { engineBefore, engineAfter, scoreBefore, scoreAfter, why, at }.
-- The village must be confirmed again; confirming or overriding clears it.
ALTER TABLE campaign_results ADD COLUMN proposal_change jsonb;

-- One HMAC per sealed row: score entries, arena scores, town scores, results (overrides included),
-- corrections and published review notices. `row_key` names the row by what it is about
-- (e.g. score/city/<village>/<indicator>), so a seal survives an upsert that keeps the meaning.
CREATE TABLE record_seals (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('score', 'arena', 'town_score', 'result', 'correction', 'notice')),
  row_key text NOT NULL,
  digest text NOT NULL,
  sealed_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id, kind, row_key)
);

-- The campaign's root: the count of its seals and the XOR of their digests, itself under an HMAC.
-- Deleting a row together with its seal changes the XOR and the count, and only the key holder
-- can write a matching root.
CREATE TABLE seal_roots (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  row_count integer NOT NULL,
  xor_digest text NOT NULL,
  mac text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON record_seals, seal_roots TO fivestar_app;
