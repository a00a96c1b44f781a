import { useEffect, useState, type ReactNode } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { QueryValue } from '../api/client';
import { errorText } from '../api/client';
import { jobFileOf, startExportJob, useJobProgress } from '../api/jobs-hooks';
import { JobProgress } from './job-progress';

type Props = {
  /** The export's path without /api, as for downloadUrl. */
  path: string;
  query?: Record<string, QueryValue>;
  /** What is exported, e.g. 组织架构: 正在导出{subject}. */
  subject: string;
  children?: ReactNode;
};

/**
 * An export that grows with the villages runs as a job: a dialog shows its progress, then the
 * browser downloads the workbook (and the dialog keeps the link while the server keeps the file).
 */
export function ExportJobButton({ path, query, subject, children }: Props) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const job = useJobProgress(jobId).data;
  const file = job?.status === 'done' ? jobFileOf(job) : null;

  // Once per finished job: the download starts by itself (an attachment: the page stays).
  useEffect(() => {
    if (file) window.location.assign(file.url);
  }, [file?.url]);

  const start = () => {
    setStarting(true);
    setFailure(null);
    startExportJob(path, query)
      .then((j) => setJobId(j.id))
      .catch((error: unknown) => setFailure(errorText(error)))
      .finally(() => setStarting(false));
  };
  const close = () => {
    setJobId(null);
    setFailure(null);
  };
  const running = starting || job?.status === 'queued' || job?.status === 'running';

  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={running} onClick={start}>
        {children ?? '导出 Excel'}
      </Button>
      <Modal title={`导出${subject}`} open={jobId !== null || failure !== null} onCancel={close} footer={<Button onClick={close}>关闭</Button>} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
          {job && <JobProgress job={job} what={`导出${subject}`} testId="export" />}
          {file && (
            <Typography.Text>
              文件已生成，浏览器将自动下载；如未开始，请点击{' '}
              <a href={file.url} data-testid="export-file">
                <DownloadOutlined /> {file.name}
              </a>
              （30 分钟内有效，仅限本人下载）
            </Typography.Text>
          )}
        </Space>
      </Modal>
    </>
  );
}
