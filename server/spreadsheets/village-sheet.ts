// Sheets with one row per village, found again by its code on upload: the score grid, the arena
// scores and the democratic votes share the columns that name the village and the matching rules.
import { columnLetter } from '../../shared/score-cell.js';
import type { Column, ReadRow, RowError, SheetSpec } from './xlsx-table.js';

export const villageColumns = [
  { key: 'townName', header: '镇（街道）', width: 12, note: '村所在的镇（街道），仅供核对' },
  { key: 'villageName', header: '村（社区）', width: 14, note: '仅供核对，按“村编码”匹配' },
  { key: 'villageCode', header: '村编码', width: 12, required: true, note: '请勿修改：按编码找到村' },
] as const satisfies readonly Column[];

export type SheetVillage = { villageId: string; name: string; code: string; townName: string };

export const villageCells = (v: SheetVillage) => ({ townName: v.townName, villageName: v.name, villageCode: v.code });

/** Where a cell sits, as Excel names it (E3), for the reasons of a refused upload. */
export function cellRef(spec: SheetSpec<string>, key: string, row: number): string {
  return `${columnLetter(spec.columns.findIndex((c) => c.key === key) + 1)}${row}`;
}

/**
 * Pairs each read row with the village of its code among `targets` (the villages the caller may
 * write); an unknown code or a village met twice is an error of that row. `each` checks the rest
 * of the row and reports through `fail`.
 */
export function matchVillageRows<K extends string, T extends SheetVillage>(
  read: ReadRow<K | 'villageCode'>[],
  targets: readonly T[],
  each: (target: T, values: Record<K | 'villageCode', string>, fail: (field: string, reason: string) => void, row: number) => void,
): RowError[] {
  const byCode = new Map(targets.map((t) => [t.code, t]));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { row, values } of read) {
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const target = byCode.get(values.villageCode ?? '');
    if (!target) {
      fail('村编码', `编码“${values.villageCode ?? ''}”不是您可以填报的村`);
      continue;
    }
    if (seen.has(target.villageId)) fail('村编码', `“${target.name}”在表中出现了多次`);
    seen.add(target.villageId);
    each(target, values, fail, row);
  }
  return errors;
}
