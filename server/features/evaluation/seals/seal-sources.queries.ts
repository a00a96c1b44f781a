// What is sealed, read as it is stored now: every sealed field of a campaign's rows, optionally
// only for some villages or towns. The only file of seals/ that reads the sealed tables.
import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { arenaScores, villageReviews } from '../../../db/schema/evaluation-stages.js';
import { campaignResults, campaignTownScores, scoreEntries } from '../../../db/schema/evaluation.js';
import { resultCorrections } from '../../../db/schema/evaluation-city.js';
import { stageLabels } from '../../../../shared/contracts/campaigns.js';
import { canonicalValue, type SealKind, type SealedField } from './seal.js';

type Filter = { villageIds?: readonly string[]; townIds?: readonly string[] };
const within = (column: Parameters<typeof inArray>[0], ids?: readonly string[]): SQL | undefined => (ids ? inArray(column, [...ids]) : undefined);

function field(kind: SealKind, rowKey: string, name: string, fieldLabel: string, value: string, villageId: string | null, townId: string | null = null): SealedField {
  return { kind, rowKey, field: name, value, villageId, townId, fieldLabel };
}

export async function loadScoreFields(db: Db, countyId: string, campaignId: string, f: Filter, indicatorName: (id: string) => string): Promise<SealedField[]> {
  const rows = await db
    .select({ stage: scoreEntries.stage, villageId: scoreEntries.villageId, indicatorId: scoreEntries.indicatorId, points: scoreEntries.points, enteredBy: scoreEntries.enteredBy })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.countyId, countyId), eq(scoreEntries.campaignId, campaignId), within(scoreEntries.villageId, f.villageIds)));
  return rows.flatMap((r) => {
    const key = `score/${r.stage}/${r.villageId}/${r.indicatorId}`;
    const label = `${stageLabels[r.stage]}·${indicatorName(r.indicatorId)}`;
    return [field('score', key, 'points', `${label}·得分`, canonicalValue(r.points, 2), r.villageId), field('score', key, 'enteredBy', `${label}·评分人`, canonicalValue(r.enteredBy), r.villageId)];
  });
}

export async function loadArenaFields(db: Db, countyId: string, campaignId: string, f: Filter): Promise<SealedField[]> {
  const rows = await db
    .select({ villageId: arenaScores.villageId, judgeUserId: arenaScores.judgeUserId, points: arenaScores.points })
    .from(arenaScores)
    .where(and(eq(arenaScores.countyId, countyId), eq(arenaScores.campaignId, campaignId), within(arenaScores.villageId, f.villageIds)));
  return rows.map((r) => field('arena', `arena/${r.villageId}/${r.judgeUserId}`, 'points', '擂台比武·评委打分', canonicalValue(r.points, 2), r.villageId));
}

export async function loadTownScoreFields(db: Db, countyId: string, campaignId: string, f: Filter): Promise<SealedField[]> {
  const rows = await db
    .select({ townId: campaignTownScores.townId, score: campaignTownScores.score })
    .from(campaignTownScores)
    .where(and(eq(campaignTownScores.countyId, countyId), eq(campaignTownScores.campaignId, campaignId), within(campaignTownScores.townId, f.townIds)));
  return rows.map((r) => field('town_score', `town_score/${r.townId}`, 'score', '镇党委自身得分', canonicalValue(r.score, 2), null, r.townId));
}

const resultFields = [
  ['score', '综合得分'],
  ['engineStars', '系统建议星级'],
  ['stars', '星级'],
  ['vetoed', '一票否决'],
  ['overrideReason', '调整理由'],
  ['confirmedBy', '定星人'],
  ['rankInCity', '全市排名'],
  ['rankInTown', '镇内排名'],
] as const;

/** The sealed columns of a result row: what a caller reading results must select to check their seals. */
export type ResultSealColumns = Pick<typeof campaignResults.$inferSelect, 'villageId' | (typeof resultFields)[number][0]>;
export const resultSealColumns = {
  villageId: campaignResults.villageId,
  score: campaignResults.score,
  engineStars: campaignResults.engineStars,
  stars: campaignResults.stars,
  vetoed: campaignResults.vetoed,
  overrideReason: campaignResults.overrideReason,
  confirmedBy: campaignResults.confirmedBy,
  rankInCity: campaignResults.rankInCity,
  rankInTown: campaignResults.rankInTown,
} satisfies Record<keyof ResultSealColumns, unknown>;

/** The sealed fields of result rows already read. */
export function resultFieldsOf(rows: readonly ResultSealColumns[]): SealedField[] {
  return rows.flatMap((r) =>
    resultFields.map(([name, label]) => field('result', `result/${r.villageId}`, name, label, canonicalValue(r[name], name === 'score' ? 2 : undefined), r.villageId)),
  );
}

export async function loadResultFields(db: Db, countyId: string, campaignId: string, f: Filter): Promise<SealedField[]> {
  const rows = await db
    .select(resultSealColumns)
    .from(campaignResults)
    .where(and(eq(campaignResults.countyId, countyId), eq(campaignResults.campaignId, campaignId), within(campaignResults.villageId, f.villageIds)));
  return resultFieldsOf(rows);
}

const correctionFields = [
  ['phase', '更正阶段'],
  ['starsBefore', '更正前星级'],
  ['starsAfter', '更正后星级'],
  ['reason', '更正理由'],
  ['correctedBy', '更正人'],
] as const;

export async function loadCorrectionFields(db: Db, countyId: string, campaignId: string, f: Filter): Promise<SealedField[]> {
  const rows = await db
    .select()
    .from(resultCorrections)
    .where(and(eq(resultCorrections.countyId, countyId), eq(resultCorrections.campaignId, campaignId), within(resultCorrections.villageId, f.villageIds)));
  return rows.flatMap((r) => correctionFields.map(([name, label]) => field('correction', `correction/${r.villageId}/${r.id}`, name, label, canonicalValue(r[name]), r.villageId)));
}

export async function loadNoticeFields(db: Db, countyId: string, campaignId: string, f: Filter): Promise<SealedField[]> {
  const rows = await db
    .select({ villageId: villageReviews.villageId, snapshot: villageReviews.publishedSnapshot, publishedBy: villageReviews.publishedBy })
    .from(villageReviews)
    .where(and(eq(villageReviews.countyId, countyId), eq(villageReviews.campaignId, campaignId), isNotNull(villageReviews.publishedAt), within(villageReviews.villageId, f.villageIds)));
  return rows.flatMap((r) => [
    field('notice', `notice/${r.villageId}`, 'content', '公示内容', canonicalValue(r.snapshot), r.villageId),
    field('notice', `notice/${r.villageId}`, 'publishedBy', '发布人', canonicalValue(r.publishedBy), r.villageId),
  ]);
}
