import { Alert, Progress, Space } from 'antd';
import type { Job } from '../../../shared/contracts/jobs';

/**
 * Where a background job is (生成定星建议, an export, an import): its step and a bar while it
 * runs, the Chinese error if it failed. `what` names the work: 正在{what}.
 */
export function JobProgress({ job, what, onClose, testId = 'job' }: { job: Job; what: string; onClose?: () => void; testId?: string }) {
  if (job.status === 'failed') {
    return <Alert type="error" showIcon closable={!!onClose} onClose={onClose} message={`${what}失败`} description={job.error?.message ?? '任务执行失败'} data-testid={`${testId}-failed`} />;
  }
  // Steps (done of total) or rows written: either way a share of the whole.
  const percent = job.status === 'done' ? 100 : job.total ? Math.min(99, Math.round((job.done / job.total) * 100)) : 0;
  const steps = job.total && job.total <= 10 ? `（第 ${Math.min(job.done + 1, job.total)} 步，共 ${job.total} 步）` : job.total ? `（${job.done} / ${job.total} 行）` : '';
  return (
    <Alert
      type={job.status === 'done' ? 'success' : 'info'}
      data-testid={`${testId}-progress`}
      message={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            {job.status === 'done' ? `${what}已完成` : `正在${what}：${job.step}${steps}`}
          </span>
          <Progress percent={percent} status={job.status === 'done' ? 'success' : 'active'} />
        </Space>
      }
    />
  );
}
