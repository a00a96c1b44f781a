// Pure: what a recomputation (重新生成定星建议) keeps. The engine's proposal is replaced, but the
// department's decisions are not: an override keeps its stars and reason, a confirmation stays.
// Where the proposal of a decided village moved, the village is marked 建议已变化 (before and
// after, and why) and must be confirmed again; nothing is dropped without a word.
import type { ProposalChange } from '../../../db/schema/evaluation.js';

export type PriorResult = {
  villageId: string;
  engineStars: number | null;
  stars: number | null;
  score: number;
  notes: string[];
  overrideReason: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  proposalChange: ProposalChange | null;
};

export type FreshProposal = { villageId: string; engineStars: number | null; score: number; notes: string[] };

export type RecomputeChange = {
  villageId: string;
  engineStarsBefore: number | null;
  engineStarsAfter: number | null;
  scoreBefore: number;
  scoreAfter: number;
  why: string;
  /** What the department had decided and keeps: an override, a confirmation, or nothing yet. */
  kept: 'override' | 'confirmation' | null;
  mustReconfirm: boolean;
};

export type MergedDecision = {
  stars: number | null;
  overrideReason: string | null;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  proposalChange: ProposalChange | null;
  change: RecomputeChange | null;
};

const starText = (s: number | null) => (s === null ? '不定级' : `${s} 星`);

/** Why the proposal moved, from the score and the engine's notes (vetoes, caps, prerequisites). */
export function whyChanged(prior: Pick<PriorResult, 'score' | 'notes'>, fresh: Pick<FreshProposal, 'score' | 'notes'>): string {
  const parts: string[] = [];
  if (prior.score !== fresh.score) parts.push(`综合得分 ${prior.score.toFixed(2)} → ${fresh.score.toFixed(2)}`);
  for (const n of fresh.notes) if (!prior.notes.includes(n)) parts.push(`新增：${n}`);
  for (const n of prior.notes) if (!fresh.notes.includes(n)) parts.push(`不再适用：${n}`);
  return parts.length ? parts.join('；') : '得分与否决、限星情况未变（名额或排序的结果变化）';
}

export function mergeDecision(prior: PriorResult | undefined, fresh: FreshProposal, at: Date): MergedDecision {
  if (!prior) return { stars: fresh.engineStars, overrideReason: null, confirmedAt: null, confirmedBy: null, proposalChange: null, change: null };
  const overridden = prior.overrideReason !== null;
  const decided = overridden || prior.confirmedAt !== null || prior.proposalChange !== null;
  const moved = prior.engineStars !== fresh.engineStars;
  const stars = overridden ? prior.stars : fresh.engineStars;
  if (!moved) {
    return { stars, overrideReason: prior.overrideReason, confirmedAt: prior.confirmedAt, confirmedBy: prior.confirmedBy, proposalChange: prior.proposalChange, change: null };
  }
  const why = whyChanged(prior, fresh);
  const change: RecomputeChange = {
    villageId: fresh.villageId,
    engineStarsBefore: prior.engineStars,
    engineStarsAfter: fresh.engineStars,
    scoreBefore: prior.score,
    scoreAfter: fresh.score,
    why,
    kept: overridden ? 'override' : prior.confirmedAt !== null ? 'confirmation' : null,
    mustReconfirm: decided,
  };
  if (!decided) return { stars, overrideReason: null, confirmedAt: null, confirmedBy: null, proposalChange: null, change };
  // The first "before" is kept across several recomputations: it is what the department decided on.
  const engineBefore = prior.proposalChange ? prior.proposalChange.engineBefore : prior.engineStars;
  const scoreBefore = prior.proposalChange ? prior.proposalChange.scoreBefore : prior.score;
  const proposalChange: ProposalChange = { engineBefore, engineAfter: fresh.engineStars, scoreBefore, scoreAfter: fresh.score, why, at: at.toISOString() };
  return { stars, overrideReason: prior.overrideReason, confirmedAt: null, confirmedBy: null, proposalChange, change };
}

export function changeText(c: RecomputeChange): string {
  return `系统建议 ${starText(c.engineStarsBefore)} → ${starText(c.engineStarsAfter)}（${c.why}）`;
}
