// The department and the evaluating team run the phone survey: the questionnaire, issuing and
// printing household codes, revoking them, closing a village, and the live progress. Who may act
// for a village is stage 1's answer (the team that evaluates it) plus the department.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import { displayCode, parseCode } from '../../../shared/survey-code.js';
import type { IssuedCodes, Questionnaire, RevokeCodes, SurveyProgress, SurveyTopic, VillageProgress } from '../../../shared/contracts/surveys.js';
import { recordAudit } from '../audit/audit.service.js';
import { isInScope, scopePaths } from '../auth/principal.js';
import { campaignStandard, findCampaign } from '../campaigns/campaigns.service.js';
import type { CampaignRow } from '../campaigns/campaigns.queries.js';
import { openStageVillage, stageVillages } from '../evaluation/stages/stages.access.service.js';
import { selectSurveys } from '../evaluation/mutual/surveys.queries.js';
import { surveyRates } from '../evaluation/mutual/surveys.service.js';
import type { SurveyCounts } from '../evaluation/mutual/surveys.js';
import { codeDigestInput, mayEditTopics, mayIssue, mergedCounts, newCode, responseRate, satisfactionQuestion, tallyOf, templateTopics, type Tally } from './surveys.js';
import { lockCampaignRow } from '../campaigns/campaigns.queries.js';
import {
  campaignWasRated,
  countCodesByHash,
  deleteClosure,
  insertClosure,
  insertCodes,
  nextBatchNo,
  revokeUnused,
  selectAnswerTallies,
  selectClosedVillages,
  selectClosure,
  selectCodeStats,
  selectKeptTallies,
  selectQuestionnaire,
  upsertQuestionnaire,
} from './surveys.queries.js';

const manages = (ctx: Ctx, path: string) => isInScope(scopePaths(ctx.principal, 'campaign:manage'), path);

export async function getQuestionnaire(ctx: Ctx, campaignId: string): Promise<Questionnaire> {
  const campaign = await findCampaign(ctx, campaignId);
  const topics = (await selectQuestionnaire(ctx.db, ctx.principal.countyId, campaignId)) ?? templateTopics;
  const open = mayEditTopics(campaign.status, campaign.windows, chinaDate(ctx.now()));
  const mayManage = scopePaths(ctx.principal, 'campaign:manage').length > 0;
  return {
    satisfactionQuestion,
    topics,
    canEdit: open && mayManage,
    lockReason: !open ? `群众测评自 ${campaign.windows.mutual.opens} 开始，问卷已不能修改` : mayManage ? null : '问卷由组织部设置',
  };
}

export async function saveQuestionnaire(ctx: Ctx, campaignId: string, topics: SurveyTopic[]): Promise<Questionnaire> {
  if (new Set(topics.map((t) => t.id)).size !== topics.length) throw new AppError('survey.duplicate_topic');
  await inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!mayEditTopics(campaign.status, campaign.windows, chinaDate(ctx.now()))) throw new AppError('survey.questionnaire_locked', { opens: campaign.windows.mutual.opens });
    const before = await selectQuestionnaire(tx.db, ctx.principal.countyId, campaignId);
    await upsertQuestionnaire(tx.db, { countyId: ctx.principal.countyId, campaignId, topics, updatedBy: ctx.principal.userId, updatedAt: ctx.now() });
    await recordAudit(tx, { event: 'survey.questionnaire', objectType: 'campaign', objectId: campaignId, before: { topics: before ?? templateTopics }, after: { topics } });
  });
  return getQuestionnaire(ctx, campaignId);
}

/** The village's campaign when the caller runs its survey (its team or the department); 404 / 403 otherwise. */
async function managedVillage(ctx: Ctx, campaignId: string, villageId: string) {
  const { campaign, village, access } = await openStageVillage(ctx, campaignId, 'mutual', villageId);
  if (access !== 'write' && !manages(ctx, village.path)) throw new AppError('auth.forbidden');
  return { campaign, village };
}

async function assertVillageOpen(ctx: Ctx, campaign: CampaignRow, villageId: string) {
  if ((await selectClosedVillages(ctx.db, ctx.principal.countyId, campaign.id)).has(villageId)) throw new AppError('survey.village_closed');
}

/** N new codes for a village; the codes are in this answer only (the table keeps their hashes). */
export async function issueCodes(ctx: Ctx, campaignId: string, villageId: string, count: number): Promise<IssuedCodes> {
  return inTransaction(ctx, async (tx) => {
    const { campaign, village } = await managedVillage(tx, campaignId, villageId);
    if (!mayIssue(campaign.status, campaign.windows, chinaDate(ctx.now()))) throw new AppError('survey.issue_closed', { closes: campaign.windows.mutual.closes });
    await assertVillageOpen(tx, campaign, villageId);
    const batchNo = await nextBatchNo(tx.db, ctx.principal.countyId, campaignId, villageId);
    const codes = Array.from({ length: count }, () => newCode());
    const now = ctx.now();
    await insertCodes(
      tx.db,
      codes.map((code) => ({
        countyId: ctx.principal.countyId,
        campaignId,
        villageId,
        orgPath: village.path,
        batchNo,
        codeHash: ctx.crypto.digest(codeDigestInput(code)),
        issuedBy: ctx.principal.userId,
        issuedAt: now,
      })),
    );
    await recordAudit(tx, { event: 'survey.codes_issue', objectType: 'survey_codes', objectId: `${campaignId}/${villageId}`, after: { batchNo, count } });
    return {
      batchNo,
      campaignName: campaign.name,
      villageName: village.name,
      townName: village.parentName ?? '',
      codes: codes.map((code) => ({ code, display: displayCode(code), path: `/m/survey/${code}` })),
    };
  });
}

