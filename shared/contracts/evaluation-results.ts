// Contracts of stage 3 and what follows the proposal: evidence per indicator, the violation
// register, star corrections, the public notice with objections, a village's star history and
// evaluation detail, the town committees' stars. Used by the server routes and the admin pages.
import { z } from 'zod';
import { dateStringSchema, pageQuerySchema } from './common.js';
import { campaignStatusSchema, evaluationStageSchema } from './campaigns.js';
import { knownViolationCategories } from '../standards/standard.js';
import { selfEvaluationStatusSchema } from './self-evaluation.js';

const villageRefSchema = z.object({ id: z.uuid(), name: z.string(), townName: z.string() });
const isoTime = z.string().meta({ description: 'ISO 8601 instant' });

// ── Evidence (查阅考评材料) ────────────────────────────────────────────────────────────────

/** What may be uploaded, decided by the file's first bytes (not its name or declared type). */
export const evidenceContentTypes = {
  'application/pdf': { label: 'PDF', extension: 'pdf' },
  'image/jpeg': { label: 'JPG 图片', extension: 'jpg' },
  'image/png': { label: 'PNG 图片', extension: 'png' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word 文档', extension: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel 表格', extension: 'xlsx' },
} as const;
export type EvidenceContentType = keyof typeof evidenceContentTypes;
export const maxEvidenceBytes = 10 * 1024 * 1024;

export const evidenceSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  villageId: z.uuid(),
  indicatorId: z.string(),
  indicatorName: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: isoTime,
  /** GET this URL to download (served as an attachment). */
  downloadUrl: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Upload: POST the raw file as the body (any Content-Type; the bytes decide) with this query. */
export const evidenceUploadQuerySchema = z.strictObject({
  indicatorId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(255),
});
export const evidenceListQuerySchema = z.strictObject({ indicatorId: z.string().min(1).max(64).optional() });
export const evidenceListSchema = z.object({
  /** Why the caller cannot upload now (stage closed, not the city team), in Chinese; null when they can. */
  uploadLockReason: z.string().nullable(),
  items: z.array(evidenceSchema),
});

// ── Violation register (违纪违法核查) ──────────────────────────────────────────────────────

/** The categories standards may name in their vetoes; the register offers them all. */
export const violationCategories = knownViolationCategories;
export const violationCategorySchema = z.enum(violationCategories);
export type ViolationCategory = z.infer<typeof violationCategorySchema>;
export const violationCategoryLabels: Record<ViolationCategory, string> = {
  discipline: '违反党规党纪',
  petition: '违规上访',
  crime: '违法犯罪',
  safety: '安全生产事故',
  integrity: '廉政问题',
  security: '治安问题',
};

/** reported → confirmed | dismissed; only confirmed records reach the rating. */
export const violationStatuses = ['reported', 'confirmed', 'dismissed'] as const;
export const violationStatusSchema = z.enum(violationStatuses);
export type ViolationStatus = z.infer<typeof violationStatusSchema>;
export const violationStatusLabels: Record<ViolationStatus, string> = { reported: '待核查', confirmed: '属实', dismissed: '不属实' };

/** A list row: the person's name masked, no details. */
export const violationSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  village: villageRefSchema,
  category: violationCategorySchema,
  occurredOn: dateStringSchema,
  status: violationStatusSchema,
  personNameMasked: z.string(),
  reportedByName: z.string(),
  reportedAt: isoTime,
  decidedByName: z.string().nullable(),
  decidedAt: isoTime.nullable(),
});
export type Violation = z.infer<typeof violationSchema>;

