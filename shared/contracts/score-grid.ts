// The score grid: a team's or a panel's villages × the stage's indicators, saved row by row with
// a version check, and the same sheet as an .xlsx.
import { z } from 'zod';
import { evaluationStageSchema } from './campaigns.js';
import { scoreInputSchema } from './common.js';

export const gridIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  dimensionName: z.string(),
  maxPoints: z.number(),
  /** 'arena': filled from the arena competition, read-only in the grid. */
  computedFrom: z.enum(['arena']).nullable(),
});
export type GridIndicator = z.infer<typeof gridIndicatorSchema>;

export const gridRowSchema = z.object({
  villageId: z.uuid(),
  name: z.string(),
  code: z.string(),
  townName: z.string(),
  canScore: z.boolean(),
  /** The sheet's version: a save names it and is refused when someone saved in between. */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  points: z.record(z.string(), z.number().nullable()),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const scoreGridSchema = z.object({
  campaignId: z.uuid(),
  campaignName: z.string(),
  stage: evaluationStageSchema,
  /** Why nothing can be typed now (window, stage), in Chinese; null when the grid is open. */
  lockReason: z.string().nullable(),
  window: z.object({ opens: z.string(), closes: z.string() }),
  indicators: z.array(gridIndicatorSchema),
  rows: z.array(gridRowSchema),
});
export type ScoreGrid = z.infer<typeof scoreGridSchema>;

export const gridParamsSchema = z.strictObject({ id: z.uuid(), stage: evaluationStageSchema });
export const gridRowParamsSchema = z.strictObject({ id: z.uuid(), stage: evaluationStageSchema, villageId: z.uuid() });

export const gridRowSaveSchema = z.strictObject({
  /** The version the scorer started from (0 for a sheet never saved). */
  version: z.number().int().min(0),
  scores: z.record(z.string().max(64), scoreInputSchema.nullable()),
});
export type GridRowSave = z.infer<typeof gridRowSaveSchema>;
