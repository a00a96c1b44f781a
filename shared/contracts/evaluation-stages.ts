// Field work of evaluation stages 1 and 2: what the mutual-evaluation teams record (入户走访, 群众测评,
// 互评报告, 评星定级汇总表) and what the department's judge panels record (擂台比武, 民主评价,
// 点评意见, 整改任务, 在村公示). Server and admin pages share these shapes.
import { z } from 'zod';
import { dateStringSchema, pageQuerySchema, queryBooleanSchema, scoreInputSchema } from './common.js';
import { attachmentSchema } from './attachments.js';

const requiredText = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(1_000_000);

/** Path params of per-village work: /api/campaigns/:id/villages/:villageId/… */
export const campaignVillageParamsSchema = z.strictObject({ id: z.uuid(), villageId: z.uuid() });
/** Path params of per-town work: /api/campaigns/:id/towns/:townId/… */
export const campaignTownParamsSchema = z.strictObject({ id: z.uuid(), townId: z.uuid() });

/**
 * Whether the caller may change a record now. `lockReason` says why not, in Chinese (the stage has
 * not started or is closed, the caller only reads, the record was submitted or published).
 */
export const editStateSchema = z.object({ canEdit: z.boolean(), lockReason: z.string().nullable() });
export type EditState = z.infer<typeof editStateSchema>;

const villageRef = { villageId: z.uuid(), villageName: z.string(), townName: z.string() };

// ---------------------------------------------------------------------------------------------
// Stage 1: household visits (入户走访). No ID numbers or phone numbers in any text field.

export const mutualVisitSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  ...villageRef,
  /** How the household is called in the village, e.g. "三组 张家": never an ID or phone number. */
  household: z.string(),
  visitDate: dateStringSchema,
  visitors: z.string(),
  findings: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type MutualVisit = z.infer<typeof mutualVisitSchema>;

export const mutualVisitCreateSchema = z.strictObject({
  household: requiredText(60),
  /** Within the stage-1 window and not after today. */
  visitDate: dateStringSchema,
  visitors: requiredText(200),
  findings: z.string().trim().max(2000).default(''),
});
export type MutualVisitCreate = z.infer<typeof mutualVisitCreateSchema>;

