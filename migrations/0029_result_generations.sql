-- Result generations: a campaign's results, kept inputs and result seals can be written in full
-- beforehand, invisible, and made the campaign's in one statement (issue 11, the first 生成定星建议
-- of a province on the embedded database: writing 10,000 results, their inputs and 80,000 seals
-- in the switch's transaction held PGlite, the server's only connection, for seven seconds).
--
-- campaigns.results_generation says which generation is the campaign's. The rows of every
-- generation live in campaign_result_rows and campaign_rating_input_rows; the views
-- campaign_results and campaign_rating_inputs, under the tables' old names, show only the
-- campaign's generation, so every reader and writer of those names is unchanged. The views are
-- automatically updatable (one table, a sub-select in WHERE): an UPDATE or DELETE through them
-- touches the visible rows only, and an INSERT lands in the campaign's generation (a trigger
-- fills the generation a writer leaves out). record_seals keeps its name: its result seals carry
-- the generation of the rows they seal (other kinds carry 0) and its readers ask for the
-- campaign's generation (seals.queries.ts).
--
-- A view over the rows costs a semi-join with campaigns (one row by key) per statement. The rank
-- indexes (0020, 0023) stay without the generation: a page of the ranking reads them in order and
-- the semi-join only filters (with the generation in them, the order held only for a generation
-- known in advance, and a page of 10,000 villages was sorted whole).

CREATE SEQUENCE result_generations;
GRANT USAGE ON SEQUENCE result_generations TO fivestar_app;

ALTER TABLE campaigns ADD COLUMN results_generation bigint NOT NULL DEFAULT 0;

-- Fills the generation an INSERT leaves out: the campaign's (result seals) or 0 (other seals).
CREATE FUNCTION fivestar_campaign_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: NEW.kind exists on record_seals only (a statement is planned when first reached).
  IF TG_TABLE_NAME = 'record_seals' THEN
    IF NEW.kind <> 'result' THEN
      NEW.generation := 0;
      RETURN NEW;
    END IF;
  END IF;
  NEW.generation := coalesce((SELECT c.results_generation FROM campaigns c WHERE c.county_id = NEW.county_id AND c.id = NEW.campaign_id), 0);
  RETURN NEW;
END
$$;

-- Results.
ALTER TABLE campaign_results RENAME TO campaign_result_rows;
ALTER TABLE campaign_result_rows ADD COLUMN generation bigint NOT NULL DEFAULT 0;
ALTER TABLE campaign_result_rows ALTER COLUMN generation DROP DEFAULT;
ALTER TABLE campaign_result_rows DROP CONSTRAINT campaign_results_campaign_id_village_id_key;
ALTER TABLE campaign_result_rows ADD CONSTRAINT campaign_result_rows_generation_village_key UNIQUE (county_id, campaign_id, generation, village_id);
CREATE TRIGGER campaign_result_rows_generation BEFORE INSERT ON campaign_result_rows
  FOR EACH ROW WHEN (NEW.generation IS NULL) EXECUTE FUNCTION fivestar_campaign_generation();

CREATE VIEW campaign_results AS
  SELECT r.id, r.county_id, r.campaign_id, r.village_id, r.org_path, r.town_id, r.score, r.engine_stars, r.stars, r.vetoed, r.named_stars,
    r.rank_in_town, r.rank_in_city, r.notes, r.explanation, r.override_reason, r.confirmed_by, r.confirmed_at, r.computed_at, r.proposal_change
  FROM campaign_result_rows r
  WHERE (r.county_id, r.campaign_id, r.generation) IN (SELECT c.county_id, c.id, c.results_generation FROM campaigns c);
-- Defaults of the table hold for an INSERT through the view too.
ALTER VIEW campaign_results ALTER COLUMN id SET DEFAULT gen_random_uuid();
ALTER VIEW campaign_results ALTER COLUMN vetoed SET DEFAULT false;
ALTER VIEW campaign_results ALTER COLUMN named_stars SET DEFAULT '[]';
ALTER VIEW campaign_results ALTER COLUMN notes SET DEFAULT '[]';
GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_results TO fivestar_app;

-- Kept inputs.
ALTER TABLE campaign_rating_inputs RENAME TO campaign_rating_input_rows;
ALTER TABLE campaign_rating_input_rows ADD COLUMN generation bigint NOT NULL DEFAULT 0;
ALTER TABLE campaign_rating_input_rows ALTER COLUMN generation DROP DEFAULT;
ALTER TABLE campaign_rating_input_rows DROP CONSTRAINT campaign_rating_inputs_county_id_campaign_id_village_id_key;
ALTER TABLE campaign_rating_input_rows ADD CONSTRAINT campaign_rating_input_rows_generation_village_key UNIQUE (county_id, campaign_id, generation, village_id);
CREATE TRIGGER campaign_rating_input_rows_generation BEFORE INSERT ON campaign_rating_input_rows
  FOR EACH ROW WHEN (NEW.generation IS NULL) EXECUTE FUNCTION fivestar_campaign_generation();

CREATE VIEW campaign_rating_inputs AS
  SELECT i.id, i.county_id, i.campaign_id, i.village_id, i.figures, i.satisfaction, i.last_year_stars, i.self_scores, i.kept_at
  FROM campaign_rating_input_rows i
  WHERE (i.county_id, i.campaign_id, i.generation) IN (SELECT c.county_id, c.id, c.results_generation FROM campaigns c);
ALTER VIEW campaign_rating_inputs ALTER COLUMN id SET DEFAULT gen_random_uuid();
ALTER VIEW campaign_rating_inputs ALTER COLUMN self_scores SET DEFAULT '{}'::jsonb;
GRANT SELECT, INSERT, UPDATE, DELETE ON campaign_rating_inputs TO fivestar_app;

-- Seals.
ALTER TABLE record_seals ADD COLUMN generation bigint NOT NULL DEFAULT 0;
ALTER TABLE record_seals ALTER COLUMN generation DROP DEFAULT;
ALTER TABLE record_seals DROP CONSTRAINT record_seals_county_id_campaign_id_kind_row_key_key;
ALTER TABLE record_seals ADD CONSTRAINT record_seals_generation_row_key_key UNIQUE (county_id, campaign_id, kind, generation, row_key);
CREATE TRIGGER record_seals_generation BEFORE INSERT ON record_seals
  FOR EACH ROW WHEN (NEW.generation IS NULL) EXECUTE FUNCTION fivestar_campaign_generation();

-- A campaign moving to another generation changes what its public notice shows (0028).
CREATE FUNCTION fivestar_results_generation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO campaign_result_versions AS v (county_id, campaign_id, version) VALUES (NEW.county_id, NEW.id, 1)
  ON CONFLICT (county_id, campaign_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER campaigns_results_generation_changed AFTER UPDATE OF results_generation ON campaigns
  FOR EACH ROW WHEN (OLD.results_generation IS DISTINCT FROM NEW.results_generation) EXECUTE FUNCTION fivestar_results_generation_changed();
