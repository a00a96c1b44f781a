// Drizzle table mirroring migrations/0028_result_versions.sql (the SQL is the source of truth).
import { bigint, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/** Moved by the database's own triggers whenever what a campaign's public notice shows or checks changes. */
export const campaignResultVersions = pgTable(
  'campaign_result_versions',
  {
    countyId: uuid('county_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.campaignId] })],
);
