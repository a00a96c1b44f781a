// Drizzle tables mirroring migrations/0015_desk.sql (the SQL is the source of truth):
// the version of each score sheet, checked by the score grid's saves
import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from './columns.js';

export const scoreSheetVersions = pgTable('score_sheet_versions', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  stage: text('stage').$type<'mutual' | 'department' | 'city'>().notNull(),
  villageId: uuid('village_id').notNull(),
  version: integer('version').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: tz('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.id] })]);
