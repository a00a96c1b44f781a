// Drizzle tables mirroring migrations/0012_platform_security.sql (the SQL is the source of truth):
// append-only anchors of the audit chains, and the record of purges of old audit rows.
import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditAnchors = pgTable(
  'audit_anchors',
  {
    countyId: uuid('county_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.seq] })],
);

export const auditPurges = pgTable(
  'audit_purges',
  {
    countyId: uuid('county_id').notNull(),
    throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
    throughHash: text('through_hash').notNull(),
    beforeAt: timestamp('before_at', { withTimezone: true }).notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }).notNull().defaultNow(),
    rowsDeleted: integer('rows_deleted').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.throughSeq] })],
);
