// Villages × columns typed like a spreadsheet and saved as one block by the page (the arena and
// the vote grids): Tab and the arrows move, a block pasted from Excel/WPS fills from the focused
// cell, a bad cell stays as typed in red with its reason, and the server's refusal of a cell is
// shown at that cell until the row is edited again.
import { useRef } from 'react';
import { Typography } from 'antd';
import type { CellCheck } from '../../../shared/score-cell';
import { focusGridCell, gridKeyTarget, isBlockPaste, pasteBlock, type Drafts } from './sheet-grid';

export type BlockColumn = { id: string; title: string; sub?: string; check: (text: string) => CellCheck };
export type BlockRow = { villageId: string; name: string; townName: string; canEdit: boolean };
/** Reasons by village, then column; the column `row` holds a reason about the whole row. */
export type CellErrors = Record<string, Record<string, string>>;

type Props<R extends BlockRow> = {
  rows: R[];
  columns: BlockColumn[];
  /** The stored value of a cell as text (blank for none). */
  stored: (row: R, columnId: string) => string;
  drafts: Drafts;
  /** New drafts and the villages they touched (their server errors no longer hold). */
  onDrafts: (drafts: Drafts, touched: string[]) => void;
  locked: boolean;
  errors: CellErrors;
  /** The last column: a total, or the row's own rule when it is broken. */
  trailing?: { title: string; render: (row: R, text: (columnId: string) => string) => React.ReactNode };
  testId: string;
};

export const cellTextOf = <R extends BlockRow>(drafts: Drafts, stored: Props<R>['stored'], row: R, columnId: string) => drafts[row.villageId]?.[columnId] ?? stored(row, columnId);

const cellStyle: React.CSSProperties = { border: '1px solid #f0f0f0', padding: 0, minWidth: 90 };
const headStyle: React.CSSProperties = { border: '1px solid #f0f0f0', background: '#fafafa', padding: '6px 8px', fontWeight: 500, fontSize: 12, verticalAlign: 'bottom' };

export function BlockGrid<R extends BlockRow>({ rows, columns, stored, drafts, onDrafts, locked, errors, trailing, testId }: Props<R>) {
  const table = useRef<HTMLTableElement>(null);
  const editable = rows.filter((r) => r.canEdit);

  function edit(villageId: string, columnId: string, text: string) {
    onDrafts({ ...drafts, [villageId]: { ...(drafts[villageId] ?? {}), [columnId]: text } }, [villageId]);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    const to = gridKeyTarget(e, row, col);
    if (!to || !table.current) return;
    e.preventDefault();
    focusGridCell(table.current, to[0], to[1]);
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>, row: number, col: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlockPaste(text)) return;
    e.preventDefault();
    const pasted = pasteBlock(drafts, editable, columns, { row, col }, text);
    onDrafts(pasted.drafts, pasted.touched);
  }

  return (
    <div style={{ overflowX: 'auto' }} data-testid={testId}>
      <table ref={table} style={{ borderCollapse: 'collapse', fontSize: 13 }}>
        <thead>
          <tr>
            <th style={{ ...headStyle, position: 'sticky', left: 0, zIndex: 2, minWidth: 180, textAlign: 'left' }}>村（社区）</th>
            {columns.map((c) => (
              <th key={c.id} style={headStyle} scope="col">
                <div>{c.title}</div>
                {c.sub && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.sub}
                  </Typography.Text>
                )}
              </th>
            ))}
            {trailing && <th style={{ ...headStyle, minWidth: 120 }}>{trailing.title}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const rowIndex = editable.indexOf(r);
            const writable = r.canEdit && !locked;
            const text = (columnId: string) => cellTextOf(drafts, stored, r, columnId);
            const rowError = errors[r.villageId]?.row;
            return (
              <tr key={r.villageId} data-village={r.name}>
                <th scope="row" style={{ ...headStyle, position: 'sticky', left: 0, zIndex: 1, textAlign: 'left', fontWeight: 400, background: rowError ? '#fff1f0' : headStyle.background }}>
                  {r.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                    {r.townName}
                  </Typography.Text>
                  {rowError && (
                    <div>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {rowError}
                      </Typography.Text>
                    </div>
                  )}
                </th>
                {columns.map((c, col) => {
                  const value = text(c.id);
                  const check = c.check(value);
                  const reason = !check.ok ? check.reason : errors[r.villageId]?.[c.id];
                  return (
                    <td key={c.id} style={{ ...cellStyle, background: reason ? '#fff1f0' : undefined }}>
                      {writable ? (
                        <>
                          <input
                            data-cell={`${rowIndex}:${col}`}
                            aria-label={`${r.name} ${c.title}`}
                            aria-invalid={Boolean(reason)}
                            inputMode="decimal"
                            value={value}
                            onChange={(e) => edit(r.villageId, c.id, e.target.value)}
                            onKeyDown={(e) => onKeyDown(e, rowIndex, col)}
                            onPaste={(e) => onPaste(e, rowIndex, col)}
                            onFocus={(e) => e.target.select()}
                            style={{ width: '100%', border: 'none', outline: 'none', padding: '6px 8px', background: 'transparent', textAlign: 'right', font: 'inherit', color: reason ? '#cf1322' : undefined }}
                          />
                          {/* The reason stays in sight at its cell: a pasted block has no pointer over it. */}
                          {reason && (
                            <div role="alert" style={{ padding: '0 8px 4px', fontSize: 12, color: '#cf1322', maxWidth: 220 }}>
                              {reason}
                            </div>
                          )}
                        </>
                      ) : (
                        <div style={{ padding: '6px 8px', textAlign: 'right', color: '#8c8c8c' }}>{value || '—'}</div>
                      )}
                    </td>
                  );
                })}
                {trailing && <td style={{ ...cellStyle, padding: '6px 8px', textAlign: 'right' }}>{trailing.render(r, text)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
