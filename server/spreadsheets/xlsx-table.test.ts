// Uploads are read on the reader thread: every cell's text comes back exactly, multi-byte text
// included wherever it falls in the file (a streaming read once split a Chinese character that
// straddled two pieces of the sheet's XML), and a bad file is refused with its code.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { readTable, writeTable, type SheetSpec } from './xlsx-table.js';

const spec: SheetSpec<'name' | 'kind' | 'note'> = {
  name: '组织架构',
  columns: [
    { key: 'name', header: '组织名称', required: true },
    { key: 'kind', header: '组织类型', required: true },
    { key: 'note', header: '备注' },
  ],
};

// Text of one to four bytes a character in UTF-8, of varying length so the characters fall on
// every offset of the file's pieces: 行政村, 𠀀 (outside the basic plane), ASCII, é.
const rowOf = (i: number) => ({ name: `新${i}村${'行政村'.repeat(i % 7)}`, kind: i % 2 ? '行政村' : '社区', note: `备注𠀀${'é'.repeat(i % 3)}-${i}` });

describe('readTable', () => {
  it('when a file of 6,000 rows of Chinese text is read, then every cell comes back exactly, in order, with its row number', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => rowOf(i));
    const file = await writeTable(spec, rows);
    expect(file.length).toBeGreaterThan(64 * 1024);
    const read = await readTable(spec, file);
    expect(read).toEqual(rows.map((values, i) => ({ row: i + 2, values })));
  });

  it('when two files are read at once, then each gets its own rows', async () => {
    const a = await writeTable(spec, [rowOf(1), rowOf(2)]);
    const b = await writeTable(spec, [rowOf(3)]);
    const [ra, rb] = await Promise.all([readTable(spec, a), readTable(spec, b)]);
    expect(ra.map((r) => r.values)).toEqual([rowOf(1), rowOf(2)]);
    expect(rb.map((r) => r.values)).toEqual([rowOf(3)]);
  });

  it('when columns come in another order, a header is missing or a row is empty, then values follow the headers, a missing optional one is empty, empty rows are skipped', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('x');
    ws.addRow(['组织类型', '其他', '组织名称']);
    ws.addRow(['行政村', '忽略', ' 甲村 ']);
    ws.addRow([]);
    ws.addRow(['', '只有其他列', '']);
    ws.addRow(['社区', '', '乙社区']);
    const read = await readTable(spec, Buffer.from(await book.xlsx.writeBuffer()));
    expect(read).toEqual([
      { row: 2, values: { name: '甲村', kind: '行政村', note: '' } },
      { row: 5, values: { name: '乙社区', kind: '社区', note: '' } },
    ]);
  });

  it('when the file is not an xlsx, has no required header or no rows, then it is refused with the code', async () => {
    const code = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? { code: e.code, details: e.details } : e));
    expect(await code(readTable(spec, Buffer.from('组织名称,组织类型\n甲村,行政村')))).toEqual({ code: 'import.not_xlsx', details: undefined });
    const noKind = await writeTable({ name: 'x', columns: [spec.columns[0]!] }, [{ name: '甲村' }]);
    expect(await code(readTable(spec, noKind))).toEqual({ code: 'import.rows_invalid', details: { errors: [{ row: 1, field: '组织类型', reason: '缺少表头“组织类型”' }] } });
    expect(await code(readTable(spec, await writeTable(spec, [])))).toEqual({ code: 'import.empty', details: undefined });
  });
});
