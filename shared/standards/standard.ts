import { z } from 'zod';

// The rating standard (评星标准) is data. This schema is the single source for the TypeScript
// types, the validation of a standard file and `standards/standard.schema.json` (editors use it
// for completion). Semantic rules a schema cannot express (sums, orders, references) live in
// standard-checks.ts. Defaults are applied by the engine, not here, so that the parsed value is
// exactly the file a department wrote.

/** The three stage ids of format 1 (and of the app's evaluation tables, which still assume them). */
export const stageIds = ['mutual', 'department', 'city'] as const;
export type LegacyStageId = (typeof stageIds)[number];

/**
 * What a stage is, independent of its id (format 2 lets a standard name its stages freely):
 * self 自评 (the village's own evaluation, signed by the secretary), mutual 摸底互评, town 镇级审核,
 * department 部门点评, city 市级考评, other (anything else, e.g. a public review).
 */
export const stageKinds = ['self', 'mutual', 'town', 'department', 'city', 'other'] as const;
export const stageKindSchema = z
  .enum(stageKinds)
  .meta({ description: 'Stage kind: self 自评, mutual 摸底互评, town 镇级审核, department 部门点评, city 市级考评, other' });
export type StageKind = z.infer<typeof stageKindSchema>;

const stageIdPattern = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const stageIdSchema = z
  .string()
  .regex(stageIdPattern)
  .meta({ description: 'Stage id; format 1 allows only mutual, department, city' });
export type StageId = string;

/** Format versions the engine reads; a file without formatVersion is format 1 and is upgraded on reading. */
export const currentFormatVersion = 2;

/** Violation categories the discipline and petition offices record; a standard may add its own. */
export const knownViolationCategories = ['discipline', 'petition', 'crime', 'safety', 'integrity', 'security'] as const;

const slugSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/)
  .meta({ description: 'Identifier: a letter, then letters, digits, "_", "-" or "." (at most 64)' });
const nameSchema = z.string().min(1).max(200);
const pointsSchema = z
  .number()
  .min(0)
  .max(100000)
  .meta({ description: 'Points, at most two decimals' });
const percentSchema = z.number().min(0).max(100);
/** Star levels run up to 8 (format 2; format 1 stops at 5). */
export const maxStarLevel = 8;
const starsSchema = z.int().min(1).max(maxStarLevel);
const belowTopSchema = z.int().min(0).max(maxStarLevel - 1);

export const stageSchema = z
  .strictObject({
    id: stageIdSchema,
    name: nameSchema,
    kind: stageKindSchema
      .optional()
      .meta({ description: 'Required in format 2; format 1 takes the kind from the id' }),
    weight: z.int().min(0).max(100).meta({ description: 'Weight in percent; counted stages add up to 100' }),
    referenceOnly: z
      .boolean()
      .optional()
      .meta({ description: 'Shown in results but not counted (weight must be 0)' }),
  })
  .meta({ description: 'An evaluation stage (三阶逐评, 自评, …), counted with a weight or shown as reference' });

const indicatorBase = {
  id: slugSchema,
  name: nameSchema,
  maxPoints: pointsSchema,
  guidance: z.string().max(4000).meta({ description: 'Scoring guidance shown to judges (评分细则)' }),
  evidence: z.array(z.string().min(1)).meta({ description: 'Evidence required (佐证材料)' }),
};

export const piecewiseMappingSchema = z
  .strictObject({
    type: z.literal('piecewise'),
    points: z
      .array(z.strictObject({ x: z.number(), points: pointsSchema }))
      .min(1)
      .meta({ description: 'Corners, x ascending; linear between them, flat outside' }),
  })
  .meta({ description: 'Piecewise-linear mapping from a figure to points' });

export const stepsMappingSchema = z
  .strictObject({
    type: z.literal('steps'),
    steps: z
      .array(z.strictObject({ min: z.number(), points: pointsSchema }))
      .min(1)
      .meta({ description: 'From the highest min down; the first step with figure >= min gives its points' }),
    otherwise: pointsSchema.optional().meta({ description: 'Points below every step (default 0)' }),
  })
  .meta({ description: 'Step mapping from a figure to points' });

export const formulaMappingSchema = z.discriminatedUnion('type', [piecewiseMappingSchema, stepsMappingSchema]);

