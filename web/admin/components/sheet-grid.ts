// What every spreadsheet-like grid of the admin shares (the score grid, the arena and the vote
// grids): drafts of typed or pasted text, a block pasted from Excel/WPS, and the keys that move
// between cells the way a spreadsheet does.
import { parseClipboardBlock } from '../../../shared/score-cell';

/** Typed text by row key, then column id: only cells changed and not yet taken by the server. */
export type Drafts = Record<string, Record<string, string>>;

/** Writes a pasted block from the focused cell rightwards and downwards over the editable cells. */
export function pasteBlock(drafts: Drafts, rows: readonly { villageId: string }[], columns: readonly { id: string }[], at: { row: number; col: number }, text: string): { drafts: Drafts; touched: string[] } {
  const block = parseClipboardBlock(text);
  const next: Drafts = { ...drafts };
  const touched = new Set<string>();
  block.forEach((cells, dr) => {
    const row = rows[at.row + dr];
    if (!row) return;
    const mine = { ...(next[row.villageId] ?? {}) };
    cells.forEach((value, dc) => {
      const column = columns[at.col + dc];
      if (column) mine[column.id] = value.trim();
    });
    next[row.villageId] = mine;
    touched.add(row.villageId);
  });
  return { drafts: next, touched: [...touched] };
}

/** A paste of one value is the input's own; tabs or line breaks make it a block. */
export const isBlockPaste = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

/** Focuses the cell `data-cell="row:col"` inside `scope` and selects its text. */
export function focusGridCell(scope: ParentNode, row: number, col: number): void {
  const el = scope.querySelector<HTMLInputElement>(`[data-cell="${row}:${col}"]`);
  if (el) {
    el.focus();
    el.select();
  }
}

/**
 * The cell a key moves to, or null when the key stays in the input: Enter/Shift+Enter and the
 * up/down arrows between rows, left/right only from the ends of the text.
 */
export function gridKeyTarget(e: React.KeyboardEvent<HTMLInputElement>, row: number, col: number): [number, number] | null {
  const input = e.currentTarget;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  if (e.key === 'Enter') return [row + (e.shiftKey ? -1 : 1), col];
  if (e.key === 'ArrowDown') return [row + 1, col];
  if (e.key === 'ArrowUp') return [row - 1, col];
  if (e.key === 'ArrowLeft' && atStart) return [row, col - 1];
  if (e.key === 'ArrowRight' && atEnd) return [row, col + 1];
  return null;
}
