// Drizzle tables mirroring migrations/0003_fieldwork.sql (the SQL is the source of truth):
// Field work: pairings, visits, key tasks, supervision, commitments, the problem list
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, countyKey, day, tz } from './columns.js';

export const pairings = pgTable('pairings', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  leaderId: uuid('leader_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date'),
  note: text('note').notNull().default(''),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const visitRules = pgTable('visit_rules', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  year: integer('year').notNull(),
  period: text('period').$type<'month' | 'quarter' | 'half_year' | 'year'>().notNull(),
  minVisits: integer('min_visits').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const leaderVisits = pgTable('leader_visits', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  pairingId: uuid('pairing_id').notNull(),
  leaderId: uuid('leader_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  visitDate: day('visit_date').notNull(),
  kind: text('kind').notNull(),
  companions: text('companions').notNull().default(''),
  findings: text('findings').notNull().default(''),
  followUp: text('follow_up').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
}, countyKey);

export const visitPhotos = pgTable('visit_photos', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  visitId: uuid('visit_id').notNull(),
  orgPath: text('org_path').notNull(),
  contentType: text('content_type').$type<'image/jpeg' | 'image/png'>().notNull(),
  byteSize: integer('byte_size').notNull(),
  data: bytea('data').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
}, countyKey);

export const keyTasks = pgTable('key_tasks', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  year: integer('year').notNull(),
  category: text('category').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  ownerId: uuid('owner_id'),
  status: text('status').$type<'planned' | 'in_progress' | 'stalled' | 'done'>().notNull(),
  progress: integer('progress').notNull().default(0),
  dueDate: day('due_date'),
  milestones: jsonb('milestones').$type<{ title: string; dueDate: string | null; doneDate: string | null }[]>().notNull().default([]),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const supervisionRecords = pgTable('supervision_records', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  recordDate: day('record_date').notNull(),
  method: text('method').notNull(),
  keyTaskId: uuid('key_task_id'),
  subject: text('subject').notNull(),
  summary: text('summary').notNull().default(''),
  participants: text('participants').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
}, countyKey);

export const supervisionFindings = pgTable('supervision_findings', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  recordId: uuid('record_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  description: text('description').notNull(),
  dueDate: day('due_date'),
  status: text('status').$type<'open' | 'closed'>().notNull(),
  actionTaken: text('action_taken').notNull().default(''),
  closedDate: day('closed_date'),
  closedBy: uuid('closed_by'),
  reopenReason: text('reopen_reason').notNull().default(''),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const commitments = pgTable('commitments', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  year: integer('year').notNull(),
  category: text('category').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  targetDate: day('target_date'),
  status: text('status').$type<'draft' | 'submitted' | 'returned' | 'approved' | 'in_progress' | 'settled' | 'published'>().notNull(),
  outcome: text('outcome').$type<'fulfilled' | 'partly' | 'unfulfilled'>(),
  outcomeReason: text('outcome_reason').notNull().default(''),
  evidence: text('evidence').notNull().default(''),
  returnReason: text('return_reason').notNull().default(''),
  progressNote: text('progress_note').notNull().default(''),
  approvedBy: uuid('approved_by'),
  approvedDate: day('approved_date'),
  settledDate: day('settled_date'),
  publishedDate: day('published_date'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const householdVisits = pgTable('household_visits', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  visitDate: day('visit_date').notNull(),
  household: text('household').notNull(),
  visitors: text('visitors').notNull(),
  notes: text('notes').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
}, countyKey);

export const problems = pgTable('problems', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  household: text('household').notNull().default(''),
  category: text('category').notNull(),
  source: text('source').notNull(),
  householdVisitId: uuid('household_visit_id'),
  reportedDate: day('reported_date').notNull(),
  dueDate: day('due_date'),
  status: text('status').$type<'open' | 'claimed' | 'in_progress' | 'resolved' | 'confirmed'>().notNull(),
  claimedBy: uuid('claimed_by'),
  claimedByName: text('claimed_by_name').notNull().default(''),
  assigneeId: uuid('assignee_id'),
  claimedDate: day('claimed_date'),
  resolution: text('resolution').notNull().default(''),
  resolvedBy: uuid('resolved_by'),
  resolvedDate: day('resolved_date'),
  confirmedVia: text('confirmed_via').$type<'town' | 'villager'>(),
  confirmedDate: day('confirmed_date'),
  confirmationNote: text('confirmation_note').notNull().default(''),
  confirmTokenHash: text('confirm_token_hash'),
  reopenCount: integer('reopen_count').notNull().default(0),
  reopenReason: text('reopen_reason').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const fieldworkEvents = pgTable('fieldwork_events', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  objectType: text('object_type').$type<'problem' | 'commitment' | 'finding' | 'key_task'>().notNull(),
  objectId: uuid('object_id').notNull(),
  orgPath: text('org_path').notNull(),
  at: tz('at').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actor: text('actor').notNull(),
  note: text('note').notNull().default(''),
}, countyKey);
