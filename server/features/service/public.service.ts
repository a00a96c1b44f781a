// What villagers reach without an account: a village's published commitments (公示) and the
// one-time link that lets the household confirm a closed problem.
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { PublicCommitments, PublicProblem } from '../../../shared/contracts/fieldwork-service.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { selectPublicVillage, selectPublishedCommitments, selectPublishedYears } from './commitments.queries.js';
import { insertEvents } from './events.queries.js';
import { selectProblemByToken, updateProblem } from './problems.queries.js';
import { problemEvent, tokenHash } from './problems.service.js';

export async function getPublicCommitments(services: Services, villageId: string, year?: number): Promise<PublicCommitments> {
  const village = await selectPublicVillage(services.db, villageId);
  if (!village || !village.active) throw new AppError('org.not_found');
  const years = await selectPublishedYears(services.db, villageId);
  const shown = year ?? years[0] ?? Number(chinaDate(services.now()).slice(0, 4));
  const items = await selectPublishedCommitments(services.db, villageId, shown);
  return {
    villageName: village.name,
    townName: village.townName ?? '',
    year: shown,
    years,
    items: items.map((c) => ({ ...c, outcome: c.outcome ?? 'fulfilled', publishedDate: c.publishedDate ?? '' })),
  };
}

async function problemOfToken(services: Services, token: string) {
  const row = await selectProblemByToken(services.db, tokenHash(token));
  if (!row || row.status !== 'resolved') throw new AppError('problem.confirm_link_invalid');
  return row;
}

export async function getProblemToConfirm(services: Services, token: string): Promise<PublicProblem> {
  const row = await problemOfToken(services, token);
  return { villageName: row.villageName, title: row.title, resolution: row.resolution, resolvedDate: row.resolvedDate };
}

type Client = { ip: string; requestId: string };

/** The household's answer: satisfied confirms the closure; not satisfied reopens the problem. */
export async function answerConfirmation(services: Services, token: string, answer: { satisfied: boolean; note?: string }, client: Client) {
  return inTransaction(services, async (tx) => {
    const row = await problemOfToken(tx, token);
    const today = chinaDate(services.now());
    const note = answer.note ?? '';
    const status = answer.satisfied ? ('confirmed' as const) : ('in_progress' as const);
    const set = answer.satisfied
      ? { status, confirmedVia: 'villager' as const, confirmedDate: today, confirmationNote: note }
      : { status, resolvedDate: null, resolvedBy: null, reopenCount: row.reopenCount + 1, reopenReason: `村民不满意${note ? `：${note}` : ''}` };
    await updateProblem(tx.db, row.countyId, row.id, { ...set, confirmTokenHash: null, updatedAt: services.now() });
    await insertEvents(tx.db, [problemEvent(tx, '村民', row, answer.satisfied ? 'villager_confirm' : 'villager_reject', 'resolved', status, note)]);
    await recordAuditAs(
      tx,
      { countyId: row.countyId, userId: null, username: 'villager', role: null, ip: client.ip, requestId: client.requestId },
      { event: answer.satisfied ? 'problem.villager_confirm' : 'problem.villager_reject', objectType: 'problem', objectId: row.id, before: { status: 'resolved' }, after: { status } },
    );
    return { status };
  });
}
