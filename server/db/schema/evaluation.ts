// Drizzle tables mirroring migrations/0005_evaluation.sql (the SQL is the source of truth):
// The campaign, teams and panels, score entries and results
import { boolean, date, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';
import type { StageWeights, StageWindows } from '../../../shared/contracts/campaigns.js';

export type ProposalChange = { engineBefore: number | null; engineAfter: number | null; scoreBefore: number; scoreAfter: number; why: string; at: string };

export const campaigns = pgTable('campaigns', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  standardId: uuid('standard_id').notNull(),
  status: text('status').$type<'draft' | 'mutual' | 'department' | 'city' | 'notice' | 'final'>().notNull(),
  windows: jsonb('windows').$type<StageWindows>().notNull(),
  stageWeights: jsonb('stage_weights').$type<StageWeights>().notNull(),
  noticeDays: integer('notice_days').notNull().default(5),
  noticeStarts: date('notice_starts', { mode: 'string' }),
  noticeEnds: date('notice_ends', { mode: 'string' }),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, countyKey);

export const mutualTeams = pgTable('mutual_teams', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  evaluatorTownId: uuid('evaluator_town_id').notNull(),
  targetTownId: uuid('target_town_id').notNull(),
  leaderUserId: uuid('leader_user_id'),
}, countyKey);

export const mutualTeamMembers = pgTable('mutual_team_members', {
  countyId: uuid('county_id').notNull(),
  teamId: uuid('team_id').notNull(),
  userId: uuid('user_id').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.teamId, t.userId] })]);

export const judgePanels = pgTable('judge_panels', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  name: text('name').notNull(),
  departments: text('departments').notNull(),
}, countyKey);

export const judgePanelMembers = pgTable('judge_panel_members', {
  countyId: uuid('county_id').notNull(),
  panelId: uuid('panel_id').notNull(),
  userId: uuid('user_id').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.panelId, t.userId] })]);

export const judgePanelVillages = pgTable('judge_panel_villages', {
  countyId: uuid('county_id').notNull(),
  panelId: uuid('panel_id').notNull(),
  villageId: uuid('village_id').notNull(),
}, (t) => [primaryKey({ columns: [t.countyId, t.panelId, t.villageId] })]);

export const scoreEntries = pgTable('score_entries', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  stage: text('stage').$type<'mutual' | 'department' | 'city'>().notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  indicatorId: text('indicator_id').notNull(),
  points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
}, countyKey);

export const campaignTownScores = pgTable('campaign_town_scores', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  townId: uuid('town_id').notNull(),
  score: numeric('score', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
}, countyKey);

export const campaignResults = pgTable('campaign_results', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  townId: uuid('town_id').notNull(),
  score: numeric('score', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  engineStars: integer('engine_stars'),
  stars: integer('stars'),
  vetoed: boolean('vetoed').notNull().default(false),
  namedStars: jsonb('named_stars').$type<string[]>().notNull(),
  rankInTown: integer('rank_in_town'),
  rankInCity: integer('rank_in_city'),
  notes: jsonb('notes').$type<string[]>().notNull(),
  explanation: jsonb('explanation').notNull(),
  overrideReason: text('override_reason'),
  confirmedBy: uuid('confirmed_by'),
  confirmedAt: tz('confirmed_at'),
  computedAt: tz('computed_at').notNull(),
  /** Set by a recomputation that changed a decided village's proposal (0010); cleared by 定星. */
  proposalChange: jsonb('proposal_change').$type<ProposalChange>(),
}, countyKey);

export const campaignTownResults = pgTable('campaign_town_results', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  townId: uuid('town_id').notNull(),
  stars: integer('stars'),
  explanation: jsonb('explanation').notNull(),
}, countyKey);
