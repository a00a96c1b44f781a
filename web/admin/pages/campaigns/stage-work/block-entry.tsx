// The state of a grid saved as one block: drafts, the cells the server refused, and the frame
// around the grid (window or lock, download and upload, the one save button).
import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import type { GridCellError } from '../../../../../shared/contracts/department-grids';
import type { ImportReport } from '../../../../../shared/contracts/common';
import { errorText, isApiError } from '../../../api/client';
import type { CellErrors } from '../../../components/block-grid';
import { ImportExcelButton } from '../../../components/import-excel';
import type { Drafts } from '../../../components/sheet-grid';

const batchCodes = new Set(['arena.batch_invalid', 'democratic.batch_invalid', 'democratic.conflict']);

/** The server's refused cells by village and column; reasons about a whole row go to `row`. */
export function cellErrorsOf(cells: readonly GridCellError[]): CellErrors {
  const out: CellErrors = {};
  for (const c of cells) {
    const column = c.column === 'total' || c.column === 'village' ? 'row' : c.column;
    out[c.villageId] = { ...(out[c.villageId] ?? {}), [column]: c.reason };
  }
  return out;
}

export function useBlockEntry() {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<CellErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  return {
    drafts,
    errors,
    banner,
    onDrafts: (next: Drafts, touched: string[]) => {
      setDrafts(next);
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => !touched.includes(id))));
    },
    /** After a save of `sent`: drop the drafts the server now holds (typing that arrived meanwhile stays). */
    saved: (sent: Drafts) => {
      setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id, cells]) => sent[id] !== cells)));
      setErrors({});
      setBanner(null);
    },
    refused: (error: unknown) => {
      if (isApiError(error) && batchCodes.has(error.code)) setErrors(cellErrorsOf((error.details as { cells?: GridCellError[] } | undefined)?.cells ?? []));
      setBanner(errorText(error));
    },
    reset: () => {
      setDrafts({});
      setErrors({});
      setBanner(null);
    },
  };
}

type FrameProps = {
  title: string;
  subject: string;
  lockReason: string | null;
  window: { opens: string; closes: string };
  editableRows: number;
  hasRows: boolean;
  emptyText: string;
  changed: number;
  bad: number;
  saving: boolean;
  banner: string | null;
  workbookUrl: string;
  upload: (args: { file: Blob; onProgress?: (percent: number) => void }) => Promise<ImportReport>;
  onSave: () => void;
  children: React.ReactNode;
};

export function BlockEntryCard(p: FrameProps) {
  const open = !p.lockReason && p.editableRows > 0;
  return (
    <Card
      title={p.title}
      extra={
        p.editableRows > 0 && (
          <Space>
            <Button icon={<DownloadOutlined />} href={p.workbookUrl}>
              下载{p.subject}（Excel）
            </Button>
            {open && <ImportExcelButton subject={p.subject} templateUrl={p.workbookUrl} upload={p.upload} />}
            {open && (
              <Button type="primary" icon={<SaveOutlined />} disabled={p.changed === 0 || p.bad > 0} loading={p.saving} onClick={p.onSave}>
                保存全部
              </Button>
            )}
          </Space>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {p.lockReason ? (
          <Alert type="info" showIcon icon={<LockOutlined />} message={`只读：${p.lockReason}`} />
        ) : (
          <Typography.Text type="secondary">
            填报时间 {p.window.opens} 至 {p.window.closes}。Tab / 方向键移动，Enter 换行；可从 Excel 或 WPS 复制一块数据，点中起始格后粘贴。
            点“保存全部”一次提交：任何一格不符合要求时整批都不保存，有误的格标红并说明原因。
          </Typography.Text>
        )}
        {p.banner && <Alert type="error" showIcon message={p.banner} data-testid="block-refusal" />}
        {open && (p.changed > 0 || p.bad > 0) && (
          <Typography.Text type={p.bad > 0 ? 'danger' : 'secondary'} data-testid="block-status">
            {p.changed} 个村有未保存的修改{p.bad > 0 ? `，${p.bad} 格有误，改正后才能保存` : ''}
          </Typography.Text>
        )}
        {p.hasRows ? p.children : <Empty description={p.emptyText} />}
      </Space>
    </Card>
  );
}
