// Workbooks of tens of thousands of rows without holding the event loop: ExcelJS's streaming
// writer (each row is turned into XML as it is added, the zip is deflated by zlib off the main
// thread) and a pause for other requests whenever the writing has run for a few milliseconds. The
// whole workbook of a province (10,000 villages) held the loop for seconds when built in memory
// and written at once; a pause every 250 rows still held it 100 ms and more for a grid of 60
// columns, hence a pause by time rather than by rows.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

type Cell = string | number | boolean | Date | null | undefined;
export type OutColumn = { header: string; key: string; width?: number; wrap?: boolean };
/** Rows to write: an array, or rows shaped as they are written (lazyRows). */
export type OutRows<T> = Iterable<T> & { readonly length: number };
export type OutSheet = { name: string; columns: readonly OutColumn[]; rows: OutRows<Readonly<Record<string, Cell>>> };
/** Rows written so far of all the sheets' rows: an export job's progress. */
export type RowsWritten = (written: number, total: number) => void;

/** How long the writer runs before it lets other requests in. */
const sliceMs = 8;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `rows` shaped one at a time as the writer reaches them, so that the shaping of a big sheet is
 * spread over the writer's pauses instead of done in one go before it starts.
 */
export function lazyRows<R, T>(rows: readonly R[], shape: (row: R) => T): OutRows<T> {
  return {
    length: rows.length,
    *[Symbol.iterator]() {
      for (const row of rows) yield shape(row);
    },
  };
}

/** Every sheet: a bold, shaded, frozen header row of the columns, then the rows. */
export async function writeSheets(sheets: readonly OutSheet[], onRows?: RowsWritten): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'fivestar';
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let written = 0;
  let since = performance.now();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
    header.commit();
    for (const row of s.rows) {
      sheet.addRow(row).commit();
      written++;
      if (performance.now() - since >= sliceMs) {
        onRows?.(written, total);
        await pause();
        since = performance.now();
      }
    }
    sheet.commit();
  }
  onRows?.(written, total);
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}
