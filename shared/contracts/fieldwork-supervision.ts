// Town level (跟踪问效): supervision records by method, with findings (问题症结) tracked to closure.
import { z } from 'zod';
import { dateStringSchema, pageQuerySchema, queryBooleanSchema } from './common.js';
import { yearSchema } from './fieldwork-pairing.js';

export const supervisionMethods = ['蹲点调研', '访谈座谈', '日常调度', '分析研判', '现场指导'] as const;
export const supervisionMethodSchema = z.enum(supervisionMethods);

export const findingStatusSchema = z.enum(['open', 'closed']);
export type FindingStatus = z.infer<typeof findingStatusSchema>;
export const findingStatusLabels: Record<FindingStatus, string> = { open: '跟踪中', closed: '已解决' };

export const findingSchema = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  description: z.string(),
  dueDate: dateStringSchema.nullable(),
  status: findingStatusSchema,
  actionTaken: z.string(),
  closedDate: dateStringSchema.nullable(),
  reopenReason: z.string(),
  overdue: z.boolean(),
  recordDate: dateStringSchema,
  method: supervisionMethodSchema,
});
export type Finding = z.infer<typeof findingSchema>;

export const supervisionRecordSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  recordDate: dateStringSchema,
  method: supervisionMethodSchema,
  keyTaskId: z.uuid().nullable(),
  keyTaskTitle: z.string().nullable(),
  subject: z.string(),
  summary: z.string(),
  participants: z.string(),
  findingsTotal: z.number().int(),
  findingsOpen: z.number().int(),
});
export type SupervisionRecord = z.infer<typeof supervisionRecordSchema>;

export const supervisionRecordDetailSchema = supervisionRecordSchema.extend({ findings: z.array(findingSchema) });
export type SupervisionRecordDetail = z.infer<typeof supervisionRecordDetailSchema>;

export const findingInputSchema = z.strictObject({
  description: z.string().trim().min(1).max(500),
  dueDate: dateStringSchema.nullable().optional(),
});
export type FindingInput = z.infer<typeof findingInputSchema>;

export const supervisionRecordCreateSchema = z.strictObject({
  villageId: z.uuid(),
  recordDate: dateStringSchema,
  method: supervisionMethodSchema,
  keyTaskId: z.uuid().nullable().optional(),
  subject: z.string().trim().min(1).max(100),
  summary: z.string().trim().max(2000).optional(),
  participants: z.string().trim().max(200).optional(),
  findings: z.array(findingInputSchema).max(20).default([]),
});
export type SupervisionRecordCreate = z.infer<typeof supervisionRecordCreateSchema>;

export const supervisionListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
  method: supervisionMethodSchema.optional(),
});
export type SupervisionListQuery = z.infer<typeof supervisionListQuerySchema>;

export const findingListQuerySchema = pageQuerySchema.extend({
  orgUnitId: z.uuid().optional(),
  status: findingStatusSchema.optional(),
  overdue: queryBooleanSchema.optional(),
});
export type FindingListQuery = z.infer<typeof findingListQuerySchema>;

export const findingCloseSchema = z.strictObject({ actionTaken: z.string().trim().min(1).max(1000) });
export const findingReopenSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