export const mutualVisitUpdateSchema = z
  .strictObject({
    household: requiredText(60).optional(),
    visitDate: dateStringSchema.optional(),
    visitors: requiredText(200).optional(),
    findings: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type MutualVisitUpdate = z.infer<typeof mutualVisitUpdateSchema>;

export const mutualVisitListQuerySchema = pageQuerySchema.extend({ villageId: z.uuid().optional() });
export type MutualVisitListQuery = z.infer<typeof mutualVisitListQuerySchema>;
export const visitParamsSchema = z.strictObject({ id: z.uuid(), visitId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Stage 1: mass survey (群众测评), one result per village.

export const surveyCountsSchema = z.strictObject({
  sampleSize: z.number().int().min(1).max(1_000_000),
  satisfied: count,
  basicallySatisfied: count,
  unsatisfied: count,
});

/** The three counts must add up to the sample, and the sample reach the standard's minimum. */
export const surveySaveSchema = surveyCountsSchema.extend({ surveyDate: dateStringSchema.nullable().optional() });
export type SurveySave = z.infer<typeof surveySaveSchema>;

export const surveySchema = z.object({
  ...villageRef,
  sampleSize: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  surveyDate: dateStringSchema.nullable(),
  /**
   * The satisfaction rate in percent (two decimals) as the rating engine computes it under the
   * campaign's standard: how much a "基本满意" counts is the standard's `basicallySatisfiedCredit`.
   */
  rate: z.number().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

/** GET of one village: the survey (null before it is entered) and whether the caller may enter it. */
export const villageSurveySchema = editStateSchema.extend({
  village: z.object({ id: z.uuid(), name: z.string(), townName: z.string() }),
  /** The standard's minimum sample size, when it sets one. */
  minSampleSize: z.number().int().nullable(),
  basicallySatisfiedCredit: z.number().int(),
  survey: surveySchema.nullable(),
});
export type VillageSurvey = z.infer<typeof villageSurveySchema>;
export const surveyListQuerySchema = pageQuerySchema;

/** Stage-1 villages the caller may open, with how far the team's work has come. */
export const mutualVillageSchema = z.object({
  villageId: z.uuid(),
  name: z.string(),
  townId: z.uuid(),
  townName: z.string(),
  canEdit: z.boolean(),
  visits: z.number().int(),
  survey: z.object({ sampleSize: z.number().int(), rate: z.number().nullable() }).nullable(),
  sheetEntered: z.number().int(),
  sheetTotal: z.number().int(),
});
export const mutualOverviewSchema = z.object({ lockReason: z.string().nullable(), villages: z.array(mutualVillageSchema) });
export type MutualOverview = z.infer<typeof mutualOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// Stage 1: the mutual-evaluation report (互评报告) per evaluated town and its summary table.

export const mutualReportStatuses = ['none', 'draft', 'submitted'] as const;
export const mutualReportStatusSchema = z.enum(mutualReportStatuses);
export const mutualReportStatusLabels: Record<(typeof mutualReportStatuses)[number], string> = { none: '未撰写', draft: '草稿', submitted: '已提交' };

export const reportFindingSchema = z.strictObject({
  /** The village the finding is about, or null for the town as a whole. */
  villageId: z.uuid().nullable(),
  text: requiredText(1000),
});

export const mutualReportSaveSchema = z.strictObject({
  narrative: z.string().trim().max(20_000),
  findings: z.array(reportFindingSchema).max(100).default([]),
});
export type MutualReportSave = z.infer<typeof mutualReportSaveSchema>;

export const mutualReportSchema = editStateSchema.extend({
  campaignId: z.uuid(),
  town: z.object({ id: z.uuid(), name: z.string() }),
  /** The town whose team evaluated this one (null before teams are set). */
  evaluatorTown: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: mutualReportStatusSchema,
  narrative: z.string(),
  findings: z.array(z.object({ villageId: z.uuid().nullable(), villageName: z.string().nullable(), text: z.string() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type MutualReport = z.infer<typeof mutualReportSchema>;

export const mutualReportListItemSchema = z.object({
  town: z.object({ id: z.uuid(), name: z.string() }),
  evaluatorTown: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: mutualReportStatusSchema,
  submittedAt: z.string().nullable(),
  canEdit: z.boolean(),
});

/** One village's line of the star-rating summary table (评星定级汇总表). */
export const mutualSummaryRowSchema = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  /** Stage-1 points per dimension (only dimensions with stage-1 indicators), by dimension id. */
  dimensionScores: z.record(z.string(), z.number()),
  total: z.number(),
  maxTotal: z.number(),
  entered: z.number().int(),
  indicators: z.number().int(),
  survey: surveyCountsSchema.extend({ rate: z.number().nullable() }).nullable(),
  visits: z.number().int(),
  /**
   * Reference only (仅供参考): the stars the standard's level scheme gives the stage-1 score
   * scaled to the standard's full marks (total ÷ maxTotal × totalMaxScore, two decimals half up),
   * with the survey as the standard counts it. Null while the sheet is incomplete or when the
   * level scheme needs named stars, which stage 1 alone cannot give.
   */
  referenceScore: z.number().nullable(),
  referenceStars: z.number().int().nullable(),
  notes: z.array(z.string()),
});
export const mutualSummarySchema = z.object({
  campaignId: z.uuid(),
  town: z.object({ id: z.uuid(), name: z.string() }),
  evaluatorTown: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number() })),
  rows: z.array(mutualSummaryRowSchema),
});
export type MutualSummary = z.infer<typeof mutualSummarySchema>;

// ---------------------------------------------------------------------------------------------
// Stage 2: the arena competition (擂台比武).

export const arenaSettingsSchema = z.object({
  /** The department-stage indicator the arena result is written to; null: no arena this year. */
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  maxPoints: z.number().nullable(),
  /** default: the standard's `arenaCompetition` indicator; campaign: set for this campaign; none. */
  source: z.enum(['default', 'campaign', 'none']),
  /** Department-stage scored indicators the campaign may name. */
  candidates: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number() })),
  canEdit: z.boolean(),
  lockReason: z.string().nullable(),
});
export type ArenaSettings = z.infer<typeof arenaSettingsSchema>;
export const arenaSettingsSaveSchema = z.strictObject({ indicatorId: z.string().max(64).nullable() });

export const arenaScoreSaveSchema = z.strictObject({
  /** The judge's own score of the secretary's presentation; null withdraws it. */
  points: scoreInputSchema.nullable(),
});

export const arenaResultSchema = z.object({
  /** Trimmed mean in points, two decimals half up; null before any judge scored. */
  points: z.number().nullable(),
  judgesScored: z.number().int(),
  /** True when the highest and the lowest score were dropped (five judges or more). */
  trimmed: z.boolean(),
  dropped: z.object({ highest: z.number(), lowest: z.number() }).nullable(),
});

export const arenaVillageSchema = editStateSchema.extend({
  ...villageRef,
  indicator: z.object({ id: z.string(), name: z.string(), maxPoints: z.number() }),
  /** Judges of the village's panel(s): each scores once. */
  panelJudges: z.number().int(),
  myPoints: z.number().nullable(),
  /** Every judge's score and the result: for the department only (judges see their own score). */
  scores: z.array(z.object({ judgeUserId: z.uuid(), judgeName: z.string(), points: z.number(), enteredAt: z.string() })).nullable(),
  result: arenaResultSchema.nullable(),
});
export type ArenaVillage = z.infer<typeof arenaVillageSchema>;

export const arenaListItemSchema = z.object({
  ...villageRef,
  panelJudges: z.number().int(),
  judgesScored: z.number().int(),
  myPoints: z.number().nullable(),
  /** The result for the department; null for judges. */
  points: z.number().nullable(),
});
export const arenaListQuerySchema = pageQuerySchema;

// ---------------------------------------------------------------------------------------------
// Stage 2: democratic evaluation (民主评价): vote counts, shown as reference, not scored.

/** Counts are checked by the server (whole, not negative) so a bad one is named with its field. */
export const democraticVotesSaveSchema = z.strictObject({ excellent: scoreInputSchema, good: scoreInputSchema, fair: scoreInputSchema, poor: scoreInputSchema });
export type DemocraticVotesSave = z.infer<typeof democraticVotesSaveSchema>;
export const democraticVotesSchema = z.object({
  excellent: z.number().int(),
  good: z.number().int(),
  fair: z.number().int(),
  poor: z.number().int(),
  total: z.number().int(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export const villageDemocraticSchema = editStateSchema.extend({
  village: z.object({ id: z.uuid(), name: z.string(), townName: z.string() }),
  votes: democraticVotesSchema.nullable(),
});
export type VillageDemocratic = z.infer<typeof villageDemocraticSchema>;
export const democraticLabels = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' } as const;

// ---------------------------------------------------------------------------------------------
// Stage 2: rectification tasks (整改): open → submitted → verified, or returned → submitted again.

export const rectificationStatuses = ['open', 'submitted', 'verified', 'returned'] as const;
export const rectificationStatusSchema = z.enum(rectificationStatuses);
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>;
export const rectificationStatusLabels: Record<RectificationStatus, string> = { open: '待整改', submitted: '待核验', verified: '已核验', returned: '已退回' };
// attach: add or remove 整改材料 (the village, while the task waits for it).
export const rectificationActions = ['edit', 'attach', 'submit', 'verify', 'return'] as const;

export const rectificationTaskSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  ...villageRef,
  title: z.string(),
  requirement: z.string(),
  /** Who answers for it in the village, as text (e.g. 村党支部书记). */
  ownerText: z.string(),
  deadline: dateStringSchema,
  status: rectificationStatusSchema,
  /** Past the deadline while still waiting for the village (open or returned). */
  overdue: z.boolean(),
  evidence: z.string(),
  /** 整改材料: files the village handed in with its account of the work. */
  files: z.array(attachmentSchema),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifyNote: z.string(),
  returnReason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(rectificationActions)),
});
export type RectificationTask = z.infer<typeof rectificationTaskSchema>;

export const rectificationCreateSchema = z.strictObject({
  title: requiredText(100),
  requirement: z.string().trim().max(2000).default(''),
  ownerText: requiredText(60),
  deadline: dateStringSchema,
});
export type RectificationCreate = z.infer<typeof rectificationCreateSchema>;
export const rectificationUpdateSchema = z
  .strictObject({
    title: requiredText(100).optional(),
    requirement: z.string().trim().max(2000).optional(),
    ownerText: requiredText(60).optional(),
    deadline: dateStringSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type RectificationUpdate = z.infer<typeof rectificationUpdateSchema>;
export const rectificationSubmitSchema = z.strictObject({ evidence: requiredText(4000) });
export const rectificationVerifySchema = z.strictObject({ note: z.string().trim().max(500).default('') });
export const rectificationReturnSchema = z.strictObject({ reason: requiredText(500) });
export const rectificationListQuerySchema = pageQuerySchema.extend({
  villageId: z.uuid().optional(),
  status: rectificationStatusSchema.optional(),
  overdue: queryBooleanSchema.optional(),
});
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;
export const rectificationParamsSchema = z.strictObject({ id: z.uuid(), taskId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Stage 2: the panel's comment and the review result notice (在村公示).

export const reviewCommentSaveSchema = z.strictObject({ comment: requiredText(4000) });

export const reviewSchema = z.object({
  campaignId: z.uuid(),
  village: z.object({ id: z.uuid(), name: z.string(), townName: z.string() }),
  panels: z.array(z.object({ name: z.string(), departments: z.string() })),
  comment: z.string(),
  commentBy: z.string().nullable(),
  commentAt: z.string().nullable(),
  departmentTotal: z.number(),
  departmentMax: z.number(),
  /** Stage 2 complete: every department indicator scored, every panel judge scored the arena, a comment. */
  complete: z.boolean(),
  /** What is still missing, in Chinese. */
  missing: z.array(z.string()),
  canComment: z.boolean(),
  canPublish: z.boolean(),
  lockReason: z.string().nullable(),
  published: z.object({ publishedAt: z.string(), publishedBy: z.string(), publicPath: z.string() }).nullable(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewListItemSchema = z.object({
  ...villageRef,
  departmentTotal: z.number(),
  complete: z.boolean(),
  hasComment: z.boolean(),
  publishedAt: z.string().nullable(),
});
export const reviewListQuerySchema = pageQuerySchema;

/** What the public page shows: no personal data (no judge, no owner, no household). */
export const publicReviewNoticeSchema = z.object({
  campaignName: z.string(),
  year: z.number().int(),
  villageName: z.string(),
  townName: z.string(),
  panels: z.array(z.object({ name: z.string(), departments: z.string() })),
  comment: z.string(),
  departmentTotal: z.number(),
  departmentMax: z.number(),
  indicators: z.array(z.object({ dimensionName: z.string(), name: z.string(), points: z.number().nullable(), maxPoints: z.number() })),
  democratic: z.object({ excellent: z.number().int(), good: z.number().int(), fair: z.number().int(), poor: z.number().int() }).nullable(),
  rectifications: z.array(z.object({ title: z.string(), deadline: dateStringSchema })),
  publishedDate: dateStringSchema,
});
export type PublicReviewNotice = z.infer<typeof publicReviewNoticeSchema>;
export const publicReviewParamsSchema = z.strictObject({ campaignId: z.uuid(), villageId: z.uuid() });
