import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { resultCorrections, resultObjections } from '../../../db/schema/evaluation-city.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';

const village = alias(orgUnits, 'village');
const town = alias(orgUnits, 'town');

export type CorrectionRow = {
  correction: typeof resultCorrections.$inferSelect;
  villageName: string;
  townName: string | null;
  correctedByName: string;
  receiptNo: string | null;
};

export async function insertCorrection(db: Db, row: typeof resultCorrections.$inferInsert): Promise<void> {
  await db.insert(resultCorrections).values(row);
}

/** Corrections in scope, oldest first; by campaign, by village, or both. */
/** Each corrected village's corrections in order (later ones win), for the ranking pages: no names, no count. */
export async function selectCorrectionStars(db: Db, countyId: string, campaignId: string, scope: readonly string[]) {
  return db
    .select({ villageId: resultCorrections.villageId, starsBefore: resultCorrections.starsBefore, starsAfter: resultCorrections.starsAfter, reason: resultCorrections.reason })
    .from(resultCorrections)
    .where(and(eq(resultCorrections.countyId, countyId), eq(resultCorrections.campaignId, campaignId), inSubtrees(resultCorrections.orgPath, scope)))
    .orderBy(asc(resultCorrections.correctedAt), asc(resultCorrections.id));
}

export async function selectCorrections(
  db: Db,
  countyId: string,
  scope: readonly string[],
  filter: { campaignId?: string; villageId?: string },
  page?: { page: number; pageSize: number },
): Promise<{ items: CorrectionRow[]; total: number }> {
  const where = and(
    eq(resultCorrections.countyId, countyId),
    inSubtrees(resultCorrections.orgPath, scope),
    filter.campaignId ? eq(resultCorrections.campaignId, filter.campaignId) : undefined,
    filter.villageId ? eq(resultCorrections.villageId, filter.villageId) : undefined,
  );
  const query = db
    .select({ correction: resultCorrections, villageName: village.name, townName: town.name, correctedByName: users.displayName, receiptNo: resultObjections.receiptNo })
    .from(resultCorrections)
    .innerJoin(village, keyJoin(village, resultCorrections.countyId, resultCorrections.villageId))
    .leftJoin(town, keyJoin(town, village.countyId, village.parentId))
    .innerJoin(users, keyJoin(users, resultCorrections.countyId, resultCorrections.correctedBy))
    .leftJoin(resultObjections, keyJoin(resultObjections, resultCorrections.countyId, resultCorrections.objectionId))
    .where(where)
    .orderBy(asc(resultCorrections.correctedAt), asc(resultCorrections.id));
  const [items, [total]] = await Promise.all([
    page ? query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : query,
    db.select({ n: count() }).from(resultCorrections).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
