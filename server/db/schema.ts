// Drizzle table definitions mirroring migrations/*.sql (the SQL files are the source of truth).
import { bigint, boolean, customType, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StageWeights, StageWindows } from '../../shared/contracts/campaigns.js';
import type { PublicReviewNotice } from '../../shared/contracts/evaluation-stages.js';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgUnits = pgTable('org_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  parentId: uuid('parent_id'),
  level: text('level').$type<'city' | 'town' | 'village'>().notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  code: text('code').notNull(),
  path: text('path').notNull(),
  partyOrgType: text('party_org_type').notNull(),
  partyOrgName: text('party_org_name').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
  name: text('name').notNull(),
  gender: text('gender').$type<'男' | '女'>().notNull(),
  birthYear: integer('birth_year'),
  idNumberEnc: text('id_number_enc'),
  idNumberHmac: text('id_number_hmac'),
  phoneEnc: text('phone_enc'),
  idNumberMasked: text('id_number_masked'),
  phoneMasked: text('phone_masked'),
  partyMember: boolean('party_member').notNull().default(false),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const positions = pgTable('positions', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  personId: uuid('person_id').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  title: text('title').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** The person an account acts as (a city leader's own pairings and visits). */
  personId: uuid('person_id'),
  active: boolean('active').notNull().default(true),
  lastLoginAt: tz('last_login_at'),
  passwordChangedAt: tz('password_changed_at').notNull().defaultNow(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
});

export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: tz('window_start').notNull(),
  lockedUntil: tz('locked_until'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: tz('created_at').notNull(),
  lastSeenAt: tz('last_seen_at').notNull(),
  endedAt: tz('ended_at'),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  at: tz('at').notNull(),
  userId: uuid('user_id'),
  username: text('username'),
  role: text('role'),
  event: text('event').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  outcome: text('outcome').$type<'success' | 'failure' | 'denied'>().notNull(),
  ip: text('ip'),
  requestId: text('request_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const auditChain = pgTable('audit_chain', {
  countyId: uuid('county_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const standardVersions = pgTable('standard_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  code: text('code').notNull(),
  version: text('version').notNull(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  year: integer('year'),
  document: jsonb('document').notNull(),
  lockedAt: tz('locked_at'),
  lockedReason: text('locked_reason'),
  clonedFrom: uuid('cloned_from'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

// Field work (migrations/0003_fieldwork.sql): pairings, visits, key tasks, supervision,
// commitments, household visits and the problem list.
const day = (name: string) => date(name, { mode: 'string' });
// PGlite answers bytea as Uint8Array, node-postgres as Buffer: one shape for callers.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const pairings = pgTable('pairings', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  leaderId: uuid('leader_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date'),
  note: text('note').notNull().default(''),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const visitRules = pgTable('visit_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  year: integer('year').notNull(),
  period: text('period').$type<'month' | 'quarter' | 'half_year' | 'year'>().notNull(),
  minVisits: integer('min_visits').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const leaderVisits = pgTable('leader_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const visitPhotos = pgTable('visit_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  visitId: uuid('visit_id').notNull(),
  orgPath: text('org_path').notNull(),
  contentType: text('content_type').$type<'image/jpeg' | 'image/png'>().notNull(),
  byteSize: integer('byte_size').notNull(),
  data: bytea('data').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const keyTasks = pgTable('key_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const supervisionRecords = pgTable('supervision_records', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const supervisionFindings = pgTable('supervision_findings', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const commitments = pgTable('commitments', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const householdVisits = pgTable('household_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  visitDate: day('visit_date').notNull(),
  household: text('household').notNull(),
  visitors: text('visitors').notNull(),
  notes: text('notes').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const problems = pgTable('problems', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const fieldworkEvents = pgTable('fieldwork_events', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const mutualTeams = pgTable('mutual_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  evaluatorTownId: uuid('evaluator_town_id').notNull(),
  targetTownId: uuid('target_town_id').notNull(),
  leaderUserId: uuid('leader_user_id'),
});

export const mutualTeamMembers = pgTable('mutual_team_members', {
  countyId: uuid('county_id').notNull(),
  teamId: uuid('team_id').notNull(),
  userId: uuid('user_id').notNull(),
});

export const judgePanels = pgTable('judge_panels', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  name: text('name').notNull(),
  departments: text('departments').notNull(),
});

export const judgePanelMembers = pgTable('judge_panel_members', {
  countyId: uuid('county_id').notNull(),
  panelId: uuid('panel_id').notNull(),
  userId: uuid('user_id').notNull(),
});

export const judgePanelVillages = pgTable('judge_panel_villages', {
  countyId: uuid('county_id').notNull(),
  panelId: uuid('panel_id').notNull(),
  villageId: uuid('village_id').notNull(),
});

export const scoreEntries = pgTable('score_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  stage: text('stage').$type<'mutual' | 'department' | 'city'>().notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  indicatorId: text('indicator_id').notNull(),
  points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
});

export const campaignTownScores = pgTable('campaign_town_scores', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  townId: uuid('town_id').notNull(),
  score: numeric('score', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull(),
});

export const campaignResults = pgTable('campaign_results', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const campaignTownResults = pgTable('campaign_town_results', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  townId: uuid('town_id').notNull(),
  stars: integer('stars'),
  explanation: jsonb('explanation').notNull(),
});

// Training (migrations/0004_training.sql): sessions of the three courses, attendance, study-tour
// reports and the local-expert pool.
export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const trainingAttendance = pgTable('training_attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const localExperts = pgTable('local_experts', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const localExpertVillages = pgTable('local_expert_villages', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  expertId: uuid('expert_id').notNull(),
  villageId: uuid('village_id').notNull(),
});

// Stage 3 and after (migrations/0007_evaluation_city.sql): evidence files, the violation
// register, star corrections and the public notice's objections.
export const evaluationEvidence = pgTable('evaluation_evidence', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  indicatorId: text('indicator_id').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: tz('uploaded_at').notNull(),
  removedBy: uuid('removed_by'),
  removedAt: tz('removed_at'),
});

export const violationRecords = pgTable('violation_records', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const resultCorrections = pgTable('result_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const resultObjections = pgTable('result_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

// Evaluation field work, stages 1 and 2 (migrations/0006_evaluation_fieldwork.sql).
export const mutualVisits = pgTable('mutual_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const mutualSurveys = pgTable('mutual_surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const mutualReports = pgTable('mutual_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const campaignArenaSettings = pgTable('campaign_arena_settings', {
  campaignId: uuid('campaign_id').primaryKey(),
  countyId: uuid('county_id').notNull(),
  indicatorId: text('indicator_id'),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: tz('updated_at').notNull(),
});

export const arenaScores = pgTable('arena_scores', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  villageId: uuid('village_id').notNull(),
  orgPath: text('org_path').notNull(),
  judgeUserId: uuid('judge_user_id').notNull(),
  points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  enteredAt: tz('entered_at').notNull(),
});

export const democraticVotes = pgTable('democratic_votes', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const villageReviews = pgTable('village_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});

export const rectificationTasks = pgTable('rectification_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
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
});
