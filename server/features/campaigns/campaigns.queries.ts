import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaigns } from '../../db/schema/evaluation.js';
import { standardVersions } from '../../db/schema/standards.js';
import { perHandle } from '../../db/prepared.js';
import { keyJoin } from '../../db/scope.js';

export type CampaignRow = typeof campaigns.$inferSelect & { standardName: string; standardVersion: string; standardTag: string };

export const campaignColumns = {
  id: campaigns.id,
  countyId: campaigns.countyId,
  year: campaigns.year,
  name: campaigns.name,
  standardId: campaigns.standardId,
  status: campaigns.status,
  windows: campaigns.windows,
  stageWeights: campaigns.stageWeights,
  noticeDays: campaigns.noticeDays,
  noticeStarts: campaigns.noticeStarts,
  noticeEnds: campaigns.noticeEnds,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  standardName: standardVersions.name,
  standardVersion: standardVersions.version,
  // The standard row's version as PostgreSQL stores it (xmin, the transaction that wrote it): any
  // change to the row, by the application or by hand, gives a new tag. Keys the parsed-document
  // cache (standards/standard-cache.service.ts).
  standardTag: sql<string>`${standardVersions}.xmin::text`,
};

const selectCampaigns = (db: Db) =>
  db.select(campaignColumns).from(campaigns).innerJoin(standardVersions, keyJoin(standardVersions, campaigns.countyId, campaigns.standardId));

export async function listCampaignRows(db: Db, countyId: string, page: { page: number; pageSize: number }) {
  const where = eq(campaigns.countyId, countyId);
  const [items, [total]] = await Promise.all([
    selectCampaigns(db).where(where).orderBy(desc(campaigns.year)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

// Read by nearly every campaign request.
const campaignById = perHandle((db) =>
  selectCampaigns(db)
    .where(and(eq(campaigns.countyId, sql.placeholder('countyId')), eq(campaigns.id, sql.placeholder('id'))))
    .prepare('fivestar_campaign_by_id'),
);

export async function selectCampaignRow(db: Db, countyId: string, id: string): Promise<CampaignRow | undefined> {
  const [row] = await campaignById(db).execute({ countyId, id });
  return row;
}

export async function selectCampaignByYear(db: Db, countyId: string, year: number): Promise<CampaignRow | undefined> {
  const [row] = await selectCampaigns(db).where(and(eq(campaigns.countyId, countyId), eq(campaigns.year, year)));
  return row;
}

/** Serializes concurrent state changes of one campaign (advance, recompute, confirm). */
export async function lockCampaignRow(db: Db, countyId: string, id: string): Promise<void> {
  await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.countyId, countyId), eq(campaigns.id, id))).for('update');
}

export async function insertCampaignRow(db: Db, row: typeof campaigns.$inferInsert): Promise<void> {
  await db.insert(campaigns).values(row);
}

export async function updateCampaignRow(db: Db, countyId: string, id: string, set: Partial<typeof campaigns.$inferInsert>): Promise<void> {
  await db.update(campaigns).set(set).where(and(eq(campaigns.countyId, countyId), eq(campaigns.id, id)));
}
