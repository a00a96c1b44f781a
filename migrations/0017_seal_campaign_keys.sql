-- Seals and seal roots belong to a campaign of their own county (issue 9): 0010 created them after
-- 0009 had rewritten every other key, so their campaign reference is added here, county-first
-- like the rest. A seal can then never name a campaign that does not exist or belongs elsewhere.
ALTER TABLE record_seals
  ADD CONSTRAINT record_seals_campaign_fkey FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id);
ALTER TABLE seal_roots
  ADD CONSTRAINT seal_roots_campaign_fkey FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id);

-- What a computation rated besides the sealed scores: per village the recorded figures, the
-- satisfaction input and last year's stars, kept as they were when 生成定星建议 last ran. Those
-- sources keep changing after the campaign (a problem of the year closed later, a survey card
-- revoked), so `fivestar reproduce` rates these kept values with the stored scores instead of
-- collecting them again, and a difference means a changed score or result, not a later record.
CREATE TABLE campaign_rating_inputs (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  village_id uuid NOT NULL,
  figures jsonb NOT NULL,
  satisfaction jsonb,
  last_year_stars integer,
  kept_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id, village_id),
  FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id),
  FOREIGN KEY (county_id, village_id) REFERENCES org_units (county_id, id)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_rating_inputs TO fivestar_app;
