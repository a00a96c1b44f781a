// Contracts of the village self-evaluation (自评) with approvals, and of the what-if (距下一星还差什么).
// 自评: draft → submitted (signed by the village secretary's account) → approved by the town, or
// returned with a reason → submitted again; the department may send an approved one back to the
// town with a reason (submitted again). Only draft and returned can be edited.
import { z } from 'zod';
import { pageQuerySchema } from './common.js';

const isoTime = z.string().meta({ description: 'ISO 8601 instant' });

export const selfEvaluationStatuses = ['not_started', 'draft', 'submitted', 'returned', 'approved'] as const;
export const selfEvaluationStatusSchema = z.enum(selfEvaluationStatuses);
export type SelfEvaluationStatus = z.infer<typeof selfEvaluationStatusSchema>;
export const selfEvaluationStatusLabels: Record<SelfEvaluationStatus, string> = {
  not_started: '未填报',
  draft: '填报中',
  submitted: '待镇审核',
  returned: '已退回村',
  approved: '镇已审核通过',
};
/** What the village entered, by indicator id (stored as it was typed, never rounded). */
export type SelfEvaluationItems = Record<string, { points: number | null; note: string }>;

export const selfEvaluationActions = ['edit', 'submit', 'approve', 'return', 'unapprove'] as const;
export type SelfEvaluationAction = (typeof selfEvaluationActions)[number];

const personAt = z.object({ name: z.string(), at: isoTime }).nullable();

export const selfEvaluationFileSchema = z.object({
  id: z.uuid(),
  indicatorId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string(),
  uploadedAt: isoTime,
  downloadUrl: z.string(),
});
export type SelfEvaluationFile = z.infer<typeof selfEvaluationFileSchema>;

export const selfEvaluationSchema = z.object({
  campaignId: z.uuid(),
  village: z.object({ id: z.uuid(), name: z.string(), townId: z.uuid(), townName: z.string() }),
  status: selfEvaluationStatusSchema,
  /** How the standard treats the self-evaluation stage: counted with a weight, or shown for reference. */
  stageRole: z.enum(['counted', 'reference']),
  stageRoleText: z.string(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dimensionName: z.string(),
      maxPoints: z.number(),
      points: z.number().nullable(),
      note: z.string(),
      files: z.array(selfEvaluationFileSchema),
    }),
  ),
  total: z.number(),
  maxTotal: z.number(),
  /** Who signed the submission (the village secretary's account) and when. */
  submitted: personAt,
  reviewed: personAt,
  /** The last reason it was sent back, and by which level (the town to the village, the city to the town). */
  returnReason: z.string().nullable(),
  returnedBy: z.enum(['town', 'city']).nullable(),
  /** Why the caller cannot edit now (in Chinese), or null. */
  lockReason: z.string().nullable(),
  actions: z.array(z.enum(selfEvaluationActions)),
  version: z.number().int(),
});
export type SelfEvaluation = z.infer<typeof selfEvaluationSchema>;

export const selfEvaluationRowSchema = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  townId: z.uuid(),
  townName: z.string(),
  status: selfEvaluationStatusSchema,
  total: z.number().nullable(),
  submitted: personAt,
  reviewed: personAt,
  returnReason: z.string().nullable(),
  returnedBy: z.enum(['town', 'city']).nullable(),
  actions: z.array(z.enum(selfEvaluationActions)),
});
export type SelfEvaluationRow = z.infer<typeof selfEvaluationRowSchema>;

export const selfEvaluationListQuerySchema = pageQuerySchema.extend({
  townId: z.uuid().optional(),
  status: selfEvaluationStatusSchema.optional(),
});
export type SelfEvaluationListQuery = z.infer<typeof selfEvaluationListQuerySchema>;
export const selfEvaluationListSchema = z.object({
  items: z.array(selfEvaluationRowSchema),
  total: z.number().int(),
  /** Counts per status over the whole filtered scope (before paging), for the tabs. */
  counts: z.record(z.string(), z.number().int()),
});

/** Points in hundredths at most; the server refuses more precision rather than rounding. */
export const selfEvaluationSaveSchema = z.strictObject({
  version: z.number().int().min(0),
  items: z
    .array(
      z.strictObject({
        indicatorId: z.string().min(1).max(64),
        points: z.number().nullable(),
        note: z.string().trim().max(1000).default(''),
      }),
    )
    .max(500),
});
export type SelfEvaluationSave = z.infer<typeof selfEvaluationSaveSchema>;
export const selfEvaluationReasonSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const selfEvaluationFileQuerySchema = z.strictObject({
  indicatorId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(255),
});

// ── What-if (距下一星还差什么) ──────────────────────────────────────────────────────────────

export const whatIfSchema = z.object({
  villageId: z.uuid(),
  /** Stars the village would have on the data the caller may see now (null: not rated, e.g. vetoed). */
  currentStars: z.number().int().nullable(),
  currentScore: z.number(),
  status: z.enum(['top', 'vetoed', 'reachable', 'blocked']),
  target: z.number().int().nullable(),
  text: z.string(),
  /** Present when blocked: the rule that points cannot fix (veto, prerequisite, satisfaction_cap, quota, points). */
  rule: z.string().nullable(),
  gains: z.array(
    z.object({ indicatorId: z.string(), name: z.string(), dimension: z.string(), from: z.number(), to: z.number(), gain: z.number(), maxPoints: z.number() }),
  ),
  totalGain: z.number(),
  /** Which stages' scores were used: stages not yet published to the caller count as empty. */
  basisText: z.string(),
});
export type WhatIfAnswer = z.infer<typeof whatIfSchema>;