export const scoredIndicatorSchema = z
  .strictObject({
    ...indicatorBase,
    kind: z.literal('scored'),
    stages: z
      .array(stageIdSchema)
      .min(1)
      .meta({ description: 'Stages whose judges score this indicator' }),
  })
  .meta({ description: 'An indicator scored by judges in one or more stages' });

export const formulaIndicatorSchema = z
  .strictObject({
    ...indicatorBase,
    kind: z.literal('formula'),
    formula: z.strictObject({
      figure: slugSchema.meta({ description: 'Id of a figure declared in `figures`' }),
      mapping: formulaMappingSchema,
    }),
  })
  .meta({ description: 'An indicator computed from a recorded figure, the same for every stage' });

export const indicatorSchema = z.discriminatedUnion('kind', [scoredIndicatorSchema, formulaIndicatorSchema]);

export const dimensionSchema = z.strictObject({
  id: slugSchema,
  name: nameSchema,
  maxPoints: pointsSchema.meta({ description: 'Must equal the sum of its indicators' }),
  namedStar: z
    .strictObject({
      name: nameSchema.meta({ description: 'e.g. 支部过硬星' }),
      minPoints: pointsSchema.meta({ description: 'Dimension score needed to earn the star' }),
      higher: z
        .strictObject({
          name: nameSchema.meta({ description: 'e.g. 支部过硬星（优秀）' }),
          minPoints: pointsSchema.meta({ description: 'Dimension score for the higher tier (at least minPoints)' }),
        })
        .optional()
        .meta({ description: 'A second tier of the named star (format 2), counted by minHigherNamedStars' }),
    })
    .optional(),
  indicators: z.array(indicatorSchema).min(1),
});

export const figureSchema = z
  .strictObject({
    id: slugSchema,
    name: nameSchema,
    unit: z.string().max(20),
    ratio: z
      .strictObject({
        numerator: slugSchema,
        denominator: slugSchema,
        scale: z.int().min(1).max(1000000).meta({ description: '100 for a percentage, 1 for a plain ratio' }),
        whenDenominatorZero: z
          .number()
          .optional()
          .meta({ description: 'Value when the denominator is 0; without it the figure counts as missing' }),
      })
      .optional()
      .meta({ description: 'Derived figure: numerator / denominator × scale, from recorded figures' }),
  })
  .meta({ description: 'A figure recorded per village (or derived from two recorded ones)' });

export const adjustmentItemSchema = z.strictObject({
  id: slugSchema,
  name: nameSchema,
  maxPoints: pointsSchema,
  guidance: z.string().max(4000),
  perCount: pointsSchema
    .optional()
    .meta({ description: 'Counted item (format 2): the input is a count, each worth perCount points, up to maxPoints (+5 per honour, at most 10)' }),
  dimension: slugSchema
    .optional()
    .meta({ description: 'Bonus only (format 2): the points also count towards this dimension’s named star' }),
});

export const adjustmentGroupSchema = z.strictObject({
  cap: pointsSchema.meta({ description: 'The group total is cut to this many points' }),
  items: z.array(adjustmentItemSchema),
});

export const satisfactionSchema = z
  .strictObject({
    weightPercent: z
      .int()
      .min(0)
      .max(100)
      .meta({ description: 'Share of the final score from the satisfaction rate (0 = not weighted)' }),
    basicallySatisfiedCredit: z
      .int()
      .min(0)
      .max(100)
      .optional()
      .meta({ description: 'Percent of a "basically satisfied" answer counted as satisfied (default 100)' }),
    minSampleSize: z.int().min(1).optional(),
    caps: z
      .array(z.strictObject({ belowPercent: percentSchema, maxStars: belowTopSchema }))
      .optional()
      .meta({ description: 'A rate below belowPercent limits the level to maxStars' }),
  })
  .meta({ description: 'Mass satisfaction (群众满意度): a weighted part of the score and/or a cap' });

export const thresholdSchemeSchema = z
  .strictObject({
    type: z.literal('thresholds'),
    thresholds: z
      .array(z.strictObject({ stars: starsSchema, minScore: pointsSchema }))
      .min(1)
      .meta({ description: 'Highest stars first; the first row whose minScore the final score reaches' }),
    minStars: belowTopSchema.meta({ description: 'Level when no row is reached' }),
  })
  .meta({ description: 'Level from the final score by thresholds' });