/** The full record: decrypted, and every read of it is audited (violation.view). */
export const violationDetailSchema = violationSchema.extend({
  personName: z.string(),
  details: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ViolationDetail = z.infer<typeof violationDetailSchema>;

const personNameSchema = z.string().trim().min(1).max(40);
const detailsSchema = z.string().trim().max(2000);

export const violationCreateSchema = z.strictObject({
  villageId: z.uuid(),
  personName: personNameSchema,
  category: violationCategorySchema,
  occurredOn: dateStringSchema,
  details: detailsSchema.optional(),
});
export type ViolationCreate = z.infer<typeof violationCreateSchema>;

/** Only while reported. */
export const violationUpdateSchema = z.strictObject({
  personName: personNameSchema.optional(),
  category: violationCategorySchema.optional(),
  occurredOn: dateStringSchema.optional(),
  details: detailsSchema.nullable().optional(),
});
export type ViolationUpdate = z.infer<typeof violationUpdateSchema>;

export const violationDecideSchema = z.strictObject({
  to: z.enum(['confirmed', 'dismissed']),
  note: z.string().trim().min(1).max(1000),
});
export type ViolationDecide = z.infer<typeof violationDecideSchema>;
/** 复核: a decided record turned over by another officer, with the reason (the way round a veto). */
export const violationReviseSchema = z.strictObject({
  to: z.enum(['confirmed', 'dismissed']),
  reason: z.string().trim().min(1).max(1000),
});
export type ViolationRevise = z.infer<typeof violationReviseSchema>;

/** What binds a village's stars: its confirmed records of the year and the most stars they allow. */
export const vetoCeilingSchema = z.object({
  limits: z.array(
    z.object({
      caseNo: z.string(),
      violationId: z.uuid(),
      category: violationCategorySchema,
      categoryLabel: z.string(),
      occurredOn: dateStringSchema,
      ruleName: z.string(),
      effect: z.enum(['noRating', 'capStars', 'lowerStars']),
      maxStars: z.number().int().nullable(),
      text: z.string(),
    }),
  ),
  noRating: z.boolean(),
  maxStars: z.number().int().nullable(),
  text: z.string().nullable(),
});
export type VetoCeilingView = z.infer<typeof vetoCeilingSchema>;

export const violationListQuerySchema = pageQuerySchema.extend({
  status: violationStatusSchema.optional(),
  category: violationCategorySchema.optional(),
  villageId: z.uuid().optional(),
  townId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ViolationListQuery = z.infer<typeof violationListQuerySchema>;

// ── Star corrections (公示期调整 / 定星后更正) ───────────────────────────────────────────────

export const correctionSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  village: villageRefSchema,
  /** The campaign's status when the stars were changed. */
  phase: z.enum(['notice', 'final']),
  starsBefore: z.number().int().nullable(),
  starsAfter: z.number().int().nullable(),
  reason: z.string(),
  objectionReceiptNo: z.string().nullable(),
  correctedByName: z.string(),
  correctedAt: isoTime,
});
export type Correction = z.infer<typeof correctionSchema>;

/** stars null withdraws the rating (撤销星级). Allowed in notice and final; before that use override. */
export const correctionCreateSchema = z.strictObject({
  stars: z.number().int().min(1).max(5).nullable(),
  reason: z.string().trim().min(1).max(500),
});
export type CorrectionCreate = z.infer<typeof correctionCreateSchema>;

// ── Objections (异议) ─────────────────────────────────────────────────────────────────────

export const objectionStatuses = ['received', 'handled', 'answered'] as const;
export const objectionStatusSchema = z.enum(objectionStatuses);
export type ObjectionStatus = z.infer<typeof objectionStatusSchema>;
export const objectionStatusLabels: Record<ObjectionStatus, string> = { received: '已受理', handled: '已核查', answered: '已答复' };
export const objectionDecisionSchema = z.enum(['accepted', 'rejected']);
export const objectionDecisionLabels = { accepted: '异议成立', rejected: '异议不成立' } as const;

export const objectionSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  receiptNo: z.string(),
  village: villageRefSchema,
  content: z.string(),
  contactMasked: z.string().nullable(),
  status: objectionStatusSchema,
  decision: objectionDecisionSchema.nullable(),
  handlingNote: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: isoTime.nullable(),
  /** The correction made when the objection was accepted with new stars. */
  correctionId: z.uuid().nullable(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: isoTime.nullable(),
  lodgedAt: isoTime,
});
export type Objection = z.infer<typeof objectionSchema>;

/** The detail adds the contact in clear; reading it is audited (objection.view_contact). */
export const objectionDetailSchema = objectionSchema.extend({ contact: z.string().nullable() });

export const objectionListQuerySchema = pageQuerySchema.extend({ status: objectionStatusSchema.optional(), villageId: z.uuid().optional() });
export type ObjectionListQuery = z.infer<typeof objectionListQuerySchema>;

/** Accepted may carry new stars (null withdraws them): a correction in the same transaction. */
export const objectionHandleSchema = z
  .strictObject({
    decision: objectionDecisionSchema,
    note: z.string().trim().min(1).max(1000),
    stars: z.number().int().min(1).max(5).nullable().optional(),
  })
  .refine((b) => b.decision === 'accepted' || b.stars === undefined, { message: '异议不成立时不能调整星级', path: ['stars'] });
export type ObjectionHandle = z.infer<typeof objectionHandleSchema>;

export const objectionAnswerSchema = z.strictObject({ answer: z.string().trim().min(1).max(1000) });

// ── Public notice (公示), no account ───────────────────────────────────────────────────────

export const publicNoticeSchema = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  /** notice: results proposed and open to objections; final: the notice is over. */
  phase: z.enum(['notice', 'final']),
  noticeStarts: dateStringSchema,
  noticeEnds: dateStringSchema,
  /** Objections are accepted today. */
  acceptingObjections: z.boolean(),
  /** As on the results page: the standard's level names instead of the stars, or both; null: stars only. */
  labelDisplay: z.enum(['labels', 'starsAndLabels']).nullable(),
  villages: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      townName: z.string(),
      score: z.number(),
      stars: z.number().int().nullable(),
      label: z.string().nullable(),
      rankInTown: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
    }),
  ),
  towns: z.array(z.object({ orgUnitId: z.uuid(), name: z.string(), stars: z.number().int().nullable() })),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const objectionLodgeSchema = z.strictObject({
  villageId: z.uuid(),
  content: z.string().trim().min(5).max(1000),
  contact: z.string().trim().max(50).optional(),
});
export type ObjectionLodge = z.infer<typeof objectionLodgeSchema>;

