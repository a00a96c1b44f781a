// The phone survey's rules, pure: new codes and receipts, when a code may be answered, how phone
// answers and paper counts make the counts the engine rates, and the source shown beside the rate.
import { randomBytes } from 'node:crypto';
import { base32Of, checkCharacter, codeBodyLength } from '../../../shared/survey-code.js';
import type { CampaignStatus, StageWindows } from '../../../shared/contracts/campaigns.js';
import type { SurveyChoice, SurveySource, SurveyTopic } from '../../../shared/contracts/surveys.js';
import type { SurveyCounts } from '../evaluation/mutual/surveys.js';

/** A fresh household code: 80 random bits and the check character. */
export function newCode(): string {
  const body = base32Of(randomBytes(10), codeBodyLength);
  return body + checkCharacter(body);
}

/** The receipt the villager keeps: 50 random bits, unique per county (the table says so too). */
export function newReceiptNo(): string {
  const r = base32Of(randomBytes(7), 10);
  return `R${r.slice(0, 5)}-${r.slice(5)}`;
}

/** What the HMAC is taken over: the prefix keeps it apart from every other digest of the key. */
export const codeDigestInput = (code: string) => `survey-code:${code}`;

/** The shipped questionnaire's topic questions; the department edits them before stage 1 opens. */
export const templateTopics: SurveyTopic[] = [
  { id: 'service', text: '村党组织为民办事' },
  { id: 'openness', text: '村务公开' },
  { id: 'conduct', text: '村干部作风' },
];

export const satisfactionQuestion = '您对本村党组织的工作总体满意吗？';

export type AnswerState = 'open' | 'not_open' | 'ended' | 'village_closed';

/** Whether a code of this campaign may be answered today: only inside stage 1's window. */
export function answerState(status: CampaignStatus, windows: StageWindows, today: string, villageClosed: boolean): AnswerState {
  if (villageClosed) return 'village_closed';
  const w = windows.mutual;
  if (status === 'draft' || today < w.opens) return 'not_open';
  if (status !== 'mutual' || today > w.closes) return 'ended';
  return 'open';
}

/** Codes are issued before and during stage 1, never after it. */
export const mayIssue = (status: CampaignStatus, windows: StageWindows, today: string) => (status === 'draft' || status === 'mutual') && today <= windows.mutual.closes;

/** Topics may change until the first answer could arrive. */
export const mayEditTopics = (status: CampaignStatus, windows: StageWindows, today: string) => status === 'draft' || (status === 'mutual' && today < windows.mutual.opens);

/** FIVESTAR_SURVEY_RETENTION_DAYS when unset: a year after the public notice. */
export const defaultSurveyRetentionDays = 365;

/**
 * The last day a campaign's phone answers are kept: the public notice's last day (the day the
 * results could become final; the campaign's last change when it has none) plus the retention
 * period. Null while the campaign is not final: its answers are kept whatever the date.
 */
export function answersKeptUntil(campaign: { status: CampaignStatus; noticeEnds: string | null; updatedAt: Date }, retentionDays: number, chinaDateOf: (d: Date) => string): string | null {
  if (campaign.status !== 'final') return null;
  const from = campaign.noticeEnds ?? chinaDateOf(campaign.updatedAt);
  return new Date(Date.parse(`${from}T00:00:00Z`) + retentionDays * 86_400_000).toISOString().slice(0, 10);
}

/** The answers are deleted from the day after the last kept day. */
export const answersDue = (keptUntil: string | null, today: string) => keptUntil !== null && today > keptUntil;

export type Tally = { satisfied: number; basicallySatisfied: number; unsatisfied: number };

export function tallyOf(choices: Iterable<{ choice: SurveyChoice; n: number }>): Tally {
  const t: Tally = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
  for (const c of choices) {
    if (c.choice === 'satisfied') t.satisfied += c.n;
    else if (c.choice === 'basically_satisfied') t.basicallySatisfied += c.n;
    else t.unsatisfied += c.n;
  }
  return t;
}

/**
 * The counts the engine rates for a village: phone answers, the paper survey the team entered,
 * or both added up (households answered one way or the other, each once).
 */
export function mergedCounts(phone: Tally | null, paper: SurveyCounts | null): { counts: SurveyCounts; source: SurveySource } | null {
  const phoneN = phone ? phone.satisfied + phone.basicallySatisfied + phone.unsatisfied : 0;
  const p = phoneN > 0 ? phone : null;
  if (!p && !paper) return null;
  if (p && !paper) return { counts: { sampleSize: phoneN, ...p }, source: 'phone' };
  if (!p && paper) return { counts: paper, source: 'paper' };
  const a = p as Tally;
  const b = paper as SurveyCounts;
  return {
    counts: {
      sampleSize: phoneN + b.sampleSize,
      satisfied: a.satisfied + b.satisfied,
      basicallySatisfied: a.basicallySatisfied + b.basicallySatisfied,
      unsatisfied: a.unsatisfied + b.unsatisfied,
    },
    source: 'merged',
  };
}

export const sourceLabels: Record<SurveySource, string> = { phone: '手机测评', paper: '纸质测评', merged: '手机与纸质合并' };

/** The line the engine's explanation gets before the satisfaction rule, saying where the counts came from. */
export function sourceExplanation(source: SurveySource, counts: SurveyCounts, phoneN: number): string {
  const what = `满意 ${counts.satisfied}、基本满意 ${counts.basicallySatisfied}、不满意 ${counts.unsatisfied}，共 ${counts.sampleSize} 份`;
  if (source === 'phone') return `群众满意度测评来源：${sourceLabels.phone}（每户一码）${what}`;
  if (source === 'paper') return `群众满意度测评来源：${sourceLabels.paper}（测评组录入）${what}`;
  return `群众满意度测评来源：${sourceLabels.merged}，手机 ${phoneN} 份 + 纸质 ${counts.sampleSize - phoneN} 份，${what}`;
}

/** Share of issued (not revoked) codes that were answered, in percent with one decimal; null when none issued. */
export function responseRate(used: number, issuedLive: number): number | null {
  if (issuedLive === 0) return null;
  return Math.round((used / issuedLive) * 1000) / 10;
}
