// Reading the first sheet of an uploaded workbook as text, by header name: what the import
// reader thread runs (server/xlsx-reader.ts). No AppError here: the thread answers with codes.
import ExcelJS from 'exceljs';

/**
 * Loads the workbook whole (ExcelJS's streaming reader turns each piece of a sheet's XML into
 * text on its own and splits a Chinese character that straddles two pieces) and gives every
 * non-empty row after the first as trimmed text in the order of `headers` ('' where a header is
 * missing or the cell is empty). `onRows` hears the rows a few hundred at a time.
 */
export async function readSheetText(data: Uint8Array, headers: readonly string[], onRows: (rows: [number, string[]][]) => void, perChunk = 500): Promise<{ error: 'import.not_xlsx' | 'import.empty' } | { found: string[]; rows: number }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { error: 'import.not_xlsx' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { error: 'import.empty' };
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
  const cols = headers.map((h) => headerIndex.get(h));
  let chunk: [number, string[]][] = [];
  let count = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts = cols.map((col) => (col ? cellText(row.getCell(col).value) : ''));
    if (!texts.some(Boolean)) return;
    chunk.push([rowNumber, texts]);
    count++;
    if (chunk.length >= perChunk) {
      onRows(chunk);
      chunk = [];
    }
  });
  if (chunk.length) onRows(chunk);
  return { found: [...headerIndex.keys()], rows: count };
}

export function cellText(value: ExcelJS.CellValue): string {
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
