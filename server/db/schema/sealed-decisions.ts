// Tables of migrations/0010_sealed_decisions.sql (campaign_results.proposal_change is in evaluation.ts).
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from './columns.js';

export type SealKind = 'score' | 'arena' | 'town_score' | 'result' | 'correction' | 'notice';

export const recordSeals = pgTable('record_seals', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  kind: text('kind').$type<SealKind>().notNull(),
  rowKey: text('row_key').notNull(),
  digest: text('digest').notNull(),
  sealedAt: tz('sealed_at').notNull(),
});

export const sealRoots = pgTable('seal_roots', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  rowCount: integer('row_count').notNull(),
  xorDigest: text('xor_digest').notNull(),
  mac: text('mac').notNull(),
  updatedAt: tz('updated_at').notNull(),
});
