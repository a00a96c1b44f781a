// City level (包保联系): pairings of city leaders with villages, visit logs, the visit-frequency
// rule and its compliance, and key tasks (重点工作).
import { z } from 'zod';
import { dateStringSchema, pageQuerySchema, queryBooleanSchema } from './common.js';

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const yearParamsSchema = z.strictObject({ year: yearSchema });
const shortText = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const pairingSchema = z.object({
  id: z.uuid(),
  leaderId: z.uuid(),
  leaderName: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  startDate: dateStringSchema,
  endDate: dateStringSchema.nullable(),
  note: z.string(),
  /** In force today. */
  active: z.boolean(),
  lastVisitDate: dateStringSchema.nullable(),
});
export type Pairing = z.infer<typeof pairingSchema>;

export const pairingCreateSchema = z.strictObject({
  leaderId: z.uuid(),
  villageId: z.uuid(),
  startDate: dateStringSchema,
  endDate: dateStringSchema.nullable().optional(),
  note: shortText(200).optional(),
});
export type PairingCreate = z.infer<typeof pairingCreateSchema>;

export const pairingUpdateSchema = z.strictObject({
  startDate: dateStringSchema.optional(),
  note: shortText(200).optional(),
});
export type PairingUpdate = z.infer<typeof pairingUpdateSchema>;

export const pairingEndSchema = z.strictObject({ endDate: dateStringSchema });

export const pairingListQuerySchema = pageQuerySchema.extend({
  leaderId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  active: queryBooleanSchema.optional(),
});
export type PairingListQuery = z.infer<typeof pairingListQuerySchema>;

export const visitPeriods = ['month', 'quarter', 'half_year', 'year'] as const;
export const visitPeriodSchema = z.enum(visitPeriods);
export type VisitPeriod = z.infer<typeof visitPeriodSchema>;
export const visitPeriodLabels: Record<VisitPeriod, string> = { month: '每月', quarter: '每季度', half_year: '每半年', year: '每年' };

export const visitRuleSchema = z.object({
  year: z.number().int(),
  period: visitPeriodSchema,
  minVisits: z.number().int(),
  /** True when the year has no rule of its own and the default (once a quarter) applies. */
  isDefault: z.boolean(),
});
export type VisitRule = z.infer<typeof visitRuleSchema>;

export const visitRuleWriteSchema = z.strictObject({
  period: visitPeriodSchema,
  minVisits: z.number().int().min(1).max(31),
});
export type VisitRuleWrite = z.infer<typeof visitRuleWriteSchema>;

export const compliancePeriodSchema = z.object({
  label: z.string(),
  start: dateStringSchema,
  end: dateStringSchema,
  visits: z.number().int(),
  met: z.boolean(),
  /** The period is over (or the pairing ended in it): a shortfall there is final. */
  ended: z.boolean(),
});

export const pairingComplianceSchema = pairingSchema.extend({
  periods: z.array(compliancePeriodSchema),
  visitsInYear: z.number().int(),
  missedPeriods: z.number().int(),
  overdue: z.boolean(),
});
export type PairingCompliance = z.infer<typeof pairingComplianceSchema>;

export const complianceQuerySchema = pageQuerySchema.extend({
  year: yearSchema,
  leaderId: z.uuid().optional(),
  overdueOnly: queryBooleanSchema.optional(),
});
export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

export const visitKinds = ['调研', '座谈', '现场指导', '走访慰问', '督导检查'] as const;
export const visitKindSchema = z.enum(visitKinds);

export const visitSchema = z.object({
  id: z.uuid(),
  pairingId: z.uuid(),
  leaderId: z.uuid(),
  leaderName: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  visitDate: dateStringSchema,
  kind: visitKindSchema,
  companions: z.string(),
  findings: z.string(),
  followUp: z.string(),
  photoIds: z.array(z.uuid()),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitCreateSchema = z.strictObject({
  pairingId: z.uuid(),
  visitDate: dateStringSchema,
  kind: visitKindSchema,
  companions: shortText(200).optional(),
  findings: shortText(2000).optional(),
  followUp: shortText(2000).optional(),
});
export type VisitCreate = z.infer<typeof visitCreateSchema>;

export const visitListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  leaderId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  kind: visitKindSchema.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const keyTaskCategories = ['产业谋划', '乡村治理标准化', '基层组织建设', '人居环境整治', '民生保障', '其他'] as const;
export const keyTaskCategorySchema = z.enum(keyTaskCategories);
export const keyTaskStatuses = ['planned', 'in_progress', 'stalled', 'done'] as const;
export const keyTaskStatusSchema = z.enum(keyTaskStatuses);
export type KeyTaskStatus = z.infer<typeof keyTaskStatusSchema>;
export const keyTaskStatusLabels: Record<KeyTaskStatus, string> = { planned: '未启动', in_progress: '推进中', stalled: '受阻', done: '已完成' };
export const keyTaskActions = ['start', 'stall', 'resume', 'complete'] as const;
export type KeyTaskAction = (typeof keyTaskActions)[number];

export const milestoneSchema = z.strictObject({
  title: requiredText(100),
  dueDate: dateStringSchema.nullable(),
  doneDate: dateStringSchema.nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const keyTaskSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  year: z.number().int(),
  category: keyTaskCategorySchema,
  title: z.string(),
  description: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  status: keyTaskStatusSchema,
  progress: z.number().int(),
  dueDate: dateStringSchema.nullable(),
  milestones: z.array(milestoneSchema),
  overdue: z.boolean(),
});
export type KeyTask = z.infer<typeof keyTaskSchema>;

export const keyTaskCreateSchema = z.strictObject({
  villageId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  category: keyTaskCategorySchema,
  title: requiredText(100),
  description: shortText(2000).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: dateStringSchema.nullable().optional(),
  milestones: z.array(milestoneSchema).max(20).optional(),
});
export type KeyTaskCreate = z.infer<typeof keyTaskCreateSchema>;

export const keyTaskUpdateSchema = z.strictObject({
  category: keyTaskCategorySchema.optional(),
  title: requiredText(100).optional(),
  description: shortText(2000).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: dateStringSchema.nullable().optional(),
  milestones: z.array(milestoneSchema).max(20).optional(),
  /** Below 100 while the task is open; completing it sets 100. */
  progress: z.number().int().min(0).max(99).optional(),
});
export type KeyTaskUpdate = z.infer<typeof keyTaskUpdateSchema>;

export const keyTaskTransitionSchema = z.strictObject({
  action: z.enum(keyTaskActions),
  note: shortText(500).optional(),
});

export const keyTaskListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
  category: keyTaskCategorySchema.optional(),
  status: keyTaskStatusSchema.optional(),
});
export type KeyTaskListQuery = z.infer<typeof keyTaskListQuerySchema>;
