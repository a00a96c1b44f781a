// When a village's department review is complete, and what its published notice says.
import type { SheetIndicator } from '../sheets/sheets.js';

export type ReviewFacts = {
  indicators: SheetIndicator[];
  /** Department-stage points by indicator id. */
  points: Map<string, number>;
  arenaIndicatorId: string | null;
  /** Judges of the village's panel(s), and those who scored the arena. */
  panelJudges: ReadonlySet<string>;
  arenaJudges: ReadonlySet<string>;
  comment: string;
};

export type ReviewState = { totalH: number; maxH: number; missing: string[]; complete: boolean };

const h = (points: number) => Math.round(points * 100);

/** Complete: every department indicator scored, every panel judge scored the arena, and a comment. */
export function reviewState(f: ReviewFacts): ReviewState {
  const missing: string[] = [];
  const unscored = f.indicators.filter((i) => i.id !== f.arenaIndicatorId && !f.points.has(i.id));
  if (unscored.length > 0) missing.push(`未评分指标：${unscored.map((i) => i.name).join('、')}`);
  if (f.arenaIndicatorId) {
    const pending = [...f.panelJudges].filter((j) => !f.arenaJudges.has(j)).length;
    if (f.panelJudges.size === 0) missing.push('未分配评委组，擂台比武无人评分');
    else if (pending > 0) missing.push(`擂台比武：${f.panelJudges.size - pending}/${f.panelJudges.size} 位评委已评分`);
  }
  if (!f.comment.trim()) missing.push('点评意见未填写');
  return {
    totalH: f.indicators.reduce((n, i) => n + h(f.points.get(i.id) ?? 0), 0),
    maxH: f.indicators.reduce((n, i) => n + h(i.maxPoints), 0),
    missing,
    complete: missing.length === 0,
  };
}

/** Why the department cannot publish now, by campaign status; null in stages 2 and 3. */
export function publishLock(status: string): string | null {
  if (status === 'department' || status === 'city') return null;
  return status === 'draft' || status === 'mutual' ? '部门点评尚未开始' : '市级考评已结束，不能再公示部门点评结果';
}
