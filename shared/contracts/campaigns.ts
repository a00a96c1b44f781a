import { z } from 'zod';
import { dateStringSchema, pageQuerySchema, scoreInputSchema } from './common.js';

export const evaluationStages = ['mutual', 'department', 'city'] as const;
export const evaluationStageSchema = z.enum(evaluationStages);
export type EvaluationStage = z.infer<typeof evaluationStageSchema>;
export const stageLabels: Record<EvaluationStage, string> = { mutual: '摸底互评', department: '部门点评', city: '市级考评' };

/** The campaign moves forward one step at a time, each an explicit, audited action. */
export const campaignStatuses = ['draft', 'mutual', 'department', 'city', 'notice', 'final'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;
export const campaignStatusLabels: Record<CampaignStatus, string> = {
  draft: '筹备中',
  mutual: '摸底互评',
  department: '部门点评',
  city: '市级考评',
  notice: '结果公示',
  final: '已定星',
};

const windowSchema = z.strictObject({ opens: dateStringSchema, closes: dateStringSchema });
export const stageWindowsSchema = z.strictObject({ mutual: windowSchema, department: windowSchema, city: windowSchema });
export type StageWindows = z.infer<typeof stageWindowsSchema>;
/**
 * This year's stage weights. `self`: the weight of the standard's self stage (kind 'self', any
 * id), only for a standard that has one; 0 makes it reference only. The counted stages add up to 100.
 */
export const stageWeightsSchema = z.strictObject({
  mutual: z.number().int().min(0).max(100),
  department: z.number().int().min(0).max(100),
  city: z.number().int().min(0).max(100),
  self: z.number().int().min(0).max(100).optional(),
});
export type StageWeights = z.infer<typeof stageWeightsSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  standardId: z.uuid(),
  standardName: z.string(),
  standardVersion: z.string(),
  status: campaignStatusSchema,
  windows: stageWindowsSchema,
  stageWeights: stageWeightsSchema,
  noticeDays: z.number().int(),
  noticeStarts: z.string().nullable(),
  noticeEnds: z.string().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(80),
  standardId: z.uuid(),
  windows: stageWindowsSchema,
  stageWeights: stageWeightsSchema.optional(),
  noticeDays: z.number().int().min(1).max(30).optional(),
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  windows: stageWindowsSchema.optional(),
  stageWeights: stageWeightsSchema.optional(),
  noticeDays: z.number().int().min(1).max(30).optional(),
});
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

/** `reason`: the written reason that lets an advance pass unmet (overridable) conditions, audited. */
export const campaignAdvanceSchema = z.strictObject({ to: campaignStatusSchema, reason: z.string().trim().min(2).max(500).optional() });
export type CampaignAdvance = z.infer<typeof campaignAdvanceSchema>;

export const readinessKinds = ['early_window', 'unscored_sheets', 'unpublished_notices', 'open_rectifications', 'unapproved_self_evaluations', 'no_results', 'villages_without_stars', 'unresolved_referrals', 'notice_running', 'open_objections'] as const;
export type ReadinessKind = (typeof readinessKinds)[number];

/** One unmet condition of the next step: what it is, how many, which ones. */
export const readinessItemSchema = z.object({
  kind: z.enum(readinessKinds),
  text: z.string(),
  count: z.number().int(),
  /** Which villages, sheets or tasks, one line each. */
  details: z.array(z.string()),
  /** true: a written reason lets the advance go past it; false: it must be dealt with first. */
  overridable: z.boolean(),
});
export type ReadinessItem = z.infer<typeof readinessItemSchema>;

export const campaignReadinessSchema = z.object({
  campaignId: z.uuid(),
  from: campaignStatusSchema,
  /** null when the campaign is final. */
  to: campaignStatusSchema.nullable(),
  /** The next stage's filling window, when the next step opens a scoring stage. */
  window: z.object({ stage: evaluationStageSchema, opens: z.string(), closes: z.string() }).nullable(),
  today: z.string(),
  ready: z.boolean(),
  items: z.array(readinessItemSchema),
});
export type CampaignReadiness = z.infer<typeof campaignReadinessSchema>;
export const campaignListQuerySchema = pageQuerySchema;

export const scoreSheetSchema = z.object({
  campaignId: z.uuid(),
  stage: evaluationStageSchema,
  village: z.object({ id: z.uuid(), name: z.string(), townName: z.string() }),
  /** Why the sheet cannot be edited now, in Chinese; null when it can. */
  lockReason: z.string().nullable(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      dimensionName: z.string(),
      maxPoints: z.number(),
      guidance: z.string(),
      evidence: z.array(z.string()),
      points: z.number().nullable(),
      enteredBy: z.string().nullable(),
      enteredAt: z.string().nullable(),
      /** 'arena': the points are the arena competition's trimmed mean, not typed on the sheet. */
      computedFrom: z.enum(['arena']).nullable(),
    }),
  ),
  total: z.number(),
  maxTotal: z.number(),
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

export const scoreSheetSaveSchema = z.strictObject({
  scores: z.record(z.string().max(64), scoreInputSchema.nullable()),
});
export type ScoreSheetSave = z.infer<typeof scoreSheetSaveSchema>;

export const scoreSheetParamsSchema = z.strictObject({ id: z.uuid(), stage: evaluationStageSchema, villageId: z.uuid() });

