// Stage 2 in grids: a judge's villages × the arena score, and × the democratic vote counts. Each
// grid is saved as one block (everything or nothing) and is also an .xlsx template to fill.
import { z } from 'zod';
import { scoreInputSchema } from './common.js';

const gridVillage = {
  villageId: z.uuid(),
  name: z.string(),
  code: z.string(),
  townName: z.string(),
  /** The caller is a judge of the village's panel (and not of its own town or village). */
  canEdit: z.boolean(),
};

const gridHead = {
  campaignId: z.uuid(),
  campaignName: z.string(),
  /** Why nothing can be typed now (window, stage), in Chinese; null when the grid is open. */
  lockReason: z.string().nullable(),
  window: z.object({ opens: z.string(), closes: z.string() }),
};

export const arenaGridSchema = z.object({
  ...gridHead,
  indicator: z.object({ id: z.string(), name: z.string(), maxPoints: z.number() }),
  /** The caller's own score per village (judges never see each other's in the grid). */
  rows: z.array(z.object({ ...gridVillage, points: z.number().nullable() })),
});
export type ArenaGrid = z.infer<typeof arenaGridSchema>;

export const democraticGridSchema = z.object({
  ...gridHead,
  rows: z.array(
    z.object({
      ...gridVillage,
      votes: z.object({ excellent: z.number().int(), good: z.number().int(), fair: z.number().int(), poor: z.number().int() }).nullable(),
      enteredBy: z.string().nullable(),
    }),
  ),
});
export type DemocraticGrid = z.infer<typeof democraticGridSchema>;

const maxBatchRows = 500;

/** Text passes the contract so that 'abc' is refused per cell by the same checks as the forms. */
export const arenaGridSaveSchema = z.strictObject({
  rows: z.array(z.strictObject({ villageId: z.uuid(), points: scoreInputSchema.nullable() })).min(1).max(maxBatchRows),
});
export type ArenaGridSave = z.infer<typeof arenaGridSaveSchema>;

const storedVotesSchema = z.strictObject({ excellent: z.number().int(), good: z.number().int(), fair: z.number().int(), poor: z.number().int() });

export const democraticGridSaveSchema = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        villageId: z.uuid(),
        excellent: scoreInputSchema,
        good: scoreInputSchema,
        fair: scoreInputSchema,
        poor: scoreInputSchema,
        /**
         * The counts the grid was loaded with (null: none yet). When given, a village whose stored
         * counts changed meanwhile refuses the block (409 democratic.conflict): a panel's judges
         * share these counts, and the second save must not overwrite the first unseen.
         */
        based: storedVotesSchema.nullable().optional(),
      }),
    )
    .min(1)
    .max(maxBatchRows),
});
export type DemocraticGridSave = z.infer<typeof democraticGridSaveSchema>;

/** One refused cell of a block: which village, which column (`points` or a vote key), why. */
export const gridCellErrorSchema = z.object({ villageId: z.string(), column: z.string(), code: z.string(), reason: z.string() });
export type GridCellError = z.infer<typeof gridCellErrorSchema>;
