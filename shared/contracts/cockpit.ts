// 数据驾驶舱: the campaign and the year's work at a glance, for the department, city and town leaders.
import { z } from 'zod';
import { campaignStatusSchema } from './campaigns.js';

const townFigure = z.object({ townId: z.uuid(), name: z.string(), value: z.number() });

export const cockpitSchema = z.object({
  year: z.number().int(),
  scopeName: z.string(),
  campaign: z.object({ id: z.uuid(), name: z.string(), status: campaignStatusSchema }).nullable(),
  /** Per town, the share (percent) of its villages' sheets filled in each stage of the current campaign. */
  progress: z.array(z.object({ townId: z.uuid(), name: z.string(), mutual: z.number(), department: z.number(), city: z.number() })),
  /** Villages per star count (0 = vetoed/none) in each year with results. */
  stars: z.array(z.object({ year: z.number().int(), counts: z.array(z.number().int()) })),
  /** Mean final score of each town's villages in the latest year with results. */
  towns: z.array(townFigure),
  /** Villages whose stars changed between the two latest years with results. */
  movers: z.array(z.object({ villageId: z.uuid(), name: z.string(), townName: z.string(), before: z.number().int(), after: z.number().int() })),
  fieldwork: z.object({ pairingCoverage: z.number(), overduePairings: z.number().int(), pairings: z.number().int(), closureRate: z.number(), problemsListed: z.number().int(), commitmentsMade: z.number().int(), commitmentsFulfilled: z.number().int() }),
  training: z.array(townFigure),
});
export type Cockpit = z.infer<typeof cockpitSchema>;
