// Tables of migrations/0010_sealed_decisions.sql (campaign_results.proposal_change is in evaluation.ts)
// and campaign_rating_inputs of 0017_seal_campaign_keys.sql (self_scores added by 0019_self_stage_inputs.sql).
import { bigint, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';

export type SealKind = 'score' | 'arena' | 'town_score' | 'result' | 'correction' | 'notice';

export const recordSeals = pgTable('record_seals', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  kind: text('kind').$type<SealKind>().notNull(),
  rowKey: text('row_key').notNull(),
  digest: text('digest').notNull(),
  sealedAt: tz('sealed_at').notNull(),
  // Result seals: the generation of the rows they seal (0029); other kinds 0. Left out on insert,
  // a trigger fills the campaign's generation.
  generation: bigint('generation', { mode: 'number' }),
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

export const campaignRatingInputs = pgTable('campaign_rating_inputs', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  figures: jsonb('figures').$type<Record<string, number>>().notNull(),
  satisfaction: jsonb('satisfaction'),
  lastYearStars: integer('last_year_stars'),
  selfScores: jsonb('self_scores').$type<Record<string, number>>().notNull(),
  keptAt: tz('kept_at').notNull(),
}, countyKey);
