-- Seals and seal roots belong to a campaign of their own county (issue 9): 0010 created them after
-- 0009 had rewritten every other key, so their campaign reference is added here, county-first
-- like the rest. A seal can then never name a campaign that does not exist or belongs elsewhere.
ALTER TABLE record_seals
  ADD CONSTRAINT record_seals_campaign_fkey FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id);
ALTER TABLE seal_roots
  ADD CONSTRAINT seal_roots_campaign_fkey FOREIGN KEY (county_id, campaign_id) REFERENCES campaigns (county_id, id);
