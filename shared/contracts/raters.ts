// 评价质量 (fair raters): what the campaign page shows about stage-1 teams and arena judges.
// The analysis and its thresholds: docs/raters.md.
import { z } from 'zod';

export const raterFlagKindLabels = {
  reciprocal_leniency: '互评互相偏高',
  team_leniency: '互评组偏宽',
  team_severity: '互评组偏严',
  outlier_rater: '评委离群',
} as const;

export const flagVillageSchema = z.object({ villageId: z.string(), villageName: z.string(), score: z.number(), reference: z.number(), difference: z.number() });

export const raterFlagSchema = z.object({
  kind: z.enum(['reciprocal_leniency', 'team_leniency', 'team_severity', 'outlier_rater']),
  /** For judges: off the panel (points) or noisy (ratio of spreads). */
  aspect: z.enum(['offset', 'noise']).nullable(),
  unitIds: z.array(z.string()),
  unitNames: z.array(z.string()),
  raterIds: z.array(z.string()),
  raterNames: z.array(z.string()),
  effect: z.number(),
  threshold: z.number(),
  n: z.number().int(),
  message: z.string(),
  villages: z.array(flagVillageSchema),
});

export const teamCellSchema = z.object({
  teamTownId: z.string(),
  teamTownName: z.string(),
  townId: z.string(),
  townName: z.string(),
  n: z.number().int(),
  rawMedian: z.number().nullable(),
  bias: z.number().nullable(),
});

export const judgeDeviationSchema = z.object({
  raterId: z.string(),
  name: z.string(),
  n: z.number().int(),
  offset: z.number().nullable(),
  spread: z.number().nullable(),
  noiseRatio: z.number().nullable(),
});

export const campaignRatersSchema = z.object({
  campaignId: z.uuid(),
  flags: z.array(raterFlagSchema),
  towns: z.array(z.object({ id: z.string(), name: z.string() })),
  cells: z.array(teamCellSchema),
  judges: z.array(judgeDeviationSchema),
  notes: z.array(z.string()),
  scales: z.object({ teamSigma: z.number().nullable(), judgeSigma: z.number().nullable(), commonOffset: z.number(), centred: z.boolean() }),
  counts: z.object({ mutual: z.number().int(), department: z.number().int(), city: z.number().int(), arena: z.number().int() }),
  rules: z.object({ teamFloor: z.number(), judgeFloor: z.number(), k: z.number(), minVillages: z.number(), minJudgeVillages: z.number(), noiseRatio: z.number() }),
});

export type RaterFlagView = z.infer<typeof raterFlagSchema>;
export type CampaignRaters = z.infer<typeof campaignRatersSchema>;
