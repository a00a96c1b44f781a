// Drizzle table mirroring migrations/0021_jobs.sql (the SQL is the source of truth).
import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, countyKey, tz } from './columns.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export const jobs = pgTable('jobs', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  kind: text('kind').notNull(),
  subjectId: uuid('subject_id').notNull(),
  status: text('status').$type<JobStatus>().notNull(),
  step: text('step').notNull().default(''),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  result: jsonb('result'),
  errorCode: text('error_code'),
  startedBy: uuid('started_by').notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
  finishedAt: tz('finished_at'),
}, countyKey);

/** migrations/0025_job_files.sql: the file a finished export job offers, until it expires. */
export const jobFiles = pgTable('job_files', {
  countyId: uuid('county_id').notNull(),
  jobId: uuid('job_id').notNull(),
  startedBy: uuid('started_by').notNull(),
  permission: text('permission').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  createdAt: tz('created_at').notNull(),
  expiresAt: tz('expires_at').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.jobId] })]);
