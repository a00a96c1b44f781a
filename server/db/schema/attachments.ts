// Drizzle table mirroring migrations/0018_attachments.sql (the SQL is the source of truth):
// files attached to a rectification task or a problem
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';

export const attachments = pgTable('attachments', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  rectificationTaskId: uuid('rectification_task_id'),
  problemId: uuid('problem_id'),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: tz('uploaded_at').notNull(),
  removedBy: uuid('removed_by'),
  removedAt: tz('removed_at'),
}, countyKey);
