// One score cell, read the same way in the grid (typed or pasted from Excel/WPS) and on the
// server (the grid's save and its .xlsx upload): nothing is rounded or clamped, a bad value is refused.

export type CellCheck = { ok: true; points: number | null } | { ok: false; reason: string };

/** 4.35 * 100 is 434.99999999999994 in floating point: compare with a tolerance. */
export function hasTwoDecimalsAtMost(points: number): boolean {
  return Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

/** Points in a standard have at most this many decimals (docs/standards.md). */
export const pointsDecimals = 2;

/** What the scorer is told a value may be, beside the field and in every refusal: 「0–6 分，最多 2 位小数」. */
export function allowedRangeText(maxPoints: number): string {
  return `0–${maxPoints} 分，最多 ${pointsDecimals} 位小数`;
}

export type PointsProblem = 'not_a_number' | 'negative' | 'above_max' | 'too_many_decimals';

export const pointsProblemText: Record<PointsProblem, string> = {
  not_a_number: '不是数字',
  negative: '不能为负数',
  above_max: '超过满分',
  too_many_decimals: '小数位数过多',
};

/**
 * Why a stored score may not be this value, or null when it may. Anything but a finite number
 * (a string such as 'abc' included) is not a number; nothing is rounded or clamped.
 */
export function pointsProblem(value: unknown, maxPoints: number): PointsProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
  if (value < 0) return 'negative';
  if (value > maxPoints) return 'above_max';
  if (!hasTwoDecimalsAtMost(value)) return 'too_many_decimals';
  return null;
}

/** One refusal sentence: 「村级组织建设」999 超过满分，应为 0–6 分，最多 2 位小数. */
export function pointsRefusalText(label: string, value: unknown, maxPoints: number, problem: PointsProblem): string {
  const shown = typeof value === 'number' || typeof value === 'string' ? String(value).slice(0, 20) : '该值';
  return `「${label}」${shown} ${pointsProblemText[problem]}，应为 ${allowedRangeText(maxPoints)}`;
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
