// Column helpers shared by the table files.
import { customType, date, integer, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** timestamptz as a Date. */
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** date as a 'YYYY-MM-DD' string. */
export const day = (name: string) => date(name, { mode: 'string' });
// PGlite answers bytea as Uint8Array, node-postgres as Buffer: one shape for callers.
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** The county-first primary key every tenant table has (migrations/0009_county_keys.sql). */
export const countyKey = (t: { countyId: AnyPgColumn; id: AnyPgColumn }) => [primaryKey({ columns: [t.countyId, t.id] })];

/** The columns of an uploaded file's row (evidence, self-evaluation files, attachments): what it is, who added it, who hid it. */
export const uploadedFileColumns = () => ({
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: tz('uploaded_at').notNull(),
  removedBy: uuid('removed_by'),
  removedAt: tz('removed_at'),
});
