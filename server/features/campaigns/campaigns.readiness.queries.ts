import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rectificationTasks, villageReviews } from '../../db/schema/evaluation-stages.js';

/** Villages whose department review notice is published. */
export async function selectPublishedReviewVillageIds(db: Db, countyId: string, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .select({ villageId: villageReviews.villageId })
    .from(villageReviews)
    .where(and(eq(villageReviews.countyId, countyId), eq(villageReviews.campaignId, campaignId), isNotNull(villageReviews.publishedAt)));
  return new Set(rows.map((r) => r.villageId));
}

/** Rectification tasks not yet verified (open, submitted or returned). */
export function selectUnverifiedRectifications(db: Db, countyId: string, campaignId: string) {
  return db
    .select({ villageId: rectificationTasks.villageId, title: rectificationTasks.title, status: rectificationTasks.status })
    .from(rectificationTasks)
    .where(and(eq(rectificationTasks.countyId, countyId), eq(rectificationTasks.campaignId, campaignId), ne(rectificationTasks.status, 'verified')))
    .orderBy(rectificationTasks.createdAt);
}
