-- One town's ranking (the results page filtered by town, ?town=…) reads that town's villages in
-- city order a page at a time: with the town before the order in an index, a province's town page
-- reads its ~50 rows instead of walking the whole campaign's ranking to find them.
CREATE INDEX campaign_results_town_rank_idx ON campaign_results (county_id, campaign_id, town_id, (coalesce(rank_in_city, 1000000)));
