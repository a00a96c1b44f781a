// One score cell, read the same way in the grid (typed or pasted from Excel/WPS) and on the
// server (the grid's save and its .xlsx upload): nothing is rounded or clamped, a bad value is refused.

export type CellCheck = { ok: true; points: number | null } | { ok: false; reason: string };

/** 4.35 * 100 is 434.99999999999994 in floating point: compare with a tolerance. */
export function hasTwoDecimalsAtMost(points: number): boolean {
  return Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

/** Blank clears the cell; otherwise a number in 0..max with at most two decimals. */
export function checkCell(text: string, maxPoints: number): CellCheck {
  const t = text.trim();
  if (t === '') return { ok: true, points: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, reason: `“${t}”不是数字` };
  const n = Number(t);
  if (n < 0 || n > maxPoints) return { ok: false, reason: `应在 0 至 ${maxPoints} 分之间` };
  if (!hasTwoDecimalsAtMost(n)) return { ok: false, reason: '最多保留两位小数' };
  return { ok: true, points: n };
}

/** A block copied from a spreadsheet: rows by line, cells by tab; the trailing newline is not a row. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA), for error messages. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
