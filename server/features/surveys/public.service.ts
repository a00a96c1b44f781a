// The villager's phone: open the card's code, answer, get a receipt. The code is consumed in the
// same transaction as the answer is stored, by one conditional UPDATE: of any number of parallel
// submits exactly one wins, the others answer 409 and change nothing. No audit row per answer:
// an audit row carries the address, and this path stores none (the answer row is the record).
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import { parseCode } from '../../../shared/survey-code.js';
import type { PublicSurvey, SurveyAnswer, SurveyReceipt } from '../../../shared/contracts/surveys.js';
import { answerState, codeDigestInput, newReceiptNo, satisfactionQuestion, templateTopics } from './surveys.js';
import type { DeviceWatch } from './device-watch.js';
import { consumeCode, flagResponses, insertResponse, selectCodeByHash, selectQuestionnaire, selectResponseOfCode, type PublicCode } from './surveys.queries.js';

export type Device = { ip: string; userAgent: string };

async function findCard(services: Services, typed: string): Promise<PublicCode> {
  const code = parseCode(typed);
  if (!code) throw new AppError('survey_code.malformed');
  const card = await selectCodeByHash(services.db, services.crypto.digest(codeDigestInput(code)));
  if (!card) throw new AppError('survey_code.not_found');
  if (card.revokedAt) throw new AppError('survey_code.revoked');
  return card;
}

function assertOpen(services: Services, card: PublicCode) {
  const state = answerState(card.status, card.windows, chinaDate(services.now()), card.closedAt !== null);
  const dates = { opens: card.windows.mutual.opens, closes: card.windows.mutual.closes };
  if (state === 'not_open') throw new AppError('survey_code.not_open', dates);
  if (state === 'ended') throw new AppError('survey_code.ended', dates);
  if (state === 'village_closed') throw new AppError('survey_code.village_closed', dates);
}

const topicsOf = async (services: Services, card: PublicCode) => (await selectQuestionnaire(services.db, card.countyId, card.campaignId)) ?? templateTopics;

/** What the phone shows before the form; refuses a used, revoked or closed code up front. */
export async function openSurvey(services: Services, typed: string): Promise<PublicSurvey> {
  const card = await findCard(services, typed);
  if (card.usedAt) throw new AppError('survey_code.used');
  assertOpen(services, card);
  return {
    campaignName: card.campaignName,
    villageName: card.villageName,
    townName: card.townName,
    opens: card.windows.mutual.opens,
    closes: card.windows.mutual.closes,
    satisfactionQuestion,
    topics: await topicsOf(services, card),
  };
}

/** The receipt of an answer already stored for this code, if it was this phone's (a retry). */
async function sameSubmission(services: Services, card: PublicCode, submissionId: string): Promise<SurveyReceipt> {
  const stored = await selectResponseOfCode(services.db, card.countyId, card.id);
  if (stored && stored.submissionId === submissionId) return { receiptNo: stored.receiptNo, villageName: card.villageName, submittedAt: stored.submittedAt.toISOString() };
  throw new AppError('survey_code.used');
}

export async function submitSurvey(services: Services, watch: DeviceWatch, device: Device, typed: string, answer: SurveyAnswer): Promise<SurveyReceipt> {
  const { receipt, flagged } = await inTransaction(services, async (tx) => {
    const card = await findCard(tx, typed);
    if (card.usedAt) return { receipt: await sameSubmission(tx, card, answer.submissionId), flagged: null };
    assertOpen(tx, card);
    const known = new Set((await topicsOf(tx, card)).map((t) => t.id));
    const unknown = Object.keys(answer.topics).filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError('survey.unknown_topic', { topics: unknown });
    const now = services.now();
    // Lost the race to a parallel submit: the winner's row is committed by now (READ COMMITTED).
    if (!(await consumeCode(tx.db, card.countyId, card.id, now))) return { receipt: await sameSubmission(tx, card, answer.submissionId), flagged: null };
    const receiptNo = newReceiptNo();
    const id = await insertResponse(tx.db, {
      countyId: card.countyId,
      campaignId: card.campaignId,
      villageId: card.villageId,
      orgPath: card.orgPath,
      codeId: card.id,
      receiptNo,
      submissionId: answer.submissionId,
      satisfaction: answer.satisfaction,
      topics: answer.topics,
      submittedAt: now,
    });
    return {
      receipt: { receiptNo, villageName: card.villageName, submittedAt: now.toISOString() },
      flagged: watch.record(device.ip, device.userAgent, { countyId: card.countyId, id }, now.getTime()),
    };
  });
  if (flagged) {
    const byCounty = new Map<string, string[]>();
    for (const a of flagged.answers) byCounty.set(a.countyId, [...(byCounty.get(a.countyId) ?? []), a.id]);
    for (const [countyId, ids] of byCounty) await flagResponses(services.db, countyId, ids, flagged.group);
  }
  return receipt;
}