/** Revokes typed codes or a whole batch; only unused codes of this village change. */
export async function revokeCodes(ctx: Ctx, campaignId: string, villageId: string, input: RevokeCodes): Promise<{ revoked: number }> {
  return inTransaction(ctx, async (tx) => {
    await managedVillage(tx, campaignId, villageId);
    const countyId = ctx.principal.countyId;
    let which: { hashes: string[] } | { batchNo: number };
    if ('codes' in input) {
      const parsed = input.codes.map(parseCode);
      if (parsed.some((c) => c === null)) throw new AppError('survey_code.malformed', { codes: input.codes.filter((_, i) => parsed[i] === null) });
      const hashes = (parsed as string[]).map((c) => ctx.crypto.digest(codeDigestInput(c)));
      const found = await countCodesByHash(tx.db, countyId, campaignId, villageId, hashes);
      if (found.n - found.used - found.revoked !== new Set(hashes).size) throw new AppError('survey.codes_not_found', found);
      which = { hashes };
    } else which = { batchNo: input.batchNo };
    const revoked = await revokeUnused(tx.db, countyId, campaignId, villageId, which, ctx.principal.userId, ctx.now());
    if (revoked > 0) await recordAudit(tx, { event: 'survey.codes_revoke', objectType: 'survey_codes', objectId: `${campaignId}/${villageId}`, after: { revoked, ...('batchNo' in which ? { batchNo: which.batchNo } : {}) } });
    return { revoked };
  });
}

/** Ends the village's phone survey: its unused codes answer 409 from now on. Once only. */
export async function closeVillageSurvey(ctx: Ctx, campaignId: string, villageId: string) {
  await inTransaction(ctx, async (tx) => {
    await managedVillage(tx, campaignId, villageId);
    const closed = await insertClosure(tx.db, { countyId: ctx.principal.countyId, campaignId, villageId, closedBy: ctx.principal.userId, closedAt: ctx.now() });
    if (!closed) throw new AppError('survey.village_closed');
    await recordAudit(tx, { event: 'survey.village_close', objectType: 'survey_codes', objectId: `${campaignId}/${villageId}` });
  });
}

/**
 * Opens a closed village's survey again, with a written reason: its codes that were neither used nor
 * revoked can be answered again, and new codes may be issued. Only while stage 1 still takes
 * answers (the window not over, the campaign not past 摸底互评) and before any computation rated
 * the campaign: the counts a rating used never change afterwards.
 */
export async function reopenVillageSurvey(ctx: Ctx, campaignId: string, villageId: string, reason: string) {
  await inTransaction(ctx, async (tx) => {
    // Serialised with a status change (advance) and 生成定星建议, which lock the same row.
    await lockCampaignRow(tx.db, ctx.principal.countyId, campaignId);
    const { campaign } = await managedVillage(tx, campaignId, villageId);
    const closure = await selectClosure(tx.db, ctx.principal.countyId, campaignId, villageId);
    if (!closure) throw new AppError('survey.village_not_closed');
    if (!mayIssue(campaign.status, campaign.windows, chinaDate(ctx.now()))) throw new AppError('survey.reopen_stage_over', { status: campaign.status, closes: campaign.windows.mutual.closes });
    if (await campaignWasRated(tx.db, ctx.principal.countyId, campaignId)) throw new AppError('survey.reopen_rated');
    if (!(await deleteClosure(tx.db, ctx.principal.countyId, campaignId, villageId))) throw new AppError('survey.village_not_closed');
    await recordAudit(tx, {
      event: 'survey.village_reopen',
      objectType: 'survey_codes',
      objectId: `${campaignId}/${villageId}`,
      before: { closedAt: closure.closedAt.toISOString(), closedBy: closure.closedBy },
      after: { reason },
    });
  });
}

type Area = { issued: number; used: number; live: number; counts: SurveyCounts | null };
const addCounts = (a: SurveyCounts | null, b: SurveyCounts | null): SurveyCounts | null =>
  !a ? b : !b ? a : { sampleSize: a.sampleSize + b.sampleSize, satisfied: a.satisfied + b.satisfied, basicallySatisfied: a.basicallySatisfied + b.basicallySatisfied, unsatisfied: a.unsatisfied + b.unsatisfied };

