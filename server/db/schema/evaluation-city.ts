// Drizzle tables mirroring migrations/0007_evaluation_city.sql (the SQL is the source of truth):
// Stage 3: evidence, violations, corrections, objections
import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz, uploadedFileColumns } from './columns.js';

export const evaluationEvidence = pgTable('evaluation_evidence', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  indicatorId: text('indicator_id').notNull(),
  ...uploadedFileColumns(),
}, countyKey);

export const violationRecords = pgTable('violation_records', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  seq: integer('seq').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  category: text('category').$type<'discipline' | 'petition' | 'crime' | 'safety' | 'integrity' | 'security'>().notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  status: text('status').$type<'reported' | 'confirmed' | 'dismissed'>().notNull(),
  personNameEnc: text('person_name_enc').notNull(),
  personNameMasked: text('person_name_masked').notNull(),
  detailsEnc: text('details_enc'),
  decisionNoteEnc: text('decision_note_enc'),
  reportedBy: uuid('reported_by').notNull(),
  reportedAt: tz('reported_at').notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: tz('decided_at'),
  updatedAt: tz('updated_at').notNull(),
}, countyKey);

export const resultCorrections = pgTable('result_corrections', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  phase: text('phase').$type<'notice' | 'final'>().notNull(),
  starsBefore: integer('stars_before'),
  starsAfter: integer('stars_after'),
  reason: text('reason').notNull(),
  objectionId: uuid('objection_id'),
  correctedBy: uuid('corrected_by').notNull(),
  correctedAt: tz('corrected_at').notNull(),
}, countyKey);

export const resultObjections = pgTable('result_objections', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  receiptNo: text('receipt_no').notNull(),
  content: text('content').notNull(),
  contactEnc: text('contact_enc'),
  contactMasked: text('contact_masked'),
  status: text('status').$type<'received' | 'handled' | 'answered'>().notNull(),
  decision: text('decision').$type<'accepted' | 'rejected'>(),
  handlingNote: text('handling_note'),
  handledBy: uuid('handled_by'),
  handledAt: tz('handled_at'),
  correctionId: uuid('correction_id'),
  answer: text('answer'),
  answeredBy: uuid('answered_by'),
  answeredAt: tz('answered_at'),
  lodgedAt: tz('lodged_at').notNull(),
}, countyKey);
