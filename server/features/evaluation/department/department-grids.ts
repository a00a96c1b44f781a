// Pure checks shared by the stage-2 grids' block saves.
import type { GridCellError } from '../../../../shared/contracts/department-grids.js';
import { democraticLabels } from '../../../../shared/contracts/evaluation-stages.js';
import { isVoteCount, voteCountRule, voteKeys, voteRowProblem, type VoteCounts } from '../../../../shared/vote-cell.js';

/** A village sent twice in one block is refused: which of the two should win is not ours to guess. */
export function duplicateCells(rows: readonly { villageId: string }[], code: string): GridCellError[] {
  const seen = new Set<string>();
  const cells: GridCellError[] = [];
  for (const r of rows) {
    if (seen.has(r.villageId)) cells.push({ villageId: r.villageId, column: 'village', code, reason: '同一个村在提交中出现了多次' });
    seen.add(r.villageId);
  }
  return cells;
}

/** Each count as the form checks it, then the row's rule; the refused cells, or none. */
export function voteRowCells(row: { villageId: string } & Record<(typeof voteKeys)[number], unknown>): GridCellError[] {
  const bad = voteKeys.filter((k) => !isVoteCount(row[k]));
  if (bad.length > 0) {
    return bad.map((k) => ({
      villageId: row.villageId, column: k, code: 'democratic.votes_invalid', reason: `「${democraticLabels[k]}」${String(row[k]).slice(0, 20)} 不是 ${voteCountRule}`,
    }));
  }
  const problem = voteRowProblem(row as VoteCounts);
  return problem ? [{ villageId: row.villageId, column: 'total', code: problem.code, reason: problem.reason }] : [];
}
