// Moving a campaign to its next step through the stage gate: conditions that must be met are
// refused with their own codes; the others pass only with a written reason, which the audit row
// keeps with every condition it went past. An early start moves the stage's window to today.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { CampaignAdvance, ReadinessItem } from '../../../shared/contracts/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { lockStandard } from '../standards/standards.service.js';
import { nextStatus, noticeEndDate } from './campaigns.js';
import { findCampaign, getCampaign } from './campaigns.service.js';
import { lockCampaignRow, updateCampaignRow, type CampaignRow } from './campaigns.queries.js';
import { readinessOf } from './campaigns.readiness.service.js';
import { windowsMovedForEarlyAdvance } from './campaigns.readiness.js';

/** The first condition no reason can pass, as the error it has always been answered with. */
function refuseUnpassable(items: ReadinessItem[], noticeEnds: string | null): void {
  const hard = items.find((i) => !i.overridable);
  if (!hard) return;
  switch (hard.kind) {
    case 'no_results':
      throw new AppError('campaign.results_unconfirmed', { unconfirmed: -1, blockers: items });
    case 'villages_without_stars':
      throw new AppError('campaign.results_unconfirmed', { unconfirmed: hard.count, blockers: items });
    case 'unresolved_referrals':
      throw new AppError('campaign.referrals_unresolved', { unresolved: hard.count, blockers: items });
    case 'notice_running':
      throw new AppError('campaign.notice_running', { noticeEnds, blockers: items });
    default:
      throw new AppError('campaign.objections_open', { unanswered: hard.count, blockers: items });
  }
}

export async function advanceCampaign(ctx: Ctx, id: string, input: CampaignAdvance) {
  const { to, reason } = input;
  return inTransaction(ctx, async (tx) => {
    await lockCampaignRow(tx.db, ctx.principal.countyId, id);
    const campaign = await findCampaign(tx, id);
    if (nextStatus(campaign.status) !== to) throw new AppError('campaign.illegal_transition', { from: campaign.status, to });
    const readiness = await readinessOf(tx, campaign);
    refuseUnpassable(readiness.items, campaign.noticeEnds);
    if (readiness.items.length > 0 && !reason) throw new AppError('campaign.not_ready', { blockers: readiness.items });
    const set: Partial<CampaignRow> = { status: to, updatedAt: ctx.now() };
    if (to === 'notice') {
      set.noticeStarts = readiness.today;
      set.noticeEnds = noticeEndDate(readiness.today, campaign.noticeDays);
    }
    const early = readiness.items.some((i) => i.kind === 'early_window');
    if (early && readiness.window) set.windows = windowsMovedForEarlyAdvance(campaign.windows, readiness.window.stage, readiness.today);
    // Scores are entered against the standard's indicators: it cannot change once scoring starts.
    if (to === 'mutual') await lockStandard(tx, campaign.standardId, `${campaign.year} 年度评星使用此标准`);
    await updateCampaignRow(tx.db, ctx.principal.countyId, id, set);
    const overridden = readiness.items.length > 0;
    await recordAudit(tx, {
      event: overridden ? 'campaign.advance_override' : 'campaign.advance',
      objectType: 'campaign',
      objectId: id,
      before: { status: campaign.status, ...(set.windows ? { windows: campaign.windows } : {}) },
      after: {
        status: to,
        noticeEnds: set.noticeEnds,
        ...(set.windows ? { windows: set.windows } : {}),
        ...(reason ? { reason } : {}),
        ...(overridden ? { overridden: readiness.items } : {}),
      },
    });
    return getCampaign(tx, id);
  });
}