export const objectionReceiptSchema = z.object({ receiptNo: z.string(), villageName: z.string(), lodgedAt: isoTime });

export const receiptParamsSchema = z.strictObject({ receiptNo: z.string().regex(/^[A-Z0-9]{4,20}$/) });
export const publicObjectionSchema = z.object({
  receiptNo: z.string(),
  villageName: z.string(),
  lodgedAt: isoTime,
  status: objectionStatusSchema,
  answer: z.string().nullable(),
  answeredAt: isoTime.nullable(),
});
export type PublicObjection = z.infer<typeof publicObjectionSchema>;

// ── A village's evaluation and history ──────────────────────────────────────────────────

const stageScoreSchema = z
  .object({ points: z.number(), enteredByName: z.string(), enteredAt: isoTime })
  .nullable()
  .meta({ description: 'null: not entered, or the stage is not visible to the caller yet' });

export const villageEvaluationSchema = z.object({
  campaign: z.object({ id: z.uuid(), year: z.number().int(), name: z.string(), status: campaignStatusSchema }),
  village: villageRefSchema,
  /** Stages whose scores the caller sees: closed stages, or all for the department. */
  visibleStages: z.array(evaluationStageSchema),
  /** Every scored indicator of the standard with the three stages side by side. */
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dimensionName: z.string(),
      maxPoints: z.number(),
      stages: z.array(evaluationStageSchema),
      scores: z.object({ mutual: stageScoreSchema, department: stageScoreSchema, city: stageScoreSchema }),
      evidenceCount: z.number().int(),
    }),
  ),
  /** Raw entered totals per stage (before weights); null for a hidden stage. */
  stageTotals: z.object({ mutual: z.number().nullable(), department: z.number().nullable(), city: z.number().nullable() }),
  /**
   * The village's self-evaluation as a stage beside the others: counted (计入) when the standard
   * gives its self stage a weight, else reference only (仅供参考). `points` are the approved
   * points by indicator (empty until the town approves); `indicatorIds` the indicators it covers.
   */
  selfStage: z.object({
    name: z.string(),
    counted: z.boolean(),
    weight: z.number(),
    status: selfEvaluationStatusSchema,
    indicatorIds: z.array(z.string()),
    points: z.record(z.string(), z.number()),
    total: z.number().nullable(),
  }),
  /** The mass survey (群众测评) of stage 1, when entered and stage 1 is visible; the rate the engine drew from it is in result. */
  survey: z
    .object({
      sampleSize: z.number().int(),
      satisfied: z.number().int(),
      basicallySatisfied: z.number().int(),
      unsatisfied: z.number().int(),
      surveyDate: dateStringSchema.nullable(),
      enteredByName: z.string(),
    })
    .nullable(),
  evidence: z.array(evidenceSchema),
  /** Non-officers see confirmed categories only; officers (violation:read) see every record's number and status. */
  violations: z.array(
    z.object({
      category: violationCategorySchema,
      categoryLabel: z.string(),
      status: violationStatusSchema,
      occurredOn: dateStringSchema.nullable(),
      id: z.uuid().nullable(),
      caseNo: z.string().nullable(),
      /** A confirmed case the stored result took into account; false when confirmed after the computation (a correction may be due). */
      inResult: z.boolean(),
    }),
  ),
  result: z
    .object({
      status: z.enum(['proposed', 'final']),
      score: z.number(),
      stars: z.number().int().nullable(),
      engineStars: z.number().int().nullable(),
      vetoed: z.boolean(),
      namedStars: z.array(z.string()),
      rankInTown: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
      notes: z.array(z.string()),
      stageScores: z.record(z.string(), z.number()),
      dimensionScores: z.record(z.string(), z.number()),
      satisfactionRate: z.number().nullable(),
      levelFromScore: z.number().int().nullable(),
      /** The engine's explanation, step by step (rule, numbers, Chinese text). */
      steps: z.array(z.object({ rule: z.string(), text: z.string() }).loose()),
      overrideReason: z.string().nullable(),
      confirmedByName: z.string().nullable(),
      confirmedAt: isoTime.nullable(),
      computedAt: isoTime,
    })
    .nullable(),
  corrections: z.array(correctionSchema),
});
export type VillageEvaluation = z.infer<typeof villageEvaluationSchema>;

export const starHistorySchema = z.object({
  village: villageRefSchema,
  items: z.array(
    z.object({
      campaignId: z.uuid(),
      year: z.number().int(),
      campaignName: z.string(),
      status: z.enum(['proposed', 'final']),
      score: z.number(),
      stars: z.number().int().nullable(),
      engineStars: z.number().int().nullable(),
      rankInTown: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
      vetoed: z.boolean(),
      overridden: z.boolean(),
      corrected: z.boolean(),
    }),
  ),
});
export type StarHistory = z.infer<typeof starHistorySchema>;

export const townResultSchema = z.object({
  orgUnitId: z.uuid(),
  name: z.string(),
  stars: z.number().int().nullable(),
  /** The engine's steps for the town (villages by stars, the level row met, caps). */
  steps: z.array(z.object({ rule: z.string(), text: z.string() }).loose()),
});
export const townResultsSchema = z.object({ campaignId: z.uuid(), status: z.enum(['none', 'proposed', 'final']), towns: z.array(townResultSchema) });
export type TownResults = z.infer<typeof townResultsSchema>;
