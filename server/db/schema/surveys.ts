// Drizzle tables mirroring migrations/0013_survey_codes.sql and 0022_survey_retention.sql (the SQL
// is the source of truth): the phone survey's questionnaire, household codes, answers, closed
// villages, and the per-village counts kept when the answers are deleted.
import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from './columns.js';

export type SurveyTopic = { id: string; text: string };
export type SurveyChoice = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    countyId: uuid('county_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    topics: jsonb('topics').$type<SurveyTopic[]>().notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.campaignId] })],
);

export const surveyCodes = pgTable(
  'survey_codes',
  {
    countyId: uuid('county_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    villageId: uuid('village_id').notNull(),
    orgPath: text('org_path').notNull(),
    batchNo: integer('batch_no').notNull(),
    codeHash: text('code_hash').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: tz('issued_at').notNull(),
    usedAt: tz('used_at'),
    revokedAt: tz('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    countyId: uuid('county_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    villageId: uuid('village_id').notNull(),
    orgPath: text('org_path').notNull(),
    codeId: uuid('code_id').notNull(),
    receiptNo: text('receipt_no').notNull(),
    submissionId: uuid('submission_id').notNull(),
    satisfaction: text('satisfaction').$type<SurveyChoice>().notNull(),
    topics: jsonb('topics').$type<Record<string, SurveyChoice>>().notNull(),
    deviceGroup: uuid('device_group'),
    submittedAt: tz('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.id] })],
);

export const surveyVillageClosures = pgTable(
  'survey_village_closures',
  {
    countyId: uuid('county_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    villageId: uuid('village_id').notNull(),
    closedBy: uuid('closed_by').notNull(),
    closedAt: tz('closed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.campaignId, t.villageId] })],
);

export const surveyVillageTallies = pgTable(
  'survey_village_tallies',
  {
    countyId: uuid('county_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    villageId: uuid('village_id').notNull(),
    satisfied: integer('satisfied').notNull(),
    basicallySatisfied: integer('basically_satisfied').notNull(),
    unsatisfied: integer('unsatisfied').notNull(),
    flagged: integer('flagged').notNull().default(0),
    unusedCodes: integer('unused_codes').notNull().default(0),
    revokedCodes: integer('revoked_codes').notNull().default(0),
    purgedAt: tz('purged_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.campaignId, t.villageId] })],
);