/** Per village the codes, answers, response and satisfaction rates (the engine's, from merged counts); towns and city summed. */
export async function getSurveyProgress(ctx: Ctx, campaignId: string): Promise<SurveyProgress> {
  const countyId = ctx.principal.countyId;
  const campaign = await findCampaign(ctx, campaignId);
  // Progress shows the rate so far, before the sample reaches the standard's minimum.
  const full = await campaignStandard(ctx, campaign);
  const standard = full.satisfaction ? { ...full, satisfaction: { ...full.satisfaction, minSampleSize: undefined } } : full;
  const villages = await stageVillages(ctx, campaign, 'mutual');
  const ids = villages.map((v) => v.village.id);
  const [stats, tallies, closed, paperRows, keptRows] = await Promise.all([
    selectCodeStats(ctx.db, countyId, campaignId, ids),
    selectAnswerTallies(ctx.db, countyId, campaignId),
    selectClosedVillages(ctx.db, countyId, campaignId),
    selectSurveys(ctx.db, countyId, campaignId, ids),
    selectKeptTallies(ctx.db, countyId, campaignId),
  ]);
  // After the retention purge: the codes deleted unanswered still count as issued (and revoked).
  const deletedCodes = new Map(keptRows.map((k) => [k.villageId, { unused: k.unusedCodes, revoked: k.revokedCodes }]));
  const paper = new Map(paperRows.map((r) => [r.villageId, r]));
  const phone = new Map<string, { tally: Tally; flagged: number }>();
  for (const id of new Set(tallies.map((t) => t.villageId))) {
    const mine = tallies.filter((t) => t.villageId === id);
    phone.set(id, { tally: tallyOf(mine.map((t) => ({ choice: t.choice, n: Number(t.n) }))), flagged: mine.reduce((s, t) => s + Number(t.flagged), 0) });
  }
  const merged = new Map(villages.map(({ village: v }) => [v.id, mergedCounts(phone.get(v.id)?.tally ?? null, paper.get(v.id) ?? null)]));
  const rateRows = [...merged].flatMap(([id, m]) => {
    const v = villages.find((x) => x.village.id === id)?.village;
    return m && v ? [{ villageId: id, villageName: v.name, townId: v.parentId, ...m.counts }] : [];
  });
  const rates = surveyRates(standard, rateRows);

  const rows: VillageProgress[] = villages.map(({ village: v, access }) => {
    const batches = stats.filter((s) => s.villageId === v.id).map((s) => ({ batchNo: s.batchNo, issuedAt: (s.issuedAt as Date).toISOString(), issued: Number(s.issued), used: Number(s.used), revoked: Number(s.revoked) }));
    const deleted = deletedCodes.get(v.id) ?? { unused: 0, revoked: 0 };
    const issued = batches.reduce((s, b) => s + b.issued, 0) + deleted.unused + deleted.revoked;
    const used = batches.reduce((s, b) => s + b.used, 0);
    const revoked = batches.reduce((s, b) => s + b.revoked, 0) + deleted.revoked;
    const p = paper.get(v.id);
    const m = merged.get(v.id) ?? null;
    return {
      villageId: v.id,
      villageName: v.name,
      townId: v.parentId as string,
      townName: v.parentName ?? '',
      issued,
      used,
      revoked,
      responseRate: responseRate(used, issued - revoked),
      phone: phone.get(v.id)?.tally ?? { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
      paper: p ? { sampleSize: p.sampleSize, satisfied: p.satisfied, basicallySatisfied: p.basicallySatisfied, unsatisfied: p.unsatisfied } : null,
      satisfactionRate: rates.get(v.id) ?? null,
      source: m?.source ?? null,
      flagged: phone.get(v.id)?.flagged ?? 0,
      closed: closed.has(v.id),
      canManage: access === 'write' || manages(ctx, v.path),
      batches,
    };
  });

  // Towns and the city: codes summed, and the engine's rate over the summed counts.
  const areas = new Map<string, Area & { name: string }>();
  const city: Area = { issued: 0, used: 0, live: 0, counts: null };
  for (const r of rows) {
    const a = areas.get(r.townId) ?? { name: r.townName, issued: 0, used: 0, live: 0, counts: null };
    const counts = merged.get(r.villageId)?.counts ?? null;
    for (const x of [a, city]) {
      x.issued += r.issued;
      x.used += r.used;
      x.live += r.issued - r.revoked;
      x.counts = addCounts(x.counts, counts);
    }
    areas.set(r.townId, a);
  }
  const areaRates = surveyRates(standard, [
    ...[...areas].flatMap(([id, a]) => (a.counts ? [{ villageId: id, villageName: a.name, townId: 'towns', ...a.counts }] : [])),
    ...(city.counts ? [{ villageId: 'city', villageName: '全市', townId: 'city', ...city.counts }] : []),
  ]);
  const area = (id: string, a: Area) => ({ issued: a.issued, used: a.used, responseRate: responseRate(a.used, a.live), satisfactionRate: areaRates.get(id) ?? null });
  return {
    campaignName: campaign.name,
    opens: campaign.windows.mutual.opens,
    closes: campaign.windows.mutual.closes,
    villages: rows,
    towns: [...areas].map(([townId, a]) => ({ townId, townName: a.name, ...area(townId, a) })),
    city: area('city', city),
  };
}
