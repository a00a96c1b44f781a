import ExcelJS from 'exceljs';

/**
 * Builds an import file the way a user does: the server's own template, first sheet, header row
 * kept, example rows replaced by `rows` (values keyed by the Chinese headers).
 */
export async function fillTemplate(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('template has no sheet');
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(String(cell.value ?? '').trim(), col));
  // Blank the example rows in place (spliceRows leaves rows behind in exceljs 4).
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1) row.eachCell((cell) => (cell.value = null));
  });
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      const col = headers.get(header);
      if (!col) throw new Error(`template has no column “${header}”`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID with a correct check character (GB 11643) from 17 digits. */
export function idNumberFrom(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (idWeights[i] ?? 0);
  return first17 + ('10X98765432'[sum % 11] ?? '');
}
