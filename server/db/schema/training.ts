// Drizzle tables mirroring migrations/0004_training.sql (the SQL is the source of truth):
// Training: sessions, attendance, study tours, local experts
import { boolean, date, integer, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';

export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
  courseType: text('course_type').$type<'lecture' | 'mentoring' | 'tour'>().notNull(),
  category: text('category'),
  topic: text('topic').notNull(),
  organizer: text('organizer').notNull(),
  partners: jsonb('partners').$type<string[]>().notNull(),
  lecturer: text('lecturer'),
  sessionDate: date('session_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  place: text('place').notNull(),
  hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
  audience: jsonb('audience').$type<string[]>().notNull(),
  capacity: integer('capacity'),
  summary: text('summary'),
  status: text('status').$type<'planned' | 'completed' | 'cancelled'>().notNull().default('planned'),
  signInState: text('sign_in_state').$type<'none' | 'open' | 'closed'>().notNull().default('none'),
  signInTokenHash: text('sign_in_token_hash'),
  signInTokenEnc: text('sign_in_token_enc'),
  signInOpenedAt: tz('sign_in_opened_at'),
  signInClosedAt: tz('sign_in_closed_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const trainingAttendance = pgTable('training_attendance', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  sessionId: uuid('session_id').notNull(),
  personId: uuid('person_id').notNull(),
  status: text('status').$type<'present' | 'excused' | 'absent'>().notNull(),
  method: text('method').$type<'qr' | 'manual' | 'import'>().notNull(),
  signedInAt: tz('signed_in_at'),
  note: text('note'),
  reportTitle: text('report_title'),
  reportText: text('report_text'),
  reportedOn: date('reported_on', { mode: 'string' }),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const localExperts = pgTable('local_experts', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').$type<'土专家' | '田秀才'>().notNull(),
  field: text('field').notNull(),
  specialty: text('specialty').notNull(),
  description: text('description'),
  cultivatedBySessionId: uuid('cultivated_by_session_id'),
  active: boolean('active').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const localExpertVillages = pgTable('local_expert_villages', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  expertId: uuid('expert_id').notNull(),
  villageId: uuid('village_id').notNull(),
}, countyKey);
