import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '../../../shared/contracts/common';
import { errorText, isApiError } from '../api/client';
import { isJob, useJobProgress, type ImportAnswer } from '../api/jobs-hooks';
import { JobProgress } from './job-progress';

type RowError = ImportReport['errors'][number];

type Props = {
  /** What is being imported, e.g. 组织 or 人员, for titles and messages. */
  subject: string;
  templateUrl: string;
  /** The report, or a started job (imports that grow with the villages) followed here until it ends. */
  upload: (args: { file: Blob; onProgress?: (percent: number) => void }) => Promise<ImportAnswer>;
};

type Outcome =
  | { kind: 'done'; imported: number }
  | { kind: 'rows'; errors: RowError[] }
  | { kind: 'failed'; text: string };

function rowErrorsOf(error: unknown): RowError[] | null {
  if (!isApiError(error) || error.code !== 'import.rows_invalid') return null;
  return rowsIn(error.details);
}

const rowsIn = (details: unknown): RowError[] => {
  const errors = (details as { errors?: RowError[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
};

/**
 * Import is all-or-nothing on the server: a 422 lists every bad row and nothing was written,
 * so the user fixes the sheet and uploads it again.
 */
export function ImportExcelButton({ subject, templateUrl, upload }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJobProgress(jobId).data;
  const queryClient = useQueryClient();

  // An import job's end: the same outcomes as the synchronous answer (a refused file lists its rows).
  useEffect(() => {
    if (job?.status === 'done') {
      const report = job.result as ImportReport;
      setOutcome(report.errors.length ? { kind: 'rows', errors: report.errors } : { kind: 'done', imported: report.imported });
      void queryClient.invalidateQueries();
    } else if (job?.status === 'failed') {
      setOutcome(job.error?.code === 'import.rows_invalid' ? { kind: 'rows', errors: rowsIn(job.error.details) } : { kind: 'failed', text: job.error?.message ?? errorText(null) });
    } else return;
    setBusy(false);
  }, [job?.status, job?.id]);

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    setBusy(true);
    setOutcome(null);
    setJobId(null);
    upload({ file: file as Blob, onProgress: (percent) => onProgress?.({ percent }) })
      .then((answer) => {
        onSuccess?.(answer);
        // A job: busy until it ends (the effect above).
        if (isJob(answer)) return setJobId(answer.id);
        setOutcome(answer.errors.length ? { kind: 'rows', errors: answer.errors } : { kind: 'done', imported: answer.imported });
        setBusy(false);
      })
      .catch((error: unknown) => {
        onError?.(error as Error);
        const rows = rowErrorsOf(error);
        setOutcome(rows ? { kind: 'rows', errors: rows } : { kind: 'failed', text: errorText(error) });
        setBusy(false);
      });
  };

  const close = () => {
    if (busy) return;
    setOpen(false);
    setOutcome(null);
    setJobId(null);
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        导入 Excel
      </Button>
      <Modal
        title={`导入${subject}`}
        open={open}
        onCancel={close}
        footer={<Button onClick={close} disabled={busy}>关闭</Button>}
        width={720}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Alert
            type="info"
            showIcon
            message={
              <span>
                请先下载导入模板，按模板填写后上传（仅支持 .xlsx）。文件中任何一行有错误时，整个文件都不会导入。{' '}
                <a href={templateUrl}>
                  <DownloadOutlined /> 下载导入模板
                </a>
              </span>
            }
          />
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            disabled={busy}
            customRequest={customRequest}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 Excel 文件到此区域上传</p>
          </Upload.Dragger>
          {job && busy && <JobProgress job={job} what={`导入${subject}`} testId="import" />}
          {outcome?.kind === 'done' && (
            <Result status="success" title="导入成功" subTitle={`已导入 ${outcome.imported} 条${subject}数据`} style={{ padding: 16 }} />
          )}
          {outcome?.kind === 'failed' && <Alert type="error" showIcon message={outcome.text} />}
          {outcome?.kind === 'rows' && (
            <>
              <Alert
                type="error"
                showIcon
                message={`导入文件中有 ${outcome.errors.length} 处错误，未导入任何数据`}
                description="请按下表修改后重新上传。"
              />
              <Table<RowError & { key: number }>
                size="small"
                dataSource={outcome.errors.map((e, key) => ({ ...e, key }))}
                pagination={outcome.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '字段', dataIndex: 'field', width: 160, render: (v?: string) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
