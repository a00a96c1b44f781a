// 公示 without an account: the proposed results (no personal data) while the notice runs, the
// objection form, and the answer looked up by receipt number. The contact a villager leaves is
// encrypted and never shown here; audit rows hold neither the content nor the contact.
import { randomUUID } from 'node:crypto';
import type { Services } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { ObjectionLodge, PublicNotice, PublicObjection } from '../../../../shared/contracts/evaluation-results.js';
import { recordAuditAs } from '../../audit/audit.service.js';
import { selectNoticeRows, selectResult, selectResults } from '../results/results.queries.js';
import { acceptsObjections, maskContact, newReceiptNo } from './objections.js';
import { insertObjection, selectObjectionByReceipt, selectPublicCampaign } from './objections.queries.js';
import { resultRowsFailingSeal } from '../seals/seals.service.js';
import { standardAtTag } from '../../standards/standard-cache.service.js';
import { selectTownStarsWithScores } from '../results/results-list.queries.js';
import { outcomeLabels } from '../results/outcome-labels.js';
import { perHandle } from '../../../db/prepared.js';
import { NoticeCache } from './notice-cache.js';

async function noticeCampaign(services: Services, campaignId: string) {
  const campaign = await selectPublicCampaign(services.db, campaignId);
  // Before the notice there is nothing public about a campaign, not even that it exists.
  if (!campaign || (campaign.status !== 'notice' && campaign.status !== 'final') || !campaign.noticeStarts || !campaign.noticeEnds) {
    throw new AppError('notice.not_found');
  }
  return { ...campaign, noticeStarts: campaign.noticeStarts, noticeEnds: campaign.noticeEnds };
}

type NoticeContent = Pick<PublicNotice, 'labelDisplay' | 'villages' | 'towns'>;

// One entry per campaign with a notice; an entry is built again at least every minute.
const noticeCacheOf = perHandle(() => new NoticeCache<NoticeContent>({ maxEntries: 256, ttlMs: 60_000 }));
type NoticeCampaign = Awaited<ReturnType<typeof noticeCampaign>>;

/**
 * The villages (those whose seal holds) and towns the notice shows, as built at the campaign's
 * results version and standard version (notice-cache.ts), or built now when either moved.
 */
async function noticeContent(services: Services, campaign: NoticeCampaign): Promise<NoticeContent> {
  const cache = noticeCacheOf(services.db);
  const key = `${campaign.countyId}/${campaign.id}`;
  const tag = `${campaign.resultsVersion}/${campaign.standardTag}`;
  const kept = cache.get(key, tag, services.crypto);
  if (kept) return kept;
  // A row whose seal fails (edited or added outside the application) is never published. The seal
  // check runs again only when the rows or their seals changed since the last check (a hash of
  // both keys it, read with the rows; seals.service resultRowsFailingSeal).
  const [all, towns] = await Promise.all([selectNoticeRows(services.db, campaign.countyId, campaign.id), selectTownStarsWithScores(services.db, campaign.countyId, campaign.id)]);
  const failing = await resultRowsFailingSeal({ ...services, principal: { countyId: campaign.countyId } }, campaign.id, all, all[0]?.sealsFingerprint ?? '');
  const rows = all.filter((r) => !failing.has(r.villageId));
  // The level names only, from the standard's document cached by its row version.
  const standard = await standardAtTag(services.db, campaign.countyId, campaign.standardId, campaign.standardTag);
  const labels = outcomeLabels(standard);
  // Shared by every request that finds it: frozen so that none can change another's answer.
  const content: NoticeContent = Object.freeze({
    labelDisplay: labels?.display ?? null,
    villages: Object.freeze(
      rows.map((r) =>
        Object.freeze({
          orgUnitId: r.villageId,
          name: r.name,
          townName: r.townName ?? '',
          score: r.score,
          stars: r.stars,
          label: labels?.labelOf(r.stars) ?? null,
          rankInTown: r.rankInTown,
          rankInCity: r.rankInCity,
        }),
      ),
    ) as NoticeContent['villages'],
    towns: Object.freeze(towns.map((t) => Object.freeze({ orgUnitId: t.townId, name: t.name, stars: t.stars }))) as NoticeContent['towns'],
  });
  cache.set(key, tag, services.crypto, content);
  return content;
}

export async function getPublicNotice(services: Services, campaignId: string): Promise<PublicNotice> {
  const campaign = await noticeCampaign(services, campaignId);
  const content = await noticeContent(services, campaign);
  return {
    campaignId,
    name: campaign.name,
    year: campaign.year,
    phase: campaign.status === 'final' ? 'final' : 'notice',
    noticeStarts: campaign.noticeStarts,
    noticeEnds: campaign.noticeEnds,
    acceptingObjections: acceptsObjections(campaign, chinaDate(services.now())),
    labelDisplay: content.labelDisplay,
    villages: content.villages,
    towns: content.towns,
  };
}

type Client = { ip: string; requestId: string };

export async function lodgeObjection(services: Services, campaignId: string, input: ObjectionLodge, client: Client) {
  return inTransaction(services, async (tx) => {
    const campaign = await noticeCampaign(tx, campaignId);
    if (!acceptsObjections(campaign, chinaDate(services.now()))) throw new AppError('objection.notice_closed', { noticeEnds: campaign.noticeEnds });
    const result = await selectResult(tx.db, campaign.countyId, campaignId, input.villageId);
    if (!result) throw new AppError('org.not_found');
    const receiptNo = newReceiptNo();
    const id = randomUUID();
    const contact = input.contact || null;
    await insertObjection(tx.db, {
      id, countyId: campaign.countyId, campaignId, villageId: input.villageId, orgPath: result.orgPath, receiptNo, content: input.content,
      contactEnc: contact ? services.crypto.encrypt(contact) : null, contactMasked: contact ? maskContact(contact) : null, status: 'received', lodgedAt: services.now(),
    });
    await recordAuditAs(
      tx,
      { countyId: campaign.countyId, userId: null, username: 'villager', role: null, ip: client.ip, requestId: client.requestId },
      { event: 'objection.lodge', objectType: 'objection', objectId: id, after: { receiptNo, campaignId, villageId: input.villageId, withContact: contact !== null } },
    );
    const village = (await selectResults(tx.db, campaign.countyId, campaignId, [result.orgPath]))[0];
    return { receiptNo, villageName: village?.name ?? '', lodgedAt: services.now().toISOString() };
  });
}

export async function getPublicObjection(services: Services, receiptNo: string): Promise<PublicObjection> {
  const row = await selectObjectionByReceipt(services.db, receiptNo);
  if (!row) throw new AppError('objection.not_found');
  const o = row.objection;
  return {
    receiptNo: o.receiptNo,
    villageName: row.villageName,
    lodgedAt: o.lodgedAt.toISOString(),
    status: o.status,
    answer: o.status === 'answered' ? o.answer : null,
    answeredAt: o.status === 'answered' ? (o.answeredAt?.toISOString() ?? null) : null,
  };
}