export const namedStarSchemeSchema = z
  .strictObject({
    type: z.literal('namedStars'),
    levels: z
      .array(
        z.strictObject({
          stars: starsSchema,
          minNamedStars: z.int().min(0).max(30),
          minHigherNamedStars: z
            .int()
            .min(0)
            .max(30)
            .optional()
            .meta({ description: 'Named stars needed at their higher tier (namedStar.higher), format 2' }),
          minScore: pointsSchema.optional().meta({ description: 'Pass mark on the final score' }),
          requiredDimensions: z
            .array(slugSchema)
            .optional()
            .meta({ description: 'Dimensions whose named star is required for this level' }),
        }),
      )
      .min(1)
      .meta({ description: 'Highest stars first; the first row whose conditions all hold' }),
    minStars: belowTopSchema,
  })
  .meta({ description: 'Level from the named stars earned (and a pass mark on the total)' });

export const outcomesSchema = z
  .strictObject({
    display: z
      .enum(['labels', 'starsAndLabels'])
      .meta({ description: 'labels: results show the label instead of stars; starsAndLabels: both' }),
    labels: z
      .array(z.strictObject({ stars: z.int().min(0).max(maxStarLevel), label: nameSchema }))
      .min(1)
      .meta({ description: 'The outcome of each level, e.g. 2 → 和美家园, 1 → 达标, 0 → 未达标; every reachable level needs one' }),
  })
  .meta({ description: 'Outcome labels (达标 / 和美家园 / 未达标, 先进 / 合格 / 基本合格 / 不合格) beside or instead of stars (format 2)' });

export const levelSchemeSchema = z.discriminatedUnion('type', [thresholdSchemeSchema, namedStarSchemeSchema]);

export const prerequisiteSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('lastYearStars'),
      stars: z.int().min(2).max(maxStarLevel),
      minStars: starsSchema,
      whenUnknown: z
        .enum(['unmet', 'met'])
        .optional()
        .meta({ description: 'When last year is not known (default unmet)' }),
    })
    .meta({ description: 'A level needs last year at minStars or more' }),
  z
    .strictObject({
      type: z.literal('figure'),
      stars: z.int().min(2).max(maxStarLevel),
      figure: slugSchema,
      min: z.number(),
      description: z.string().max(200).optional(),
    })
    .meta({ description: 'A level needs a figure (e.g. an innovation-project flag) at min or more' }),
]);

export const vetoEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('noRating') }),
  z.strictObject({ type: z.literal('capStars'), maxStars: belowTopSchema }),
  z.strictObject({ type: z.literal('lowerStars'), by: z.int().min(1).max(maxStarLevel - 1) }),
]);

export const vetoRuleSchema = z
  .strictObject({
    category: slugSchema.meta({
      description: `Violation category, e.g. ${knownViolationCategories.join(', ')}`,
    }),
    name: nameSchema.meta({ description: 'e.g. 违反党规党纪' }),
    effect: vetoEffectSchema,
    yellowCard: z
      .strictObject({
        name: nameSchema.optional().meta({ description: 'e.g. 黄牌警告' }),
        maxStars: belowTopSchema,
      })
      .optional()
      .meta({ description: 'Format 2: a violation recorded with severity "yellowCard" only caps the stars; the effect is for a full veto' }),
  })
  .meta({ description: 'Veto or downgrade for a confirmed violation (一票否决)' });

export const dataRuleSchema = z
  .strictObject({
    name: nameSchema.meta({ description: 'e.g. 连续三年未发展党员' }),
    figure: slugSchema.meta({ description: 'A figure declared in `figures`' }),
    min: z.number().meta({ description: 'The rule applies when the figure is below min (a missing figure counts as 0, or is an error with --strict)' }),
    effect: vetoEffectSchema,
  })
  .meta({ description: 'A rule from recorded data (format 2), e.g. no new Party member in 3 years → not rated' });

export const rankingKeySchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('stars'), direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('finalScore'), direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('baseScore'), direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('stageScore'), stage: stageIdSchema, direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('dimensionScore'), dimension: slugSchema, direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('satisfactionRate'), direction: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ key: z.literal('name'), direction: z.enum(['asc', 'desc']).optional() }),
]);
export type RankingKey = z.infer<typeof rankingKeySchema>;

