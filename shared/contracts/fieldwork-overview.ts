// The field-work overview: the same figures the standard's formula indicators read, summed over
// the caller's scope (city, town, village or a leader's paired villages).
import { z } from 'zod';
import { yearSchema } from './fieldwork-pairing.js';

export const fieldworkFiguresSchema = z.object({
  villages: z.number().int(),
  pairedVillages: z.number().int(),
  /** Share of villages with a leader paired in the year, in percent (one decimal). */
  pairingCoverage: z.number(),
  leaderVisits: z.number().int(),
  keyTasks: z.number().int(),
  keyTasksDone: z.number().int(),
  /** Mean progress of the key tasks, in percent. */
  keyTaskProgress: z.number(),
  supervisionRecords: z.number().int(),
  findingsOpen: z.number().int(),
  householdVisits: z.number().int(),
  commitmentsMade: z.number().int(),
  commitmentsFulfilled: z.number().int(),
  problemsListed: z.number().int(),
  problemsClosed: z.number().int(),
  problemsOverdue: z.number().int(),
  /** problemsClosed / problemsListed in percent; 100 when nothing was listed (as the standard says). */
  closureRate: z.number(),
});
export type FieldworkFigures = z.infer<typeof fieldworkFiguresSchema>;

export const overviewRowSchema = fieldworkFiguresSchema.extend({ id: z.uuid(), name: z.string(), townName: z.string().nullable() });
export type OverviewRow = z.infer<typeof overviewRowSchema>;

export const leaderRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  villages: z.number().int(),
  visits: z.number().int(),
  overduePairings: z.number().int(),
});
export type LeaderRow = z.infer<typeof leaderRowSchema>;

export const fieldworkOverviewSchema = z.object({
  year: z.number().int(),
  /** What the caller sees: the city, one or more towns, villages, or a leader's pairings. */
  level: z.enum(['city', 'town', 'village', 'leader']),
  /** The units' names, or the leader's own name for a leader. */
  scopeName: z.string(),
  totals: fieldworkFiguresSchema,
  pairings: z.number().int(),
  overduePairings: z.number().int(),
  towns: z.array(overviewRowSchema),
  villages: z.array(overviewRowSchema),
  leaders: z.array(leaderRowSchema),
});
export type FieldworkOverview = z.infer<typeof fieldworkOverviewSchema>;

export const overviewQuerySchema = z.object({ year: yearSchema });
