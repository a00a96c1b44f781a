-- Retention of the phone survey's answers (SECURITY.md item 26, PIPL art. 19/47): once a campaign
-- is final and its retention period has passed, each household's answer row (choice, topic
-- answers, device flag, receipt) and the codes never answered are deleted. What stays is one row
-- per village with the counts: the phone tally that progress, what-if and the explanation's source
-- line read in place of the deleted answers, and how many cards went unused or were revoked, so the
-- response rate is unchanged. The stars' own inputs are kept in campaign_rating_inputs (0017).
CREATE TABLE survey_village_tallies (
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  satisfied integer NOT NULL CHECK (satisfied >= 0),
  basically_satisfied integer NOT NULL CHECK (basically_satisfied >= 0),
  unsatisfied integer NOT NULL CHECK (unsatisfied >= 0),
  -- answers that had a device flag (one device, many codes)
  flagged integer NOT NULL DEFAULT 0 CHECK (flagged >= 0),
  -- codes deleted unanswered: never used and not revoked / revoked
  unused_codes integer NOT NULL DEFAULT 0 CHECK (unused_codes >= 0),
  revoked_codes integer NOT NULL DEFAULT 0 CHECK (revoked_codes >= 0),
  purged_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, campaign_id, village_id)
);

ALTER TABLE survey_village_tallies
  ADD FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  ADD FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id);

GRANT SELECT, INSERT, UPDATE ON survey_village_tallies TO fivestar_app;
