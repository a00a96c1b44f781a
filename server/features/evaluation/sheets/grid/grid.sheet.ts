// The score grid as an .xlsx: one row per village the caller scores, one column per indicator with
// its maximum in the header, and the sheet's version so an upload cannot overwrite a newer save.
import type { ReadRow, RowError, SheetSpec } from '../../../../spreadsheets/xlsx-table.js';
import { lazyRows } from '../../../../spreadsheets/xlsx-writer.js';
import { cellRef, matchVillageRows, villageCells, villageColumns } from '../../../../spreadsheets/village-sheet.js';
import { checkCell } from '../../../../../shared/score-cell.js';
import type { GridIndicator, GridRow } from '../../../../../shared/contracts/score-grid.js';

const versionColumn = { key: 'version', header: '版本', width: 8, required: true, note: '请勿修改：下载时评分表的版本；上传时若已有人保存过更新的评分，该行会被拒绝，请重新下载' };

export const indicatorHeader = (i: GridIndicator) => `${i.name}（满分${i.maxPoints}）`;

/** The typed indicators (not the arena's computed one) become columns, in the standard's order. */
export function gridSheet(indicators: GridIndicator[]): SheetSpec<string> {
  return {
    name: '评分表',
    columns: [
      ...villageColumns,
      ...indicators
        .filter((i) => i.computedFrom === null)
        .map((i) => ({ key: i.id, header: indicatorHeader(i), width: 14, note: `${i.dimensionName}：0 至 ${i.maxPoints} 分，最多两位小数；留空表示未评分` })),
      versionColumn,
    ],
  };
}

/** Shaped as the writer reaches each row (a province's grid is 10,000 rows × 56 cells). */
export function gridSheetRows(indicators: GridIndicator[], rows: GridRow[]) {
  const typed = indicators.filter((i) => i.computedFrom === null).map((i) => i.id);
  return lazyRows(rows, (r) => {
    const cells: Record<string, string | number | null> = { ...villageCells(r), version: r.version };
    for (const id of typed) cells[id] = r.points[id] ?? null;
    return cells;
  });
}

export type PlannedGridRow = { villageId: string; version: number; scores: Record<string, number | null> };

/**
 * Every cell of every row is checked before anything is saved; any error refuses the whole file.
 * `rows` are the grid rows the caller may score now, with their current versions.
 */
export function planGridImport(read: ReadRow<string>[], indicators: GridIndicator[], rows: GridRow[]): { planned: PlannedGridRow[]; errors: RowError[] } {
  const spec = gridSheet(indicators);
  const typed = indicators.filter((i) => i.computedFrom === null);
  const planned: PlannedGridRow[] = [];
  const errors = matchVillageRows(read, rows, (target, values, fail, row) => {
    const version = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : null;
    if (version === null) fail('版本', '版本应为下载模板时的整数，请勿修改');
    else if (version !== target.version) fail('版本', `“${target.name}”的评分在您下载后已由${target.updatedBy ?? '他人'}修改，请重新下载模板`);
    const scores: Record<string, number | null> = {};
    for (const i of typed) {
      const check = checkCell(values[i.id] ?? '', i.maxPoints);
      if (check.ok) scores[i.id] = check.points;
      else fail(indicatorHeader(i), `${cellRef(spec, i.id, row)} 单元格${check.reason}`);
    }
    if (version !== null) planned.push({ villageId: target.villageId, version, scores });
  });
  return { planned: errors.length > 0 ? [] : planned, errors };
}
