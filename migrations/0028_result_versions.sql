-- A version number per campaign that moves whenever anything the public notice shows or checks
-- changes, whoever writes it (this server, another server, the CLI or a hand edit): the campaign's
-- result rows, its town results, its result seals, and the county's org units (the names shown).
-- Each server keeps the notice it built last and reads only this number with the campaign on
-- every request (evaluation/city/notice-cache.ts); a different number builds the notice again,
-- seal check included. The number is read in the same statement as the campaign, so unlike a
-- LISTEN notice it is never late: a write committed before a request began is always seen.
--
-- Statement-level triggers: a compute that rewrites 10,000 result rows bumps the number once.
-- A missing row means "not changed since this migration" (version 0). Rows are never deleted.
CREATE TABLE campaign_result_versions (
  county_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (county_id, campaign_id)
);

GRANT SELECT, INSERT, UPDATE ON campaign_result_versions TO fivestar_app;

-- Result rows and town results: every campaign a statement touched (an update may move a row
-- from one campaign to another: both move). Sorted, so two writers lock the rows in one order.
CREATE FUNCTION fivestar_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE campaign_result_versions SET version = version + 1;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT DISTINCT county_id, campaign_id, 1 FROM new_rows ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT DISTINCT county_id, campaign_id, 1 FROM old_rows ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT county_id, campaign_id, 1 FROM (SELECT county_id, campaign_id FROM old_rows UNION SELECT county_id, campaign_id FROM new_rows) c ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$;

-- Seals: only the result seals are checked by the notice (a score sheet's save seals its scores
-- and moves nothing here).
CREATE FUNCTION fivestar_result_seals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE campaign_result_versions SET version = version + 1;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT DISTINCT county_id, campaign_id, 1 FROM new_rows WHERE kind = 'result' ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT DISTINCT county_id, campaign_id, 1 FROM old_rows WHERE kind = 'result' ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version)
    SELECT county_id, campaign_id, 1 FROM (
      SELECT county_id, campaign_id FROM old_rows WHERE kind = 'result' UNION SELECT county_id, campaign_id FROM new_rows WHERE kind = 'result'
    ) c ORDER BY 1, 2
    ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$;

-- Org units: the names and the order shown on every notice of the county.
CREATE FUNCTION fivestar_result_units_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE campaign_result_versions SET version = version + 1;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE campaign_result_versions SET version = version + 1 WHERE county_id IN (SELECT county_id FROM old_rows);
  ELSE
    UPDATE campaign_result_versions SET version = version + 1 WHERE county_id IN (SELECT county_id FROM new_rows);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER campaign_results_version_inserted AFTER INSERT ON campaign_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_results_version_updated AFTER UPDATE ON campaign_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_results_version_deleted AFTER DELETE ON campaign_results REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_results_version_truncated AFTER TRUNCATE ON campaign_results FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();

CREATE TRIGGER campaign_town_results_version_inserted AFTER INSERT ON campaign_town_results REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_town_results_version_updated AFTER UPDATE ON campaign_town_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_town_results_version_deleted AFTER DELETE ON campaign_town_results REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();
CREATE TRIGGER campaign_town_results_version_truncated AFTER TRUNCATE ON campaign_town_results FOR EACH STATEMENT EXECUTE FUNCTION fivestar_results_changed();

CREATE TRIGGER record_seals_version_inserted AFTER INSERT ON record_seals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_seals_changed();
CREATE TRIGGER record_seals_version_updated AFTER UPDATE ON record_seals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_seals_changed();
CREATE TRIGGER record_seals_version_deleted AFTER DELETE ON record_seals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_seals_changed();
CREATE TRIGGER record_seals_version_truncated AFTER TRUNCATE ON record_seals FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_seals_changed();

CREATE TRIGGER org_units_version_inserted AFTER INSERT ON org_units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_units_changed();
CREATE TRIGGER org_units_version_updated AFTER UPDATE ON org_units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_units_changed();
CREATE TRIGGER org_units_version_deleted AFTER DELETE ON org_units REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_units_changed();
CREATE TRIGGER org_units_version_truncated AFTER TRUNCATE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION fivestar_result_units_changed();
