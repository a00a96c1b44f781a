// What the grid holds between the server's rows and the keyboard: typed or pasted text per cell,
// checked against the indicator's range the same way the server checks it (shared/score-cell).
import { checkCell } from '../../../../../shared/score-cell';
import type { GridIndicator, GridRow } from '../../../../../shared/contracts/score-grid';
import type { Drafts } from '../../../components/sheet-grid';

export const shown = (points: number | null | undefined) => (points === null || points === undefined ? '' : String(points));

export function cellText(drafts: Drafts, row: GridRow, indicatorId: string): string {
  return drafts[row.villageId]?.[indicatorId] ?? shown(row.points[indicatorId]);
}

export type RowCheck = { scores: Record<string, number | null>; bad: { indicatorId: string; reason: string }[] };

/** The drafts of one row as the save body, or the cells that stop it from being saved. */
export function checkRow(drafts: Drafts, row: GridRow, columns: GridIndicator[]): RowCheck {
  const scores: Record<string, number | null> = {};
  const bad: RowCheck['bad'] = [];
  for (const c of columns) {
    const text = drafts[row.villageId]?.[c.id];
    if (text === undefined) continue;
    const check = checkCell(text, c.maxPoints);
    if (!check.ok) bad.push({ indicatorId: c.id, reason: check.reason });
    else if (check.points !== (row.points[c.id] ?? null)) scores[c.id] = check.points;
  }
  return { scores, bad };
}

/** After a save: drop the drafts the server now holds (typing that arrived meanwhile stays). */
export function settle(drafts: Drafts, sent: Record<string, number | null>, saved: GridRow): Drafts {
  const mine = { ...(drafts[saved.villageId] ?? {}) };
  for (const [id, text] of Object.entries(mine)) {
    const check = checkCell(text, Number.POSITIVE_INFINITY);
    if (id in sent ? check.ok && check.points === sent[id] : text === shown(saved.points[id])) delete mine[id];
  }
  const next = { ...drafts };
  if (Object.keys(mine).length === 0) delete next[saved.villageId];
  else next[saved.villageId] = mine;
  return next;
}
