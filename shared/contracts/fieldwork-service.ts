// Village level (为民服务): practical matters for the people (为民办实事) and the problem list
// (问题清单) built from household visits (逐户走访).
import { z } from 'zod';
import { attachmentSchema } from './attachments.js';
import { dateStringSchema, pageQuerySchema, queryBooleanSchema } from './common.js';
import { yearSchema } from './fieldwork-pairing.js';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const commitmentCategories = ['基础设施', '产业发展', '民生保障', '人居环境', '文化服务', '其他'] as const;
export const commitmentCategorySchema = z.enum(commitmentCategories);
export const commitmentStatuses = ['draft', 'submitted', 'returned', 'approved', 'in_progress', 'settled', 'published'] as const;
export const commitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;
export const commitmentStatusLabels: Record<CommitmentStatus, string> = {
  draft: '草稿',
  submitted: '待镇审核',
  returned: '已退回',
  approved: '已审核',
  in_progress: '推进中',
  settled: '已评定',
  published: '已公示',
};
export const commitmentOutcomes = ['fulfilled', 'partly', 'unfulfilled'] as const;
export const commitmentOutcomeSchema = z.enum(commitmentOutcomes);
export type CommitmentOutcome = z.infer<typeof commitmentOutcomeSchema>;
export const commitmentOutcomeLabels: Record<CommitmentOutcome, string> = { fulfilled: '已兑现', partly: '部分兑现', unfulfilled: '未兑现' };

export const fieldworkEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  note: z.string(),
});
export type FieldworkEvent = z.infer<typeof fieldworkEventSchema>;

export const commitmentSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  year: z.number().int(),
  category: commitmentCategorySchema,
  title: z.string(),
  description: z.string(),
  targetDate: dateStringSchema.nullable(),
  status: commitmentStatusSchema,
  outcome: commitmentOutcomeSchema.nullable(),
  outcomeReason: z.string(),
  evidence: z.string(),
  returnReason: z.string(),
  progressNote: z.string(),
  approvedDate: dateStringSchema.nullable(),
  settledDate: dateStringSchema.nullable(),
  publishedDate: dateStringSchema.nullable(),
});
export type Commitment = z.infer<typeof commitmentSchema>;
export const commitmentDetailSchema = commitmentSchema.extend({ events: z.array(fieldworkEventSchema) });
export type CommitmentDetail = z.infer<typeof commitmentDetailSchema>;

export const commitmentCreateSchema = z.strictObject({
  villageId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  category: commitmentCategorySchema,
  title: required(100),
  description: text(2000).optional(),
  targetDate: dateStringSchema.nullable().optional(),
});
export type CommitmentCreate = z.infer<typeof commitmentCreateSchema>;

export const commitmentUpdateSchema = z.strictObject({
  category: commitmentCategorySchema.optional(),
  title: required(100).optional(),
  description: text(2000).optional(),
  targetDate: dateStringSchema.nullable().optional(),
});
export type CommitmentUpdate = z.infer<typeof commitmentUpdateSchema>;

export const commitmentReasonSchema = z.strictObject({ reason: required(500) });
export const commitmentNoteSchema = z.strictObject({ note: required(1000) });
export const commitmentSettleSchema = z.strictObject({
  outcome: commitmentOutcomeSchema,
  reason: text(1000).optional(),
  evidence: text(2000).optional(),
});
export type CommitmentSettle = z.infer<typeof commitmentSettleSchema>;
export const commitmentPublishAllSchema = z.strictObject({ villageId: z.uuid(), year: z.number().int().min(2000).max(2100) });

export const commitmentListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
  status: commitmentStatusSchema.optional(),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuerySchema>;

/** What the public notice (公示) shows: no names of people, no contact details. */
export const publicCommitmentsSchema = z.object({
  villageName: z.string(),
  townName: z.string(),
  year: z.number().int(),
  years: z.array(z.number().int()),
  items: z.array(
    z.object({
      title: z.string(),
      category: z.string(),
      description: z.string(),
      outcome: commitmentOutcomeSchema,
      outcomeReason: z.string(),
      evidence: z.string(),
      publishedDate: dateStringSchema,
    }),
  ),
});
export type PublicCommitments = z.infer<typeof publicCommitmentsSchema>;
export const publicCommitmentsQuerySchema = z.object({ year: yearSchema.optional() });

export const householdVisitSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  visitDate: dateStringSchema,
  household: z.string(),
  visitors: z.string(),
  notes: z.string(),
  problemCount: z.number().int(),
});
export type HouseholdVisit = z.infer<typeof householdVisitSchema>;

