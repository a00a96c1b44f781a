// One table per sheet, with a header row in Chinese: the shape of every import template,
// import file and export in fivestar.
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors.js';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers.js';
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
 * The workbook is loaded whole (multi-byte text decoded whole, see xlsx-cells.ts) on the reader
 * thread: loading a 10,000-row file on the server's thread held it for most of a second.
 */
export async function readTable<K extends string>(spec: SheetSpec<K>, data: Buffer): Promise<ReadRow<K>[]> {
  const rows: ReadRow<K>[] = [];
  const end = await readOnReaderThread(data, spec.columns.map((c) => c.header), (chunk) => {
    for (const [row, texts] of chunk) {
      const values = {} as Record<K, string>;
      spec.columns.forEach((c, i) => (values[c.key] = texts[i] ?? ''));
      rows.push({ row, values });
    }
  });
  if ('error' in end) throw new AppError(end.error);
  const found = new Set(end.found);
  const missing = spec.columns.filter((c) => c.required && !found.has(c.header));
  if (missing.length > 0) {
    throw new AppError('import.rows_invalid', {
      errors: missing.map((c) => ({ row: 1, field: c.header, reason: `缺少表头“${c.header}”` })),
    });
  }
  if (rows.length === 0) throw new AppError('import.empty');
  return rows;
}

type ReadEnd = { error: 'import.not_xlsx' | 'import.empty' } | { found: string[]; rows: number };
type Pending = { onRows: (rows: [number, string[]][]) => void; resolve: (end: ReadEnd) => void; reject: (err: Error) => void };

// One reader thread for the process, started at the first upload; it holds the process open only
// while a read is waiting on it. A thread that dies fails the reads it had and is started again.
let reader: Worker | null = null;
let nextRead = 1;
const pending = new Map<number, Pending>();

function readerThread(): Worker {
  if (reader) return reader;
  const thread = startWorker('xlsx-reader');
  const fail = (err: Error) => {
    if (reader === thread) reader = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  thread.on('message', (m: { id: number; rows?: [number, string[]][]; end?: ReadEnd; fault?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.rows) return p.onRows(m.rows);
    pending.delete(m.id);
    if (pending.size === 0) thread.unref();
    if (m.end) p.resolve(m.end);
    else p.reject(new Error(`xlsx reader: ${m.fault ?? 'no answer'}`));
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`xlsx reader stopped (exit code ${code})`)));
  reader = thread;
  return thread;
}

function readOnReaderThread(data: Buffer, headers: string[], onRows: Pending['onRows']): Promise<ReadEnd> {
  const thread = readerThread();
  const id = nextRead++;
  return new Promise<ReadEnd>((resolve, reject) => {
    pending.set(id, { onRows, resolve, reject });
    thread.ref();
    // Copied, not transferred: the request's body may share its memory with other buffers.
    thread.postMessage({ id, data: new Uint8Array(data), headers });
  });
}

export type RowError = { row: number; field?: string; reason: string };

/** Imports are all or nothing: any bad row refuses the whole file, listing every bad row. */
export function refuseIfErrors(errors: RowError[]): void {
  if (errors.length > 0) throw new AppError('import.rows_invalid', { errors: errors.slice(0, 500) });
}
