// SQL of the score grid: a stage's entries for many villages at once, and the sheet versions.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.js';
import { anyId } from '../../../../db/id-array.js';
import { users } from '../../../../db/schema/core.js';
import { scoreEntries } from '../../../../db/schema/evaluation.js';
import { scoreSheetVersions } from '../../../../db/schema/desk.js';

type Stage = 'mutual' | 'department' | 'city';

/** Some villages' entries of a stage: the grid reads a province a few hundred villages at a time. */
export function selectStageEntries(db: Db, countyId: string, campaignId: string, stage: Stage, villageIds: readonly string[]) {
  return db
    .select({ villageId: scoreEntries.villageId, indicatorId: scoreEntries.indicatorId, points: scoreEntries.points })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), eq(scoreEntries.stage, stage), anyId(scoreEntries.villageId, villageIds)));
}

export function selectSheetVersions(db: Db, countyId: string, campaignId: string, stage: Stage, villageIds: readonly string[]) {
  return db
    .select({ villageId: scoreSheetVersions.villageId, version: scoreSheetVersions.version, updatedBy: users.displayName, updatedAt: scoreSheetVersions.updatedAt })
    .from(scoreSheetVersions)
    .leftJoin(users, and(eq(users.countyId, scoreSheetVersions.countyId), eq(users.id, scoreSheetVersions.updatedBy)))
    .where(and(eq(scoreSheetVersions.countyId, countyId), eq(scoreSheetVersions.campaignId, campaignId), eq(scoreSheetVersions.stage, stage), anyId(scoreSheetVersions.villageId, villageIds)));
}

/**
 * Moves a sheet from `expected` to the next version and returns it, or null when the sheet is no
 * longer at `expected` (someone saved in between). The row lock of the upsert makes two
 * simultaneous saves from the same version wait for each other: exactly one of them wins.
 */
export async function claimSheetVersion(
  db: Db,
  key: { countyId: string; campaignId: string; stage: Stage; villageId: string },
  expected: number,
  by: string,
  at: Date,
): Promise<number | null> {
  const rows = await db
    .insert(scoreSheetVersions)
    .values({ ...key, version: 1, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({
      target: [scoreSheetVersions.countyId, scoreSheetVersions.campaignId, scoreSheetVersions.stage, scoreSheetVersions.villageId],
      set: { version: sql`${scoreSheetVersions.version} + 1`, updatedBy: by, updatedAt: at },
      setWhere: eq(scoreSheetVersions.version, expected),
    })
    .returning({ version: scoreSheetVersions.version });
  const version = rows[0]?.version;
  // A first insert answers 1: right only when the scorer started from a never-saved sheet.
  return version === expected + 1 ? version : null;
}
