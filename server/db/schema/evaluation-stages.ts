// Drizzle tables mirroring migrations/0006_evaluation_fieldwork.sql (the SQL is the source of truth):
// Stage 1 and 2 work: visits, surveys, reports, arena, votes, reviews, rectification
import { date, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';
import type { PublicReviewNotice } from '../../../shared/contracts/evaluation-stages.js';

export const mutualVisits = pgTable('mutual_visits', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  household: text('household').notNull(),
  visitDate: date('visit_date', { mode: 'string' }).notNull(),
  visitors: text('visitors').notNull(),
  findings: text('findings').notNull().default(''),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
}, countyKey);

export const mutualSurveys = pgTable('mutual_surveys', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  sampleSize: integer('sample_size').notNull(),
  satisfied: integer('satisfied').notNull(),
  basicallySatisfied: integer('basically_satisfied').notNull(),
  unsatisfied: integer('unsatisfied').notNull(),
  surveyDate: date('survey_date', { mode: 'string' }),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
}, countyKey);

export const mutualReports = pgTable('mutual_reports', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  townId: uuid('town_id').notNull(),
  orgPath: text('org_path').notNull(),
  status: text('status').$type<'draft' | 'submitted'>().notNull(),
  narrative: text('narrative').notNull().default(''),
  findings: jsonb('findings').$type<{ villageId: string | null; text: string }[]>().notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: tz('updated_at').notNull(),
  submittedBy: uuid('submitted_by'),
  submittedAt: tz('submitted_at'),
}, countyKey);

export const campaignArenaSettings = pgTable('campaign_arena_settings', {
  campaignId: uuid('campaign_id').notNull(),
  countyId: uuid('county_id').notNull(),
  indicatorId: text('indicator_id'),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: tz('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.campaignId] })]);

export const arenaScores = pgTable('arena_scores', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  judgeUserId: uuid('judge_user_id').notNull(),
  points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredAt: tz('entered_at').notNull(),
}, countyKey);

export const democraticVotes = pgTable('democratic_votes', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  excellent: integer('excellent').notNull(),
  good: integer('good').notNull(),
  fair: integer('fair').notNull(),
  poor: integer('poor').notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
}, countyKey);

export const villageReviews = pgTable('village_reviews', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  comment: text('comment').notNull().default(''),
  commentBy: uuid('comment_by'),
  commentAt: tz('comment_at'),
  publishedBy: uuid('published_by'),
  publishedAt: tz('published_at'),
  publishedSnapshot: jsonb('published_snapshot').$type<PublicReviewNotice>(),
}, countyKey);

export const rectificationTasks = pgTable('rectification_tasks', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  title: text('title').notNull(),
  requirement: text('requirement').notNull().default(''),
  ownerText: text('owner_text').notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').$type<'open' | 'submitted' | 'verified' | 'returned'>().notNull(),
  evidence: text('evidence').notNull().default(''),
  submittedBy: uuid('submitted_by'),
  submittedAt: tz('submitted_at'),
  verifiedBy: uuid('verified_by'),
  verifiedAt: tz('verified_at'),
  verifyNote: text('verify_note').notNull().default(''),
  returnReason: text('return_reason').notNull().default(''),
  createdBy: uuid('created_by').notNull(),
  createdAt: tz('created_at').notNull(),
  updatedAt: tz('updated_at').notNull(),
}, countyKey);
