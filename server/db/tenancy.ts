// Which tables belong to a county (the tenant) and which are shared reference tables.
// A county table has county_id in its primary key, in every unique index and in every foreign key
// to another county table (migrations/0009_county_keys.sql); countyKeyBreaches finds any table,
// old or new, that does not. docs/operations.md, "Past one machine", explains the split.

/**
 * Small tables read without a county, copied whole to every node of a distributed database.
 * A new table without county_id must be added here (and to docs/operations.md) on purpose.
 */
export const referenceTables = [
  // the migration runner's bookkeeping
  'schema_migrations',
  // failed logins per typed name, known or not: the name comes before any county
  'login_throttle',
  // one login page for every county: a login name is unique across all of them
  'login_names',
] as const;

/**
 * The biggest county tables: hash-partitioned by county_id in the partitioned CI run
 * (scripts/partition-by-county.sql lists the same names; the test checks they agree).
 */
export const largestCountyTables = [
  // one row per indicator, village and stage
  'score_entries',
  'campaign_result_rows',
  // every write and every login
  'audit_log',
  'training_attendance',
  // one row per phone-survey respondent (mutual_surveys holds one total per village)
  'survey_responses',
] as const;

export type CountyKeyBreach = { table: string; rule: string; name: string };
