// The demo's campaigns: last year's, finished, with final results shaped like the article's
// outcome (48 of 50 villages at three stars or more, 23 four-star, 1 five-star, every town at
// three or more), and this year's, in stage 1. Scores are generated per village so that the
// engine, run on them, lands on a chosen total: the stored results are the engine's own.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { StageWindows } from '../../../shared/contracts/campaigns.js';
import { rateCampaign } from '../standards/engine/rating-engine.js';
import type { RatingInput } from '../standards/engine/rating-input.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { lockStandardRow } from '../standards/standards.queries.js';
import { insertCampaignRow } from '../campaigns/campaigns.queries.js';
import { proposeRotation } from './assignments/assignments.js';
import { replaceTeams } from './assignments/assignments.queries.js';
import { replaceResults, upsertTownScore } from './results/results.queries.js';
import { upsertSheetEntries } from './sheets/sheets.queries.js';
import { stageIndicators } from './sheets/sheets.js';
import { replaceRatingInputs } from './seals/rating-inputs.queries.js';

export type DemoEvaluationInput = {
  countyId: string;
  standardId: string;
  standard: Standard;
  orgadminId: string;
  /** Town admin account per town, in town order (they form the stage-1 teams). */
  townAdminIds: string[];
  towns: { id: string; name: string }[];
  villages: { id: string; name: string; townId: string; path: string }[];
  year: number;
  now: Date;
};

type Stage = 'mutual' | 'department' | 'city';
const stages: Stage[] = ['mutual', 'department', 'city'];

/** 1 five-star, 23 four-star, 24 three-star, one two-star, one one-star, by village index. */
export function demoTargetScore(i: number): number {
  if (i === 7) return 93.4;
  if (i === 31) return 64.5;
  if (i === 44) return 55.2;
  const four = [2, 3, 5, 9, 11, 12, 14, 17, 18, 20, 22, 24, 25, 27, 29, 30, 33, 36, 38, 40, 42, 46, 48];
  const k = (i * 37) % 97;
  return four.includes(i) ? 80.4 + (k % 90) / 10 : 70.6 + (k % 88) / 10;
}

/** Every scored indicator and figure at the same share of its maximum. */
function villageAt(standard: Standard, v: DemoEvaluationInput['villages'][number], share: number, lastYearStars: number) {
  const scores = Object.fromEntries(
    stages.map((s) => [s, Object.fromEntries(stageIndicators(standard, s).map((i) => [i.id, Math.round(i.maxPoints * share * 100) / 100]))]),
  ) as Record<Stage, Record<string, number>>;
  const figures = {
    problemsListed: 20,
    problemsClosed: Math.round(20 * (0.6 + 0.4 * share)),
    commitmentsMade: 5,
    commitmentsFulfilled: Math.round(5 * share),
    trainingHoursTotal: Math.round(5 * 40 * share),
    cadreCount: 5,
  };
  return { id: v.id, name: v.name, townId: v.townId, scores, figures, lastYearStars, satisfaction: { rate: 80 + 20 * share } };
}

