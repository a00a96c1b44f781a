// 异议 on the department's side: the objections lodged during the public notice are handled
// (accepted, possibly with new stars through an audited correction, or rejected) and answered;
// the answer is what the villager sees with the receipt number. The campaign cannot become
// final while an objection is unanswered (campaigns.service.ts).
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import type { Objection, ObjectionHandle, ObjectionListQuery } from '../../../../shared/contracts/evaluation-results.js';
import { recordAudit } from '../../audit/audit.service.js';
import { scopePaths } from '../../auth/principal.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { lockCampaignRow } from '../../campaigns/campaigns.queries.js';
import { applyCorrection } from '../sheets/corrections.service.js';
import { mayAnswer, mayHandle } from './objections.js';
import { listObjectionRows, selectObjectionRow, updateObjection, type ObjectionRow } from './objections.queries.js';

const manageScope = (ctx: Ctx) => scopePaths(ctx.principal, 'campaign:manage');

function presentObjection(row: ObjectionRow): Objection {
  const o = row.objection;
  return {
    id: o.id,
    campaignId: o.campaignId,
    receiptNo: o.receiptNo,
    village: { id: o.villageId, name: row.villageName, townName: row.townName ?? '' },
    content: o.content,
    contactMasked: o.contactMasked,
    status: o.status,
    decision: o.decision,
    handlingNote: o.handlingNote,
    handledByName: row.handledByName,
    handledAt: o.handledAt?.toISOString() ?? null,
    correctionId: o.correctionId,
    answer: o.answer,
    answeredByName: row.answeredByName,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    lodgedAt: o.lodgedAt.toISOString(),
  };
}

export async function listObjections(ctx: Ctx, campaignId: string, q: ObjectionListQuery) {
  await findCampaign(ctx, campaignId);
  const rows = await listObjectionRows(ctx.db, ctx.principal.countyId, manageScope(ctx), campaignId, q);
  return { items: rows.items.map(presentObjection), total: rows.total };
}

async function findObjection(ctx: Ctx, campaignId: string, id: string): Promise<ObjectionRow> {
  const row = await selectObjectionRow(ctx.db, ctx.principal.countyId, manageScope(ctx), campaignId, id);
  if (!row) throw new AppError('objection.not_found');
  return row;
}

/** With the contact in clear when one was left; that read is audited. */
export async function getObjection(ctx: Ctx, campaignId: string, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await findObjection(tx, campaignId, id);
    const enc = row.objection.contactEnc;
    if (enc) await recordAudit(tx, { event: 'objection.view_contact', objectType: 'objection', objectId: id, after: { receiptNo: row.objection.receiptNo } });
    return { ...presentObjection(row), contact: enc ? ctx.crypto.decrypt(enc) : null };
  });
}

/** Handling happens while the notice runs (its days may be over; the status is what counts). */
async function lockedNoticeCampaign(tx: Ctx, campaignId: string) {
  await lockCampaignRow(tx.db, tx.principal.countyId, campaignId);
  const campaign = await findCampaign(tx, campaignId);
  if (campaign.status !== 'notice') throw new AppError('objection.closed', { status: campaign.status });
  return campaign;
}

export async function handleObjection(ctx: Ctx, campaignId: string, id: string, input: ObjectionHandle): Promise<Objection> {
  await inTransaction(ctx, async (tx) => {
    const campaign = await lockedNoticeCampaign(tx, campaignId);
    const row = await findObjection(tx, campaignId, id);
    const o = row.objection;
    if (!mayHandle(o.status)) throw new AppError('objection.invalid_transition', { from: o.status, to: 'handled' });
    const correctionId =
      input.decision === 'accepted' && input.stars !== undefined
        ? await applyCorrection(tx, campaign, o.villageId, input.stars, `异议（回执 ${o.receiptNo}）成立：${input.note}`, o.id)
        : null;
    await updateObjection(tx.db, ctx.principal.countyId, id, {
      status: 'handled', decision: input.decision, handlingNote: input.note, handledBy: ctx.principal.userId, handledAt: ctx.now(), correctionId,
    });
    await recordAudit(tx, {
      event: 'objection.handle',
      objectType: 'objection',
      objectId: id,
      before: { status: o.status },
      after: { status: 'handled', decision: input.decision, correctionId },
    });
  });
  return presentObjection(await findObjection(ctx, campaignId, id));
}

export async function answerObjection(ctx: Ctx, campaignId: string, id: string, answer: string): Promise<Objection> {
  await inTransaction(ctx, async (tx) => {
    await lockedNoticeCampaign(tx, campaignId);
    const o = (await findObjection(tx, campaignId, id)).objection;
    if (!mayAnswer(o.status)) throw new AppError('objection.invalid_transition', { from: o.status, to: 'answered' });
    await updateObjection(tx.db, ctx.principal.countyId, id, { status: 'answered', answer, answeredBy: ctx.principal.userId, answeredAt: ctx.now() });
    await recordAudit(tx, { event: 'objection.answer', objectType: 'objection', objectId: id, before: { status: o.status }, after: { status: 'answered', decision: o.decision } });
  });
  return presentObjection(await findObjection(ctx, campaignId, id));
}