export const householdVisitCreateSchema = z.strictObject({
  villageId: z.uuid(),
  visitDate: dateStringSchema,
  household: required(60),
  visitors: required(100),
  notes: text(2000).optional(),
});
export type HouseholdVisitCreate = z.infer<typeof householdVisitCreateSchema>;

export const householdVisitListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
});
export type HouseholdVisitListQuery = z.infer<typeof householdVisitListQuerySchema>;

export const problemCategories = ['基础设施', '产业发展', '社会保障', '矛盾纠纷', '环境卫生', '医疗教育', '其他'] as const;
export const problemCategorySchema = z.enum(problemCategories);
export const problemSources = ['逐户走访', '群众来访', '网格巡查', '上级交办', '其他'] as const;
export const problemSourceSchema = z.enum(problemSources);
export const problemStatuses = ['open', 'claimed', 'in_progress', 'resolved', 'confirmed'] as const;
export const problemStatusSchema = z.enum(problemStatuses);
export type ProblemStatus = z.infer<typeof problemStatusSchema>;
export const problemStatusLabels: Record<ProblemStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  in_progress: '办理中',
  resolved: '已销号',
  confirmed: '已确认',
};

export const problemSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  villageName: z.string(),
  townName: z.string(),
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  household: z.string(),
  category: problemCategorySchema,
  source: problemSourceSchema,
  householdVisitId: z.uuid().nullable(),
  reportedDate: dateStringSchema,
  dueDate: dateStringSchema.nullable(),
  status: problemStatusSchema,
  claimedByName: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  claimedDate: dateStringSchema.nullable(),
  resolution: z.string(),
  resolvedDate: dateStringSchema.nullable(),
  confirmedVia: z.enum(['town', 'villager']).nullable(),
  confirmedDate: dateStringSchema.nullable(),
  confirmationNote: z.string(),
  reopenCount: z.number().int(),
  reopenReason: z.string(),
  overdue: z.boolean(),
  /** Whether the caller may work on it (claimed it, or is the village's administrator). */
  mine: z.boolean(),
});
export type Problem = z.infer<typeof problemSchema>;
export const problemDetailSchema = problemSchema.extend({
  events: z.array(fieldworkEventSchema),
  /** 销号材料: files the claimer attached while working the problem. */
  files: z.array(attachmentSchema),
  /** Whether the caller may add or remove files now (may close it, and it is not yet closed). */
  canAttach: z.boolean(),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const problemCreateSchema = z.strictObject({
  villageId: z.uuid(),
  title: required(100),
  description: text(2000).optional(),
  household: text(60).optional(),
  category: problemCategorySchema,
  source: problemSourceSchema,
  householdVisitId: z.uuid().nullable().optional(),
  reportedDate: dateStringSchema,
  dueDate: dateStringSchema.nullable().optional(),
});
export type ProblemCreate = z.infer<typeof problemCreateSchema>;

export const problemUpdateSchema = z.strictObject({
  title: required(100).optional(),
  description: text(2000).optional(),
  household: text(60).optional(),
  category: problemCategorySchema.optional(),
  dueDate: dateStringSchema.nullable().optional(),
});
export type ProblemUpdate = z.infer<typeof problemUpdateSchema>;

export const problemClaimSchema = z.strictObject({ assigneeId: z.uuid().nullable().optional() });
export const problemResolveSchema = z.strictObject({ resolution: required(1000) });
export const problemConfirmSchema = z.strictObject({ note: text(500).optional() });
export const problemReopenSchema = z.strictObject({ reason: required(500) });

/** A resolved problem comes back with the one-time link its villager opens to confirm. */
export const problemResolvedSchema = z.object({ problem: problemSchema, confirmPath: z.string().nullable() });

export const problemListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
  status: problemStatusSchema.optional(),
  category: problemCategorySchema.optional(),
  source: problemSourceSchema.optional(),
  overdue: queryBooleanSchema.optional(),
  mine: queryBooleanSchema.optional(),
  q: z.string().trim().max(40).optional(),
});
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

export const publicProblemSchema = z.object({
  villageName: z.string(),
  title: z.string(),
  resolution: z.string(),
  resolvedDate: dateStringSchema.nullable(),
});
export type PublicProblem = z.infer<typeof publicProblemSchema>;
export const tokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const publicConfirmSchema = z.strictObject({ satisfied: z.boolean(), note: text(200).optional() });
