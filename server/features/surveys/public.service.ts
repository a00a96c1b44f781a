// The villager's phone: open the card's code, answer, get a receipt. The card is read, the code
// consumed and the answer stored by one statement (public.queries.ts): of any number of parallel
// submits exactly one wins, the others answer 409 and change nothing. No audit row per answer: an
// audit row carries the address, and this path stores none (the answer row is the record).
import type { Services } from '../../context.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import { parseCode } from '../../../shared/survey-code.js';
import type { PublicSurvey, SurveyAnswer, SurveyReceipt } from '../../../shared/contracts/surveys.js';
import { answerState, codeDigestInput, newReceiptNo, satisfactionQuestion, templateTopics } from './surveys.js';
import type { DeviceWatch } from './device-watch.js';
import { flagResponses } from './surveys.queries.js';
import { selectCard, selectResponseOfCode, submitAnswer, type PublicCode } from './public.queries.js';

export type Device = { ip: string; userAgent: string };

function codeHashOf(services: Services, typed: string): string {
  const code = parseCode(typed);
  if (!code) throw new AppError('survey_code.malformed');
  return services.crypto.digest(codeDigestInput(code));
}

function known(card: PublicCode | null): PublicCode {
  if (!card) throw new AppError('survey_code.not_found');
  if (card.revokedAt) throw new AppError('survey_code.revoked');
  return card;
}

const findCard = async (services: Services, typed: string) => known(await selectCard(services.db, codeHashOf(services, typed)));

function assertOpen(card: PublicCode, now: Date) {
  const state = answerState(card.status, card.windows, chinaDate(now), card.closedAt !== null);
  const dates = { opens: card.windows.mutual.opens, closes: card.windows.mutual.closes };
  if (state === 'not_open') throw new AppError('survey_code.not_open', dates);
  if (state === 'ended') throw new AppError('survey_code.ended', dates);
  if (state === 'village_closed') throw new AppError('survey_code.village_closed', dates);
}

const topicsOf = (card: PublicCode) => card.topics ?? templateTopics;

/** What the phone shows before the form; refuses a used, revoked or closed code up front. */
export async function openSurvey(services: Services, typed: string): Promise<PublicSurvey> {
  const card = await findCard(services, typed);
  if (card.usedAt) throw new AppError('survey_code.used');
  assertOpen(card, services.now());
  return {
    campaignName: card.campaignName,
    villageName: card.villageName,
    townName: card.townName,
    opens: card.windows.mutual.opens,
    closes: card.windows.mutual.closes,
    satisfactionQuestion,
    topics: topicsOf(card),
  };
}

/** The receipt of an answer already stored for this code, if it was this phone's (a retry). */
async function sameSubmission(services: Services, card: PublicCode, submissionId: string): Promise<SurveyReceipt> {
  const stored = await selectResponseOfCode(services.db, card.countyId, card.id);
  if (stored && stored.submissionId === submissionId) return { receiptNo: stored.receiptNo, villageName: card.villageName, submittedAt: stored.submittedAt.toISOString() };
  throw new AppError('survey_code.used');
}

function assertTopics(card: PublicCode, answer: SurveyAnswer) {
  const ids = new Set(topicsOf(card).map((t) => t.id));
  const unknown = Object.keys(answer.topics).filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new AppError('survey.unknown_topic', { topics: unknown });
}

export async function submitSurvey(services: Services, watch: DeviceWatch, device: Device, typed: string, answer: SurveyAnswer): Promise<SurveyReceipt> {
  const hash = codeHashOf(services, typed);
  const now = services.now();
  const receiptNo = newReceiptNo();
  const done = await submitAnswer(services.db, hash, { receiptNo, submissionId: answer.submissionId, satisfaction: answer.satisfaction, topics: answer.topics, at: now, today: chinaDate(now) });
  const card = known(done?.card ?? null);
  if (!done?.answerId) {
    // Nothing written: say why, by the same rules the statement applied to the same card.
    if (card.usedAt) return sameSubmission(services, card, answer.submissionId);
    assertOpen(card, now);
    assertTopics(card, answer);
    // The card passed on the statement's snapshot: another submit (or a revoke) changed the row
    // while this one waited for it. Read it again: the winner has committed by now.
    const fresh = await findCard(services, typed);
    if (fresh.usedAt) return sameSubmission(services, fresh, answer.submissionId);
    throw new AppError('survey_code.used');
  }
  const flagged = watch.record(device.ip, device.userAgent, { countyId: card.countyId, id: done.answerId }, now.getTime());
  if (flagged) {
    const byCounty = new Map<string, string[]>();
    for (const a of flagged.answers) byCounty.set(a.countyId, [...(byCounty.get(a.countyId) ?? []), a.id]);
    for (const [countyId, ids] of byCounty) await flagResponses(services.db, countyId, ids, flagged.group);
  }
  return { receiptNo, villageName: card.villageName, submittedAt: now.toISOString() };
}
