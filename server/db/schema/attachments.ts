// Drizzle table mirroring migrations/0018_attachments.sql (the SQL is the source of truth):
// files attached to a rectification task or a problem
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, uploadedFileColumns } from './columns.js';

export const attachments = pgTable('attachments', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  rectificationTaskId: uuid('rectification_task_id'),
  problemId: uuid('problem_id'),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  ...uploadedFileColumns(),
}, countyKey);
