// Drizzle tables mirroring migrations/0001_init.sql (the SQL is the source of truth):
// Org tree, people, accounts, sessions and the audit trail
import { bigint, boolean, date, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, tz } from './columns.js';

export const orgUnits = pgTable('org_units', {
  id: uuid('id').notNull().defaultRandom(),
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
}, countyKey);

export const people = pgTable('people', {
  id: uuid('id').notNull().defaultRandom(),
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
}, countyKey);

export const positions = pgTable('positions', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  personId: uuid('person_id').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  title: text('title').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
}, countyKey);

export const users = pgTable('users', {
  id: uuid('id').notNull().defaultRandom(),
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
  // 0011: resets, TOTP, system disabling.
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordResetBy: text('password_reset_by'),
  passwordResetAt: tz('password_reset_at'),
  resetRequestedBy: uuid('reset_requested_by'),
  resetRequestedByName: text('reset_requested_by_name'),
  resetRequestedAt: tz('reset_requested_at'),
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: tz('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  totpRecoveryHashes: text('totp_recovery_hashes').array().notNull().default([]),
  disabledReason: text('disabled_reason'),
}, countyKey);

export const roleGrants = pgTable('role_grants', {
  id: uuid('id').notNull().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
}, countyKey);

export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: tz('window_start').notNull(),
  lockedUntil: tz('locked_until'),
});

export const sessions = pgTable('sessions', {
  id: text('id').notNull(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: tz('created_at').notNull(),
  lastSeenAt: tz('last_seen_at').notNull(),
  endedAt: tz('ended_at'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  // 0011: the second factor still owed, and the last proof of password or TOTP.
  secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  reauthAt: tz('reauth_at'),
}, countyKey);

export const auditLog = pgTable('audit_log', {
  id: uuid('id').notNull().defaultRandom(),
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
}, countyKey);

export const auditChain = pgTable('audit_chain', {
  countyId: uuid('county_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
