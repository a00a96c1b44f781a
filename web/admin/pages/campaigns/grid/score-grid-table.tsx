// Villages × indicators like a spreadsheet: Tab/Shift+Tab across, Enter/Shift+Enter and the arrows
// between rows, a block pasted from Excel/WPS fills from the focused cell. Each row saves itself a
// moment after the last keystroke, naming the version it started from; a row with a bad cell is not
// sent, and a row someone else saved meanwhile is refused by the server and shown with their values.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { EvaluationStage } from '../../../../../shared/contracts/campaigns';
import type { GridRow, ScoreGrid } from '../../../../../shared/contracts/score-grid';
import { checkCell } from '../../../../../shared/score-cell';
import { errorText, isApiError } from '../../../api/client';
import { saveGridRow } from '../../../api/score-grid-hooks';
import { focusGridCell, gridKeyTarget, isBlockPaste, pasteBlock, type Drafts } from '../../../components/sheet-grid';
import { cellText, checkRow, settle, shown } from './grid-drafts';

type RowState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; text: string }
  | { kind: 'conflict'; current: GridRow };

const autosaveMs = 800;
const cellStyle: React.CSSProperties = { border: '1px solid #f0f0f0', padding: 0, minWidth: 76 };
const headStyle: React.CSSProperties = { border: '1px solid #f0f0f0', background: '#fafafa', padding: '6px 8px', fontWeight: 500, fontSize: 12, verticalAlign: 'bottom' };

type Props = { campaignId: string; stage: EvaluationStage; grid: ScoreGrid };

