import { z } from 'zod';
import { pageQuerySchema } from './common.js';

export const auditEntrySchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  at: z.string(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  event: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = pageQuerySchema.extend({
  event: z.string().trim().max(60).optional(),
  username: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(40).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

const chainCheckSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  /** Rows were cut from the end: the anchored head was not reached. */
  truncated: z.boolean(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
/** The county's chain; `ok` is false if it or the chain of unknown-name login failures is broken. */
export const auditVerifySchema = chainCheckSchema.extend({ unknownNames: chainCheckSchema });

/** Chinese names of audit events and object types: one catalogue, shared/audit-labels.ts. */
export { auditEventLabels, auditObjectLabels } from '../audit-labels.js';