export const campaignResultsSchema = z.object({
  campaignId: z.uuid(),
  /** proposed: computed, not yet final; final: after the notice period. */
  status: z.enum(['none', 'proposed', 'final']),
  /** How the ranking is ordered, in words, from the standard's ranking keys (shown above the list). */
  orderedBy: z.string(),
  /** The standard names its levels (format 2 outcomes): show the label instead of the stars, or both; null: stars only. */
  labelDisplay: z.enum(['labels', 'starsAndLabels']).nullable(),
  villages: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      townName: z.string(),
      score: z.number(),
      stars: z.number().int().nullable(),
      /** The name of the final level (e.g. 和美家园) when the standard names its levels. */
      label: z.string().nullable(),
      engineStars: z.number().int().nullable(),
      vetoed: z.boolean(),
      overridden: z.boolean(),
      /** 定星 done for this village (confirmed by the department). */
      confirmed: z.boolean(),
      /** The written reason of an override (调整), shown on hover in the ranking. */
      overrideReason: z.string().nullable(),
      /** The last correction (更正) after confirmation: stars before → after and why. */
      correction: z.object({ starsBefore: z.number().int().nullable(), starsAfter: z.number().int().nullable(), reason: z.string() }).nullable(),
      /** 建议已变化: a recomputation moved the proposal of a decided village; it must be confirmed again. */
      proposalChange: z
        .object({ engineBefore: z.number().int().nullable(), engineAfter: z.number().int().nullable(), scoreBefore: z.number(), scoreAfter: z.number(), why: z.string(), at: z.string() })
        .nullable(),
      rankInTown: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
      notes: z.array(z.string()),
    }),
  ),
  /**
   * Ties at a quota boundary the standard refers to the department (ties: 'refer'): the tied
   * villages, the places left open and whether the department has decided (an override with a
   * reason gives a place or keeps the level). Unresolved referrals block the notice.
   */
  referrals: z.array(
    z.object({
      scope: z.enum(['city', 'town']),
      townId: z.uuid().nullable(),
      townName: z.string().nullable(),
      stars: z.number().int(),
      places: z.number().int(),
      given: z.number().int(),
      resolved: z.boolean(),
      text: z.string(),
      villages: z.array(z.object({ orgUnitId: z.uuid(), name: z.string(), townName: z.string(), stars: z.number().int().nullable(), decided: z.boolean() })),
    }),
  ),
  /**
   * The towns of the ranking in scope with their stars; left out when the query says `towns=false`
   * (the ranking's later pages and filters, which do not show them: a province has 200).
   */
  towns: z
    .array(
      z.object({
        orgUnitId: z.uuid(),
        name: z.string(),
        stars: z.number().int().nullable(),
        /** The town committee's own assessment score as entered, null when not yet entered. */
        ownScore: z.number().nullable(),
      }),
    )
    .optional(),
  /**
   * Present when a page was asked for (`page` or `pageSize`): `villages` is that page of the
   * filtered ranking. `total` only when `count=true`, so a province's pages do not each count
   * 10,000 rows.
   */
  page: z.object({ page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean(), total: z.number().int().nullable() }).optional(),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;
export type CampaignResultsTown = NonNullable<CampaignResults['towns']>[number];

/**
 * Filters and paging of a campaign's results. Without `page` and `pageSize` the whole ranking in
 * scope is answered, as the county's results page reads it; a province pages and filters here.
 */
export const campaignResultsQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
  /** One town's villages, in their ranking order. */
  town: z.uuid().optional(),
  /** Part of the village's name. */
  search: z.string().trim().min(1).max(60).optional(),
  /** Villages with these stars; 0 = 不定级 (no stars). */
  stars: z.coerce.number().int().min(0).max(5).optional(),
  count: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** `false`: leave the towns out of the answer (they are sent unless asked not to). */
  towns: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type CampaignResultsQuery = z.infer<typeof campaignResultsQuerySchema>;

export const teamSchema = z.object({
  id: z.uuid(),
  evaluatorTown: z.object({ id: z.uuid(), name: z.string() }),
  targetTown: z.object({ id: z.uuid(), name: z.string() }),
  leaderUserId: z.uuid().nullable(),
  memberIds: z.array(z.uuid()),
});
export type Team = z.infer<typeof teamSchema>;

export const teamsSaveSchema = z.strictObject({
  teams: z
    .array(
      z.strictObject({
        evaluatorTownId: z.uuid(),
        targetTownId: z.uuid(),
        leaderUserId: z.uuid().nullable().optional(),
        memberIds: z.array(z.uuid()).max(30).default([]),
      }),
    )
    .max(200),
});
export type TeamsSave = z.infer<typeof teamsSaveSchema>;

export const panelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  departments: z.string(),
  memberIds: z.array(z.uuid()),
  villageIds: z.array(z.uuid()),
});
export const panelCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  departments: z.string().trim().min(1).max(200),
  memberIds: z.array(z.uuid()).min(1).max(30),
  villageIds: z.array(z.uuid()).min(1).max(500),
});
export type PanelCreate = z.infer<typeof panelCreateSchema>;

export const sheetListItemSchema = z.object({
  villageId: z.uuid(),
  name: z.string(),
  townName: z.string(),
  entered: z.number().int(),
  total: z.number().int(),
  canScore: z.boolean(),
});

export const overrideSchema = z.strictObject({
  stars: z.number().int().min(1).max(5).nullable(),
  reason: z.string().trim().min(1).max(500),
});
