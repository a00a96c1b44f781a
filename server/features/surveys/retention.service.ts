// Retention of the phone survey's answers (SECURITY.md item 26; PIPL art. 19, 47): once a campaign
// is final and FIVESTAR_SURVEY_RETENTION_DAYS have passed since its public notice ended, every
// household's answer (choice, topic answers, device flag, receipt) and every code never answered
// are deleted. Each village's counts stay (survey_village_tallies), so the progress page, the
// explanation's source line and what-if read what they read before; the stars themselves rest on
// the stored results and the rating inputs the computation kept, which the purge never touches.
// Run by `fivestar surveys purge` and by the server at start and daily; decided on the services'
// clock; each purged campaign audited in the purge's own transaction.
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { chinaDate } from '../../../shared/dates.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { lockCampaignRow } from '../campaigns/campaigns.queries.js';
import { answersDue, answersKeptUntil } from './surveys.js';
import { addKeptTallies, deleteAnswersAndUnusedCodes, selectFinalCampaignsWithSurveyData, selectPurgeCounts, type VillageCounts } from './retention.queries.js';

export type SurveyPurge = {
  countyId: string;
  campaignId: string;
  campaignName: string;
  year: number;
  /** The last day the answers were to be kept. */
  keptUntil: string;
  answers: number;
  /** Codes never answered: unused, and of them revoked (both deleted). */
  unusedCodes: number;
  revokedCodes: number;
  villages: number;
};

function summary(rows: readonly VillageCounts[]) {
  return {
    answers: rows.reduce((s, r) => s + r.satisfied + r.basicallySatisfied + r.unsatisfied, 0),
    unusedCodes: rows.reduce((s, r) => s + r.unusedCodes + r.revokedCodes, 0),
    revokedCodes: rows.reduce((s, r) => s + r.revokedCodes, 0),
    villages: rows.length,
  };
}

/**
 * Deletes the answers and unanswered codes of every final campaign past its retention, or with
 * `dryRun` only reports what would go (nothing written, nothing audited). `by` names the actor in
 * the audit rows: 'cli' for the command, 'system' for the server's own daily run.
 */
export async function purgeSurveyAnswers(services: Services, options: { retentionDays: number; dryRun?: boolean; by: 'cli' | 'system' }): Promise<SurveyPurge[]> {
  const today = chinaDate(services.now());
  const done: SurveyPurge[] = [];
  for (const c of await selectFinalCampaignsWithSurveyData(services.db)) {
    const keptUntil = answersKeptUntil(c, options.retentionDays, chinaDate);
    if (!keptUntil || !answersDue(keptUntil, today)) continue;
    const base = { countyId: c.countyId, campaignId: c.id, campaignName: c.name, year: c.year, keptUntil };
    if (options.dryRun) {
      done.push({ ...base, ...summary(await selectPurgeCounts(services.db, c.countyId, c.id)) });
      continue;
    }
    const purged = await inTransaction(services, async (tx) => {
      await lockCampaignRow(tx.db, c.countyId, c.id);
      const rows = await selectPurgeCounts(tx.db, c.countyId, c.id);
      const counts = summary(rows);
      await addKeptTallies(tx.db, c.countyId, c.id, rows, services.now());
      const deleted = await deleteAnswersAndUnusedCodes(tx.db, c.countyId, c.id);
      // The counts kept are the rows deleted: read under the campaign's lock, in this transaction.
      if (deleted.answers !== counts.answers || deleted.codes !== counts.unusedCodes) throw new Error('survey purge: counts changed during the purge');
      const actor = { countyId: c.countyId, userId: null, username: options.by, role: null, ip: null, requestId: null };
      await recordAuditAs(tx, actor, {
        event: 'survey.purge',
        objectType: 'campaign',
        objectId: c.id,
        after: { campaignName: c.name, year: c.year, keptUntil, retentionDays: options.retentionDays, ...counts },
      });
      return counts;
    });
    done.push({ ...base, ...purged });
  }
  return done;
}

/**
 * The server's own run: once now and then every `everyMs` (a day), each run deciding on the
 * services' clock. The timer does not keep the process alive; stop() ends it.
 */
export function scheduleSurveyPurge(run: () => Promise<unknown>, options: { everyMs?: number; onError: (err: unknown) => void }): { stop(): void } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return; // a slow run is never overlapped by the next
    running = run()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 24 * 3600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