export const quotaSchema = z
  .strictObject({
    scope: z.enum(['city', 'town']),
    base: z
      .enum(['allVillages', 'ratedVillages'])
      .meta({ description: 'Percentages of all villages, or of those not vetoed' }),
    limits: z
      .array(z.strictObject({ stars: z.int().min(2).max(maxStarLevel), maxPercent: percentSchema }))
      .meta({ description: 'At most maxPercent at a level (rounded down); may be empty in format 2 when targets or minimum shares are given' }),
    targets: z
      .array(z.strictObject({ stars: z.int().min(2).max(maxStarLevel), targetPercent: percentSchema }))
      .optional()
      .meta({ description: 'About targetPercent at a level (format 2): places = base × percent rounded half up; the rest drop one level' }),
    minimumShares: z
      .array(z.strictObject({ atMostStars: z.int().min(0).max(maxStarLevel - 1), minPercent: percentSchema }))
      .optional()
      .meta({ description: 'At least minPercent at atMostStars or below (format 2), rounded up; the lowest-ranked villages above drop to atMostStars' }),
    ties: z
      .enum(['byKeys', 'allKeep', 'refer'])
      .optional()
      .meta({ description: 'Villages tied on every order key at a place boundary (format 2): byKeys (default) breaks by name and id; allKeep lets all keep the level; refer lists them for the department to decide' }),
    order: z
      .array(rankingKeySchema)
      .min(1)
      .optional()
      .meta({ description: 'Who keeps the star when over the limit (default: ranking.keys)' }),
  })
  .meta({ description: 'Places (名额) per level: at most, about (targets) and minimum shares, and how ties at a boundary are settled' });

export const townLevelSchema = z.strictObject({
  stars: starsSchema,
  minOwnScore: pointsSchema.optional(),
  minAverageVillageStars: z.number().min(0).max(maxStarLevel).optional(),
  minShareOfVillages: z
    .strictObject({ atLeastStars: starsSchema, percent: percentSchema })
    .optional()
    .meta({ description: 'At least percent of the town’s villages at atLeastStars or more' }),
});

export const townSchemeSchema = z
  .strictObject({
    ownScoreMax: pointsSchema,
    levels: z.array(townLevelSchema).min(1).meta({ description: 'Highest stars first' }),
    minStars: belowTopSchema,
    capWhenVillageVetoed: z
      .int()
      .min(0)
      .max(maxStarLevel - 1)
      .optional()
      .meta({ description: 'A town with a vetoed village gets at most this many stars' }),
  })
  .meta({ description: 'Town Party committee stars from its own score and its villages’ results' });

export const standardSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .meta({ description: 'Format of this file: 2 for the current format; absent or 1 for the first format (upgraded when read)' }),
    id: slugSchema,
    name: nameSchema,
    version: z.string().min(1).max(40),
    region: nameSchema,
    year: z.int().min(2000).max(2100).optional(),
    description: z.string().max(4000).optional(),
    totalMaxScore: pointsSchema.meta({ description: 'Sum of the dimensions’ maxPoints' }),
    stages: z.array(stageSchema).min(1),
    dimensions: z.array(dimensionSchema).min(1).max(30),
    figures: z.array(figureSchema).optional(),
    bonus: adjustmentGroupSchema.optional().meta({ description: 'Bonus items (加分项)' }),
    deductions: adjustmentGroupSchema.optional().meta({ description: 'Deduction items (扣分项)' }),
    satisfaction: satisfactionSchema.optional(),
    levelScheme: levelSchemeSchema,
    outcomes: outcomesSchema.optional(),
    prerequisites: z.array(prerequisiteSchema).optional(),
    vetoes: z.array(vetoRuleSchema).optional(),
    dataRules: z.array(dataRuleSchema).optional(),
    quotas: quotaSchema.optional(),
    ranking: z.strictObject({ keys: z.array(rankingKeySchema).min(1) }),
    townScheme: townSchemeSchema.optional(),
  })
  .meta({
    title: 'Five-star rating standard (评星标准)',
    description: 'A versioned rating standard evaluated by the fivestar rating engine',
  });

export type Standard = z.infer<typeof standardSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type FormulaMapping = z.infer<typeof formulaMappingSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type LevelScheme = z.infer<typeof levelSchemeSchema>;
export type Prerequisite = z.infer<typeof prerequisiteSchema>;
export type VetoRule = z.infer<typeof vetoRuleSchema>;
export type VetoEffect = z.infer<typeof vetoEffectSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type TownScheme = z.infer<typeof townSchemeSchema>;
export type Outcomes = z.infer<typeof outcomesSchema>;
