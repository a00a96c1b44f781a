// One democratic vote count, read the same way in the grid (typed or pasted), in an .xlsx upload
// and by the server's save: a whole number 0..1,000,000, never rounded or set to 0.
import type { CellCheck } from './score-cell.js';

export const maxVoteCount = 1_000_000;

export const voteKeys = ['excellent', 'good', 'fair', 'poor'] as const;
export type VoteKey = (typeof voteKeys)[number];
export type VoteCounts = Record<VoteKey, number>;

/** True when a value sent by a client is a count the server may store. */
export function isVoteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxVoteCount;
}

export const voteCountRule = `0 至 ${maxVoteCount} 之间的整数`;

/** Blank is "not entered"; otherwise a whole number 0..1,000,000 (the CellCheck's points hold the count). */
export function checkVoteCell(text: string): CellCheck {
  const t = text.trim();
  if (t === '') return { ok: true, points: null };
  if (!/^\d{1,7}$/.test(t) || Number(t) > maxVoteCount) return { ok: false, reason: `“${t.slice(0, 20)}”不是 ${voteCountRule}` };
  return { ok: true, points: Number(t) };
}

/**
 * The rule of a village's row once each cell is a count (or blank): all four or none, and not all
 * zero (民主评价票数不能全部为 0). Null when the row may be stored (or is wholly blank).
 */
export function voteRowProblem(counts: Record<VoteKey, number | null>): { code: 'democratic.incomplete' | 'democratic.empty'; reason: string } | null {
  const given = voteKeys.filter((k) => counts[k] !== null);
  if (given.length === 0) return null;
  if (given.length < voteKeys.length) return { code: 'democratic.incomplete', reason: '优秀、良好、一般、较差四项票数应全部填写' };
  if (voteKeys.every((k) => counts[k] === 0)) return { code: 'democratic.empty', reason: '票数合计不能为 0' };
  return null;
}
