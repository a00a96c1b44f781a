import { z } from 'zod';

// What the engine rates: one campaign's recorded results. The CLI and the HTTP API validate the
// shape with `ratingInputSchema`; the engine then checks the values against the standard
// (unknown indicators, points above the maximum, …) and throws a RatingInputError listing all
// problems at once.

const idSchema = z.string().min(1).max(100);
const pointsRecordSchema = z
  .record(z.string(), z.number())
  .meta({ description: 'Points by indicator or item id, at most two decimals' });

export const satisfactionCountsSchema = z
  .strictObject({
    sampleSize: z.int().min(1),
    satisfied: z.int().min(0),
    basicallySatisfied: z.int().min(0),
    unsatisfied: z.int().min(0),
  })
  .meta({ description: 'Survey counts (满意 / 基本满意 / 不满意); they must add up to sampleSize' });

export const satisfactionRateSchema = z
  .strictObject({ rate: z.number().min(0).max(100).meta({ description: 'Satisfied share in percent' }) })
  .meta({ description: 'A satisfaction rate already computed elsewhere' });

export const satisfactionInputSchema = z.union([satisfactionCountsSchema, satisfactionRateSchema]);

export const violationSchema = z.strictObject({
  category: idSchema.meta({ description: 'Violation category, e.g. discipline, petition, crime' }),
  reason: z.string().min(1).max(1000).meta({ description: 'What was confirmed, kept in the explanation' }),
  caseId: z.string().max(100).optional(),
  severity: z
    .enum(['yellowCard', 'veto'])
    .optional()
    .meta({ description: 'yellowCard 黄牌警告 (only for a category whose rule has a yellow card) or veto (default)' }),
});

export const villageInputSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  townId: idSchema,
  scores: z
    .record(z.string(), pointsRecordSchema)
    .meta({ description: 'Points by stage id (mutual, department, city, or a stage of a format-2 standard), then by indicator' }),
  bonus: pointsRecordSchema.optional(),
  deductions: pointsRecordSchema.optional().meta({ description: 'Points taken off, as positive numbers' }),
  satisfaction: satisfactionInputSchema.nullable().optional(),
  violations: z.array(violationSchema).optional(),
  lastYearStars: z.int().min(0).max(8).nullable().optional(),
  figures: z.record(z.string(), z.number()).optional(),
});

export const townInputSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  ownScore: z.number().min(0).nullable().optional().meta({ description: 'The town committee’s own assessment' }),
});

export const ratingInputSchema = z.strictObject({
  $schema: z.string().optional(),
  campaign: z
    .strictObject({ id: z.string().optional(), name: z.string().optional(), year: z.int().optional() })
    .optional(),
  towns: z.array(townInputSchema),
  villages: z.array(villageInputSchema),
});

export type SatisfactionInput = z.infer<typeof satisfactionInputSchema>;
export type ViolationInput = z.infer<typeof violationSchema>;
export type VillageInput = z.infer<typeof villageInputSchema>;
export type TownInput = z.infer<typeof townInputSchema>;
export type RatingInput = z.infer<typeof ratingInputSchema>;

export type RateOptions = {
  /** 'zero' (default): a missing score, figure or survey counts as 0 and is listed; 'error': it is an input error. */
  missing?: 'zero' | 'error';
  /** 'full' (default): explanation steps with Chinese text; 'none': results only (bulk runs). */
  explain?: 'full' | 'none';
};

export type RatingIssue = {
  code:
    | 'rating.score_out_of_range'
    | 'rating.too_many_decimals'
    | 'rating.unknown_indicator'
    | 'rating.unknown_stage'
    | 'rating.count_not_integer'
    | 'rating.no_yellow_card'
    | 'rating.stars_out_of_range'
    | 'rating.stage_not_scoring'
    | 'rating.formula_indicator_scored'
    | 'rating.unknown_item'
    | 'rating.unknown_figure'
    | 'rating.derived_figure_given'
    | 'rating.invalid_number'
    | 'rating.satisfaction_counts_mismatch'
    | 'rating.satisfaction_sample_too_small'
    | 'rating.missing_score'
    | 'rating.missing_figure'
    | 'rating.missing_satisfaction'
    | 'rating.unknown_town'
    | 'rating.duplicate_village'
    | 'rating.duplicate_town';
  /** Where, e.g. `villages[3].scores.city.team`. */
  path: string;
  villageId?: string;
  message: string;
  value?: number;
  max?: number;
};

/** One error for the whole input, listing every problem found; nothing is rated. */
export class RatingInputError extends Error {
  readonly code = 'rating.invalid_input';
  constructor(readonly issues: RatingIssue[]) {
    super(`rating input has ${issues.length} problem(s): ${issues.slice(0, 5).map((i) => `${i.path} ${i.code}`).join('; ')}`);
    this.name = 'RatingInputError';
  }
}
