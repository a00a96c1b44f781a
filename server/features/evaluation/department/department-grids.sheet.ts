// The stage-2 grids as .xlsx: one row per village the judge fills, found again by its code, and
// every cell checked by the same rules as the grid and the forms before anything is stored.
import type { ReadRow, RowError, SheetSpec } from '../../../spreadsheets/xlsx-table.js';
import { cellRef, matchVillageRows, villageCells, villageColumns, type SheetVillage } from '../../../spreadsheets/village-sheet.js';
import { checkCell } from '../../../../shared/score-cell.js';
import { checkVoteCell, voteCountRule, voteKeys, voteRowProblem, type VoteCounts, type VoteKey } from '../../../../shared/vote-cell.js';
import { democraticLabels } from '../../../../shared/contracts/evaluation-stages.js';
import type { ArenaIndicator } from './arena.js';

export const arenaHeader = (i: ArenaIndicator) => `我的评分（满分${i.maxPoints}）`;

export function arenaSheet(indicator: ArenaIndicator): SheetSpec<string> {
  return {
    name: '擂台比武评分',
    columns: [
      ...villageColumns,
      { key: 'points', header: arenaHeader(indicator), width: 16, required: true, note: `${indicator.name}：0 至 ${indicator.maxPoints} 分，最多两位小数；留空表示不评分（已有的评分将撤回）` },
    ],
  };
}

export const arenaSheetRows = (rows: (SheetVillage & { points: number | null })[]) => rows.map((r) => ({ ...villageCells(r), points: r.points }));

export type PlannedArenaRow = { villageId: string; points: number | null };

/** Every cell checked first; any error refuses the whole file. `rows`: the villages the judge scores. */
export function planArenaImport(read: ReadRow<string>[], indicator: ArenaIndicator, rows: readonly SheetVillage[]): { planned: PlannedArenaRow[]; errors: RowError[] } {
  const spec = arenaSheet(indicator);
  const planned: PlannedArenaRow[] = [];
  const errors = matchVillageRows(read, rows, (target, values, fail, row) => {
    const check = checkCell(values.points ?? '', indicator.maxPoints);
    if (check.ok) planned.push({ villageId: target.villageId, points: check.points });
    else fail(arenaHeader(indicator), `${cellRef(spec, 'points', row)} 单元格${check.reason}`);
  });
  return { planned: errors.length > 0 ? [] : planned, errors };
}

const voteHeader = (k: VoteKey) => `${democraticLabels[k]}（票）`;

export const democraticSheet: SheetSpec<string> = {
  name: '民主评价票数',
  columns: [
    ...villageColumns,
    ...voteKeys.map((k) => ({ key: k, header: voteHeader(k), width: 12, required: true, note: `${voteCountRule}；四项全部填写或全部留空（留空表示不录入该村），合计不能为 0` })),
  ],
};

export const democraticSheetRows = (rows: (SheetVillage & { votes: VoteCounts | null })[]) =>
  rows.map((r) => ({ ...villageCells(r), ...(r.votes ?? {}) }));

export type PlannedVotesRow = { villageId: string; votes: VoteCounts };

/** Each count checked, then each row's rule (all four, not all zero); a wholly blank row is skipped. */
export function planDemocraticImport(read: ReadRow<string>[], rows: readonly SheetVillage[]): { planned: PlannedVotesRow[]; errors: RowError[] } {
  const planned: PlannedVotesRow[] = [];
  const errors = matchVillageRows(read, rows, (target, values, fail, row) => {
    const counts = {} as Record<VoteKey, number | null>;
    let bad = false;
    for (const k of voteKeys) {
      const check = checkVoteCell(values[k] ?? '');
      if (check.ok) counts[k] = check.points;
      else {
        bad = true;
        fail(voteHeader(k), `${cellRef(democraticSheet, k, row)} 单元格${check.reason}`);
      }
    }
    if (bad) return;
    const problem = voteRowProblem(counts);
    if (problem) fail('票数', `${cellRef(democraticSheet, 'excellent', row)}–${cellRef(democraticSheet, 'poor', row)} ${problem.reason}`);
    else if (voteKeys.some((k) => counts[k] !== null)) planned.push({ villageId: target.villageId, votes: counts as VoteCounts });
  });
  return { planned: errors.length > 0 ? [] : planned, errors };
}