export function ScoreGridTable({ campaignId, stage, grid }: Props) {
  const [rows, setRows] = useState<GridRow[]>(grid.rows);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [states, setStates] = useState<Record<string, RowState>>({});
  const timers = useRef(new Map<string, number>());
  // The latest drafts and rows for the timers, which fire after a render has passed them by.
  const latest = useRef({ rows, drafts });
  latest.current = { rows, drafts };
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);

  const locked = grid.lockReason !== null;
  const typed = grid.indicators.filter((i) => i.computedFrom === null);
  const computed = grid.indicators.filter((i) => i.computedFrom !== null);
  const editable = rows.filter((r) => r.canScore);
  const setState = (villageId: string, s: RowState) => setStates((all) => ({ ...all, [villageId]: s }));

  async function save(villageId: string) {
    const row = latest.current.rows.find((r) => r.villageId === villageId);
    if (!row) return;
    const { scores, bad } = checkRow(latest.current.drafts, row, typed);
    if (bad.length > 0) return setState(villageId, { kind: 'invalid', count: bad.length });
    if (Object.keys(scores).length === 0) return setState(villageId, { kind: 'idle' });
    setState(villageId, { kind: 'saving' });
    try {
      const saved = await saveGridRow(campaignId, stage, villageId, { version: row.version, scores });
      setRows((all) => all.map((r) => (r.villageId === villageId ? saved : r)));
      setDrafts((d) => settle(d, scores, saved));
      setState(villageId, { kind: 'saved', at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
    } catch (error) {
      if (isApiError(error) && error.code === 'sheet.version_conflict') {
        const current = (error.details as { current: GridRow }).current;
        setState(villageId, { kind: 'conflict', current });
      } else setState(villageId, { kind: 'failed', text: errorText(error) });
    }
  }

  function schedule(villageIds: string[]) {
    for (const id of villageIds) {
      window.clearTimeout(timers.current.get(id));
      timers.current.set(id, window.setTimeout(() => void save(id), autosaveMs));
    }
  }

  function edit(villageId: string, indicatorId: string, text: string) {
    setDrafts((d) => ({ ...d, [villageId]: { ...(d[villageId] ?? {}), [indicatorId]: text } }));
    schedule([villageId]);
  }

  /** Take the other scorer's values: my drafts of the row are dropped. */
  function takeTheirs(current: GridRow) {
    setRows((all) => all.map((r) => (r.villageId === current.villageId ? current : r)));
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => id !== current.villageId)));
    setState(current.villageId, { kind: 'idle' });
  }

  /** Keep mine over theirs, knowingly: save again from the version now stored. */
  function keepMine(current: GridRow) {
    setRows((all) => all.map((r) => (r.villageId === current.villageId ? current : r)));
    latest.current.rows = latest.current.rows.map((r) => (r.villageId === current.villageId ? current : r));
    void save(current.villageId);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    const to = gridKeyTarget(e, row, col);
    if (!to) return;
    e.preventDefault();
    focusGridCell(document, to[0], to[1]);
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>, row: number, col: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlockPaste(text)) return;
    e.preventDefault();
    const { drafts: next, touched } = pasteBlock(drafts, editable, typed, { row, col }, text);
    setDrafts(next);
    latest.current.drafts = next;
    schedule(touched);
  }

  const total = (r: GridRow) => {
    let sum = 0;
    for (const i of grid.indicators) {
      const check = i.computedFrom ? { ok: true as const, points: r.points[i.id] ?? null } : checkCell(cellText(drafts, r, i.id), i.maxPoints);
      if (check.ok && check.points !== null) sum += Math.round(check.points * 100);
    }
    return sum / 100;
  };
  const maxTotal = grid.indicators.reduce((n, i) => n + Math.round(i.maxPoints * 100), 0) / 100;

  return (
    <div style={{ overflowX: 'auto' }} data-testid="score-grid">
      <table style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: '100%' }}>
        <thead>
          <tr>
            <th style={{ ...headStyle, position: 'sticky', left: 0, zIndex: 2, minWidth: 150, textAlign: 'left' }}>村（社区）</th>
            <th style={{ ...headStyle, minWidth: 150 }}>保存状态</th>
            {[...typed, ...computed].map((i) => (
              <th key={i.id} style={headStyle} scope="col">
                <Tooltip title={`${i.dimensionName} · ${i.name}`}>
                  <div style={{ maxWidth: 110, whiteSpace: 'normal' }}>{i.name}</div>
                </Tooltip>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  满分 {i.maxPoints}
                  {i.computedFrom === 'arena' && '（擂台比武自动计算）'}
                </Typography.Text>
              </th>
            ))}
            <th style={headStyle}>合计 / {maxTotal}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const rowIndex = editable.indexOf(r);
            const writable = r.canScore && !locked;
            const state = states[r.villageId] ?? { kind: 'idle' };
            return (
              <tr key={r.villageId} data-village={r.name}>
                <th scope="row" style={{ ...headStyle, position: 'sticky', left: 0, zIndex: 1, textAlign: 'left', fontWeight: 400 }}>
                  {r.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                    {r.townName}
                  </Typography.Text>
                </th>
                <td style={{ ...cellStyle, padding: '4px 8px' }} data-testid={`row-state-${r.name}`}>
                  <RowStatus state={state} writable={writable} row={r} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
                </td>
                {typed.map((i, col) => {
                  const text = cellText(drafts, r, i.id);
                  const check = checkCell(text, i.maxPoints);
                  const theirs = state.kind === 'conflict' ? state.current.points[i.id] ?? null : undefined;
                  const differs = theirs !== undefined && shown(theirs) !== text;
                  return (
                    <td key={i.id} style={{ ...cellStyle, background: !check.ok ? '#fff1f0' : differs ? '#fffbe6' : undefined }}>
                      {writable ? (
                        <Tooltip title={!check.ok ? check.reason : differs ? `对方保存的分数：${shown(theirs) || '空'}` : undefined} open={!check.ok || differs ? undefined : false}>
                          <input
                            data-cell={`${rowIndex}:${col}`}
                            aria-label={`${r.name} ${i.name}`}
                            aria-invalid={!check.ok}
                            inputMode="decimal"
                            value={text}
                            onChange={(e) => edit(r.villageId, i.id, e.target.value)}
                            onKeyDown={(e) => onKeyDown(e, rowIndex, col)}
                            onPaste={(e) => onPaste(e, rowIndex, col)}
                            onFocus={(e) => e.target.select()}
                            style={{ width: '100%', border: 'none', outline: 'none', padding: '6px 8px', background: 'transparent', textAlign: 'right', font: 'inherit', color: check.ok ? undefined : '#cf1322' }}
                          />
                        </Tooltip>
                      ) : (
                        <div style={{ padding: '6px 8px', textAlign: 'right', color: '#8c8c8c' }}>{text || '—'}</div>
                      )}
                    </td>
                  );
                })}
                {computed.map((i) => (
                  <td key={i.id} style={{ ...cellStyle, background: '#fafafa' }}>
                    <div style={{ padding: '6px 8px', textAlign: 'right', color: '#8c8c8c' }}>{shown(r.points[i.id]) || '—'}</div>
                  </td>
                ))}
                <td style={{ ...cellStyle, padding: '6px 8px', textAlign: 'right' }}>{total(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowStatus({ state, writable, row, onTakeTheirs, onKeepMine }: { state: RowState; writable: boolean; row: GridRow; onTakeTheirs: (r: GridRow) => void; onKeepMine: (r: GridRow) => void }) {
  if (!writable) return <Typography.Text type="secondary">只读</Typography.Text>;
  switch (state.kind) {
    case 'saving':
      return <Tag color="processing">保存中…</Tag>;
    case 'saved':
      return <Tag color="success">已保存 {state.at}</Tag>;
    case 'invalid':
      return <Tag color="error">{state.count} 格有误，未保存</Tag>;
    case 'failed':
      return <Alert type="error" showIcon message={state.text} style={{ padding: '2px 8px' }} />;
    case 'conflict':
      return (
        <Space direction="vertical" size={4}>
          <Tag color="warning" style={{ whiteSpace: 'normal' }}>
            {state.current.updatedBy ?? '他人'}已先保存，您的修改未保存（黄色格为不同处）
          </Tag>
          <Space size={4}>
            <Button size="small" onClick={() => onTakeTheirs(state.current)}>
              采用对方分数
            </Button>
            <Button size="small" type="primary" onClick={() => onKeepMine(state.current)}>
              保存我的分数
            </Button>
          </Space>
        </Space>
      );
    default:
      return row.updatedBy ? <Typography.Text type="secondary">{row.updatedBy} 已保存</Typography.Text> : <Typography.Text type="secondary">未填写</Typography.Text>;
  }
}
