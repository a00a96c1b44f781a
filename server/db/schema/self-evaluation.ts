// Drizzle tables mirroring migrations/0014_self_evaluation.sql (the SQL is the source of truth):
// the village self-evaluation (自评) with its approvals, and its evidence files
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { SelfEvaluationItems } from '../../../shared/contracts/self-evaluation.js';
import { countyKey, tz, uploadedFileColumns } from './columns.js';

export const selfEvaluations = pgTable('self_evaluations', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'returned' | 'approved'>().notNull(),
  items: jsonb('items').$type<SelfEvaluationItems>().notNull(),
  version: integer('version').notNull(),
  submittedBy: uuid('submitted_by'),
  submittedAt: tz('submitted_at'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: tz('reviewed_at'),
  returnReason: text('return_reason'),
  returnedBy: text('returned_by').$type<'town' | 'city'>(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: tz('updated_at').notNull(),
}, countyKey);

export const selfEvaluationFiles = pgTable('self_evaluation_files', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  selfEvaluationId: uuid('self_evaluation_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  indicatorId: text('indicator_id').notNull(),
  ...uploadedFileColumns(),
}, countyKey);
