// One table per sheet, with a header row in Chinese: the shape of every import template,
// import file and export in fivestar.
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors.js';
import { writeSheets, type OutRows, type OutSheet, type RowsWritten } from './xlsx-writer.js';

export type Column<K extends string = string> = {
  key: K;
  header: string;
  width?: number;
  /** Shown in the template's second sheet (填写说明). */
  note?: string;
  required?: boolean;
};

export type SheetSpec<K extends string> = { name: string; columns: readonly Column<K>[] };

type Cell = string | number | boolean | Date | null | undefined;

/**
 * A data sheet; with `withNotes`, a 填写说明 sheet too (exports that are edited and re-imported).
 * Written as it goes, pausing for other requests (xlsx-writer.ts): exports reach 10,000s of rows.
 */
export async function writeTable<K extends string>(
  spec: SheetSpec<K>,
  rows: OutRows<Partial<Record<K, Cell>>>,
  opts: { withNotes?: boolean; onRows?: RowsWritten } = {},
): Promise<Buffer> {
  const sheets: OutSheet[] = [{ name: spec.name, columns: spec.columns, rows }];
  if (opts.withNotes) sheets.push({ name: '填写说明', columns: noteColumns, rows: spec.columns.map(noteRow) });
  return writeSheets(sheets, opts.onRows);
}

/**
 * An import template: the data sheet has only the header row (so uploading the template as it
 * is imports nothing), then 填写说明 (what each column takes) and 填写示例 (example rows).
 */
export async function writeTemplate<K extends string>(spec: SheetSpec<K>, examples: Partial<Record<K, Cell>>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'fivestar';
  addTableSheet(book, spec.name, spec.columns, []);
  addNotesSheet(book, spec.columns);
  addTableSheet(book, '填写示例', spec.columns, examples);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const noteColumns = [
  { header: '列名', key: 'header', width: 16 },
  { header: '是否必填', key: 'required', width: 10 },
  { header: '说明', key: 'note', width: 70 },
];
const noteRow = (c: Column) => ({ header: c.header, required: c.required ? '必填' : '选填', note: c.note ?? '' });

function addNotesSheet<K extends string>(book: ExcelJS.Workbook, columns: readonly Column<K>[]) {
  const notes = book.addWorksheet('填写说明');
  notes.columns = noteColumns;
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow(noteRow(c));
}

function addTableSheet<K extends string>(book: ExcelJS.Workbook, name: string, columns: readonly Column<K>[], rows: Iterable<Partial<Record<K, Cell>>>) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  for (const row of rows) sheet.addRow(row);
}

export type ReadRow<K extends string> = { row: number; values: Record<K, string> };

/**
 * Reads the first sheet by header names (column order does not matter). Every value comes back
 * as trimmed text; empty rows are skipped. A missing required header fails the whole file.
 * Loaded whole: ExcelJS's streaming reader turns each piece of the sheet's XML into text on its
 * own and so splits a Chinese character that straddles two pieces (the province benchmark caught
 * 行政村 read back as 行\ufffd\ufffd村); at 10,000 rows loading holds the event loop for most of a second.
 */
export async function readTable<K extends string>(spec: SheetSpec<K>, data: Buffer): Promise<ReadRow<K>[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.not_xlsx');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('import.empty');
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
  const missing = spec.columns.filter((c) => c.required && !headerIndex.has(c.header));
  if (missing.length > 0) {
    throw new AppError('import.rows_invalid', {
      errors: missing.map((c) => ({ row: 1, field: c.header, reason: `缺少表头“${c.header}”` })),
    });
  }
  const rows: ReadRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = {} as Record<K, string>;
    let any = false;
    for (const c of spec.columns) {
      const col = headerIndex.get(c.header);
      const text = col ? cellText(row.getCell(col).value) : '';
      values[c.key] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row: rowNumber, values });
  });
  if (rows.length === 0) throw new AppError('import.empty');
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export type RowError = { row: number; field?: string; reason: string };

/** Imports are all or nothing: any bad row refuses the whole file, listing every bad row. */
export function refuseIfErrors(errors: RowError[]): void {
  if (errors.length > 0) throw new AppError('import.rows_invalid', { errors: errors.slice(0, 500) });
}
