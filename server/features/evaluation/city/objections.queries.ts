import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { orgUnits, users } from '../../../db/schema/core.js';
import { campaigns } from '../../../db/schema/evaluation.js';
import { standardVersions } from '../../../db/schema/standards.js';
import { campaignResultVersions } from '../../../db/schema/result-versions.js';
import { perHandle } from '../../../db/prepared.js';
import { resultObjections } from '../../../db/schema/evaluation-city.js';
import { inSubtrees, keyJoin } from '../../../db/scope.js';
import type { ObjectionListQuery } from '../../../../shared/contracts/evaluation-results.js';

const village = alias(orgUnits, 'village');
const town = alias(orgUnits, 'town');
const handler = alias(users, 'handler');
const answerer = alias(users, 'answerer');

export type ObjectionRow = {
  objection: typeof resultObjections.$inferSelect;
  villageName: string;
  townName: string | null;
  handledByName: string | null;
  answeredByName: string | null;
};

const selectRows = (db: Db) =>
  db
    .select({ objection: resultObjections, villageName: village.name, townName: town.name, handledByName: handler.displayName, answeredByName: answerer.displayName })
    .from(resultObjections)
    .innerJoin(village, keyJoin(village, resultObjections.countyId, resultObjections.villageId))
    .leftJoin(town, keyJoin(town, village.countyId, village.parentId))
    .leftJoin(handler, keyJoin(handler, resultObjections.countyId, resultObjections.handledBy))
    .leftJoin(answerer, keyJoin(answerer, resultObjections.countyId, resultObjections.answeredBy));

export async function listObjectionRows(db: Db, countyId: string, scope: readonly string[], campaignId: string, q: ObjectionListQuery) {
  const where = and(
    eq(resultObjections.countyId, countyId),
    inSubtrees(resultObjections.orgPath, scope),
    eq(resultObjections.campaignId, campaignId),
    q.status ? eq(resultObjections.status, q.status) : undefined,
    q.villageId ? eq(resultObjections.villageId, q.villageId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    selectRows(db).where(where).orderBy(desc(resultObjections.lodgedAt), desc(resultObjections.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(resultObjections).where(where),
  ]);
  return { items: items as ObjectionRow[], total: Number(total?.n ?? 0) };
}

export async function selectObjectionRow(db: Db, countyId: string, scope: readonly string[], campaignId: string, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await selectRows(db).where(
    and(eq(resultObjections.countyId, countyId), inSubtrees(resultObjections.orgPath, scope), eq(resultObjections.campaignId, campaignId), eq(resultObjections.id, id)),
  );
  return row as ObjectionRow | undefined;
}

export async function insertObjection(db: Db, row: typeof resultObjections.$inferInsert): Promise<void> {
  await db.insert(resultObjections).values(row);
}

export async function updateObjection(db: Db, countyId: string, id: string, set: Partial<typeof resultObjections.$inferInsert>): Promise<void> {
  await db.update(resultObjections).set(set).where(and(eq(resultObjections.countyId, countyId), eq(resultObjections.id, id)));
}

/** Objections not answered yet: the campaign cannot become final while there are any. */
export async function countOpenObjections(db: Db, countyId: string, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(resultObjections)
    .where(and(eq(resultObjections.countyId, countyId), eq(resultObjections.campaignId, campaignId), ne(resultObjections.status, 'answered')));
  return Number(row?.n ?? 0);
}

// ── Public: no caller, looked up by the unguessable campaign id or receipt number ──

// Read by every public notice request: a named prepared statement. The standard's row version
// (xmin) keys the standard cache (standards/standard-cache.service.ts); the results version
// (migrations/0028, 0 before anything was written since) keys the notice kept by each server
// (notice-cache.ts), read in this same statement so it is never older than the campaign row.
const publicCampaignStatement = perHandle((db) =>
  db
    .select({
      id: campaigns.id,
      countyId: campaigns.countyId,
      year: campaigns.year,
      name: campaigns.name,
      status: campaigns.status,
      standardId: campaigns.standardId,
      standardTag: sql<string>`${standardVersions}.xmin::text`,
      noticeStarts: campaigns.noticeStarts,
      noticeEnds: campaigns.noticeEnds,
      resultsVersion: sql<string>`coalesce((SELECT ${campaignResultVersions.version} FROM ${campaignResultVersions}
        WHERE ${campaignResultVersions.countyId} = ${campaigns.countyId} AND ${campaignResultVersions.campaignId} = ${campaigns.id}), 0)::text`,
    })
    .from(campaigns)
    .innerJoin(standardVersions, keyJoin(standardVersions, campaigns.countyId, campaigns.standardId))
    .where(eq(campaigns.id, sql.placeholder('id')))
    .prepare('fivestar_public_campaign'),
);

export async function selectPublicCampaign(db: Db, campaignId: string) {
  const [row] = await publicCampaignStatement(db).execute({ id: campaignId });
  return row;
}

export async function selectObjectionByReceipt(db: Db, receiptNo: string) {
  const [row] = await db
    .select({ objection: resultObjections, villageName: village.name })
    .from(resultObjections)
    .innerJoin(village, keyJoin(village, resultObjections.countyId, resultObjections.villageId))
    .where(eq(resultObjections.receiptNo, receiptNo));
  return row;
}
