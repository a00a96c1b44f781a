// The inputs a computation rated besides the sheet scores (figures, satisfaction, last year's
// stars, the self stage's approved points), kept per village so that `fivestar reproduce` rates the same values later.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { campaignRatingInputs } from '../../../db/schema/sealed-decisions.js';

/** `selfScores`: the self stage's points by indicator ({} when none were rated). */
export type KeptInput = { villageId: string; figures: Record<string, number>; satisfaction: unknown; lastYearStars: number | null; selfScores?: Record<string, number> };

export async function replaceRatingInputs(db: Db, countyId: string, campaignId: string, rows: readonly KeptInput[], at: Date): Promise<void> {
  await db.delete(campaignRatingInputs).where(and(eq(campaignRatingInputs.countyId, countyId), eq(campaignRatingInputs.campaignId, campaignId)));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(campaignRatingInputs).values(rows.slice(i, i + 500).map((r) => ({ countyId, campaignId, villageId: r.villageId, figures: r.figures, satisfaction: r.satisfaction ?? null, lastYearStars: r.lastYearStars, selfScores: r.selfScores ?? {}, keptAt: at })));
  }
}

export async function selectRatingInputs(db: Db, countyId: string, campaignId: string): Promise<Map<string, KeptInput>> {
  const rows = await db
    .select({ villageId: campaignRatingInputs.villageId, figures: campaignRatingInputs.figures, satisfaction: campaignRatingInputs.satisfaction, lastYearStars: campaignRatingInputs.lastYearStars, selfScores: campaignRatingInputs.selfScores })
    .from(campaignRatingInputs)
    .where(and(eq(campaignRatingInputs.countyId, countyId), eq(campaignRatingInputs.campaignId, campaignId)));
  return new Map(rows.map((r) => [r.villageId, r]));
}
