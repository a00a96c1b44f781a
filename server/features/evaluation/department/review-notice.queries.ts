import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/core.js';
import { villageReviews } from '../../../db/schema/evaluation-stages.js';
import type { PublicReviewNotice } from '../../../../shared/contracts/evaluation-stages.js';
import { keyJoin } from '../../../db/scope.js';

const commenter = alias(users, 'commenter');
const publisher = alias(users, 'publisher');

const selectReviews = (db: Db) =>
  db
    .select({
      villageId: villageReviews.villageId,
      comment: villageReviews.comment,
      commentBy: commenter.displayName,
      commentAt: villageReviews.commentAt,
      publishedBy: publisher.displayName,
      publishedAt: villageReviews.publishedAt,
    })
    .from(villageReviews)
    .leftJoin(commenter, keyJoin(commenter, villageReviews.countyId, villageReviews.commentBy))
    .leftJoin(publisher, keyJoin(publisher, villageReviews.countyId, villageReviews.publishedBy));

export type ReviewRow = Awaited<ReturnType<typeof selectCampaignReviews>>[number];

export async function selectReview(db: Db, countyId: string, campaignId: string, villageId: string): Promise<ReviewRow | undefined> {
  const [row] = await selectReviews(db).where(and(eq(villageReviews.countyId, countyId), eq(villageReviews.campaignId, campaignId), eq(villageReviews.villageId, villageId)));
  return row;
}

export function selectCampaignReviews(db: Db, countyId: string, campaignId: string) {
  return selectReviews(db).where(and(eq(villageReviews.countyId, countyId), eq(villageReviews.campaignId, campaignId)));
}

export async function upsertReviewComment(db: Db, row: { countyId: string; campaignId: string; villageId: string; orgPath: string; comment: string; commentBy: string; commentAt: Date }) {
  await db
    .insert(villageReviews)
    .values(row)
    .onConflictDoUpdate({ target: [villageReviews.countyId, villageReviews.campaignId, villageReviews.villageId], set: { comment: row.comment, commentBy: row.commentBy, commentAt: row.commentAt } });
}

/** Publishes once: a second publication (or a race) changes nothing and reports 0. */
export async function markReviewPublished(db: Db, countyId: string, campaignId: string, villageId: string, by: string, at: Date, snapshot: PublicReviewNotice) {
  const rows = await db
    .update(villageReviews)
    .set({ publishedBy: by, publishedAt: at, publishedSnapshot: snapshot })
    .where(and(eq(villageReviews.countyId, countyId), eq(villageReviews.campaignId, campaignId), eq(villageReviews.villageId, villageId), isNull(villageReviews.publishedAt)))
    .returning({ id: villageReviews.id });
  return rows.length;
}

/** The published notice for the public page (ids are the key; nothing unpublished comes back). */
export async function selectPublishedNotice(db: Db, campaignId: string, villageId: string) {
  const [row] = await db
    .select({ snapshot: villageReviews.publishedSnapshot })
    .from(villageReviews)
    .where(and(eq(villageReviews.campaignId, campaignId), eq(villageReviews.villageId, villageId), isNotNull(villageReviews.publishedAt)));
  return row?.snapshot ?? undefined;
}
