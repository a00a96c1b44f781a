-- 生成定星建议 at province size (issue 11): the computed rows are written in chunks to these
-- staging tables outside any transaction, and the visible switch is one short transaction that
-- replaces the campaign's results and kept inputs from them (INSERT … SELECT). On PGlite, whose
-- one connection runs one statement at a time on the server's thread, a compute then never holds
-- the database for longer than a chunk. Rows are keyed by the compute run; a run deletes its own
-- rows when it ends, and the next compute of the campaign deletes any a stopped process left.
-- UNLOGGED: nothing here survives a crash by design (a run that did not switch did not happen).
CREATE UNLOGGED TABLE campaign_results_staging (
  run_id uuid NOT NULL,
  LIKE campaign_results INCLUDING DEFAULTS,
  PRIMARY KEY (county_id, run_id, village_id)
);
CREATE UNLOGGED TABLE campaign_rating_inputs_staging (
  run_id uuid NOT NULL,
  LIKE campaign_rating_inputs INCLUDING DEFAULTS,
  PRIMARY KEY (county_id, run_id, village_id)
);
GRANT SELECT, INSERT, DELETE ON campaign_results_staging, campaign_rating_inputs_staging TO fivestar_app;
