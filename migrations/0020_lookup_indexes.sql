-- Lookups that arrive without a county: a public page opened by a village's id (the commitments
-- notice), and an account read by its id alone in the sign-in steps. The (county_id, id) primary
-- keys cannot serve an id alone, so without these PostgreSQL scans every county's rows.
-- Queries that know the county join on (county_id, id) instead (keyJoin in server/db/scope.ts).
CREATE INDEX org_units_id_idx ON org_units (id);
CREATE INDEX users_id_idx ON users (id);

-- The ranking pages read a campaign's results in city order a page at a time: with the order in
-- an index, a province's first page reads 51 rows instead of sorting 10,000.
CREATE INDEX campaign_results_rank_idx ON campaign_results (county_id, campaign_id, (coalesce(rank_in_city, 1000000)));