/** Finds the share at which the engine gives the village its target score (bisection). */
function shareFor(standard: Standard, v: DemoEvaluationInput['villages'][number], town: { id: string; name: string }, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    const input: RatingInput = { towns: [town], villages: [villageAt(standard, v, mid, 4)] };
    const score = rateCampaign(standard, input, { explain: 'none' }).villages[0]?.finalScore ?? 0;
    if (score < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

function windowsFor(year: number): StageWindows {
  return {
    mutual: { opens: `${year}-03-01`, closes: `${year}-04-30` },
    department: { opens: `${year}-05-01`, closes: `${year}-06-30` },
    city: { opens: `${year}-07-01`, closes: `${year}-08-31` },
  };
}

export async function seedDemoCampaigns(db: Db, input: DemoEvaluationInput): Promise<{ finishedId: string; currentId: string }> {
  const { countyId, standard } = input;
  const finishedId = randomUUID();
  const lastYear = input.year - 1;
  const townOwnScores = [86, 82, 88, 79];
  await insertCampaignRow(db, {
    id: finishedId, countyId, year: lastYear, name: `${lastYear}年度“五星级”乡村党组织创建`, standardId: input.standardId, status: 'final',
    windows: windowsFor(lastYear), stageWeights: { mutual: 20, department: 30, city: 50 }, noticeDays: 5, noticeStarts: `${lastYear}-09-07`, noticeEnds: `${lastYear}-09-11`,
  });
  const townById = new Map(input.towns.map((t) => [t.id, t]));
  const villages = input.villages.map((v, i) => {
    const target = demoTargetScore(i);
    return villageAt(standard, v, shareFor(standard, v, townById.get(v.townId) as { id: string; name: string }, target), i === 7 ? 4 : 3);
  });
  const result = rateCampaign(standard, {
    towns: input.towns.map((t, i) => ({ ...t, ownScore: townOwnScores[i % townOwnScores.length] ?? 80 })),
    villages,
  });
  const at = new Date(`${lastYear}-08-20T02:00:00Z`);
  const pathOf = new Map(input.villages.map((v) => [v.id, v.path]));
  await upsertSheetEntries(
    db,
    villages.flatMap((v) =>
      stages.flatMap((stage) =>
        Object.entries(v.scores[stage]).map(([indicatorId, points]) => ({
          countyId, campaignId: finishedId, stage, villageId: v.id, orgPath: pathOf.get(v.id) as string, indicatorId, points, enteredBy: input.orgadminId, enteredAt: at,
        })),
      ),
    ),
  );
  for (const [i, t] of input.towns.entries()) {
    await upsertTownScore(db, { countyId, campaignId: finishedId, townId: t.id, score: townOwnScores[i % townOwnScores.length] ?? 80, enteredBy: input.orgadminId, enteredAt: at });
  }
  await replaceResults(
    db,
    countyId,
    finishedId,
    result.villages.map((v) => ({
      countyId, campaignId: finishedId, villageId: v.id, orgPath: pathOf.get(v.id) as string, townId: v.townId, score: v.finalScore,
      engineStars: v.stars, stars: v.stars, vetoed: v.vetoed, namedStars: v.namedStars, rankInTown: v.rankInTown, rankInCity: v.rankInCity, notes: v.notes,
      explanation: { steps: v.explanation, stageScores: v.stageScores, dimensionScores: v.dimensionScores, satisfactionRate: v.satisfactionRate, levelFromScore: v.levelFromScore },
      confirmedBy: input.orgadminId, confirmedAt: at, computedAt: at,
    })),
    result.towns.map((t) => ({ countyId, campaignId: finishedId, townId: t.id, stars: t.stars, explanation: t.explanation })),
  );
  // The figures, surveys and last year's stars rated above are not records of the demo city: keep
  // them as a computation does, so `fivestar reproduce` rates the same values.
  await replaceRatingInputs(db, countyId, finishedId, villages.map((v) => ({ villageId: v.id, figures: v.figures, satisfaction: v.satisfaction, lastYearStars: v.lastYearStars })), at);
  await lockStandardRow(db, countyId, input.standardId, at, `${lastYear} 年度评星使用此标准`);

  const currentId = randomUUID();
  await insertCampaignRow(db, {
    id: currentId, countyId, year: input.year, name: `${input.year}年度“五星级”乡村党组织创建`, standardId: input.standardId, status: 'mutual',
    windows: currentWindows(input.now), stageWeights: { mutual: 20, department: 30, city: 50 }, noticeDays: 5,
  });
  const rotation = proposeRotation(input.towns);
  await replaceTeams(
    db,
    countyId,
    currentId,
    rotation.map((r, i) => ({ ...r, id: randomUUID(), leaderUserId: input.townAdminIds[i] ?? null, memberIds: input.townAdminIds[i] ? [input.townAdminIds[i] as string] : [] })),
  );
  return { finishedId, currentId };
}

/** This year's windows put "today" inside stage 1, so the demo's evaluators can score now. */
function currentWindows(now: Date): StageWindows {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    mutual: { opens: day(-14), closes: day(30) },
    department: { opens: day(31), closes: day(75) },
    city: { opens: day(76), closes: day(120) },
  };
}
