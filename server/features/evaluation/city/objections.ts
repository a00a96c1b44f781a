// Pure rules of the public notice's objections (异议): when they may be lodged, the receipt a
// villager keeps, how a contact is masked, and the steps received → handled → answered.
import { randomInt } from 'node:crypto';
import { maskPhone } from '../../../../shared/mask.js';
import type { CampaignStatus } from '../../../../shared/contracts/campaigns.js';
import type { ObjectionStatus } from '../../../../shared/contracts/evaluation-results.js';

/** Objections are taken on the notice's days, while the campaign is in notice. */
export function acceptsObjections(campaign: { status: CampaignStatus; noticeStarts: string | null; noticeEnds: string | null }, today: string): boolean {
  return campaign.status === 'notice' && !!campaign.noticeStarts && !!campaign.noticeEnds && campaign.noticeStarts <= today && today <= campaign.noticeEnds;
}

// No 0/O or 1/I: the number is read aloud and typed on a phone.
const receiptAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten characters from 32: about 50 bits, not guessable within any rate limit. */
export function newReceiptNo(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += receiptAlphabet[randomInt(receiptAlphabet.length)];
  return out;
}

export function maskContact(contact: string): string {
  if (/^1[3-9]\d{9}$/.test(contact)) return maskPhone(contact) as string;
  const chars = [...contact];
  return chars.length <= 1 ? '*' : `${chars[0]}***`;
}

export const mayHandle = (status: ObjectionStatus) => status === 'received';
export const mayAnswer = (status: ObjectionStatus) => status === 'handled';
