-- Lookups that arrive without a county: a public page opened by a village's id (the commitments
-- notice), and an account read by its id alone in the sign-in steps. The (county_id, id) primary
-- keys cannot serve an id alone, so without these PostgreSQL scans every county's rows.
-- Queries that know the county join on (county_id, id) instead (keyJoin in server/db/scope.ts).
CREATE INDEX org_units_id_idx ON org_units (id);
CREATE INDEX users_id_idx ON users (id);
