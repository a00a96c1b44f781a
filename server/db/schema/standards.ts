// Drizzle tables mirroring migrations/0002_standards.sql (the SQL is the source of truth):
// Stored rating standards
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';

export const standardVersions = pgTable('standard_versions', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  code: text('code').notNull(),
  version: text('version').notNull(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  year: integer('year'),
  document: jsonb('document').notNull(),
  lockedAt: tz('locked_at'),
  lockedReason: text('locked_reason'),
  clonedFrom: uuid('cloned_from'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);
