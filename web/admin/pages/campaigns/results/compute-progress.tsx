import { Alert, Progress, Space } from 'antd';
import type { Job } from '../../../../../shared/contracts/jobs';

/** Where a 生成定星建议 job is: its step and a bar while it runs, the Chinese error if it failed. */
export function ComputeProgress({ job, onClose }: { job: Job; onClose: () => void }) {
  if (job.status === 'failed') {
    return <Alert type="error" showIcon closable onClose={onClose} message="生成定星建议失败" description={job.error?.message ?? '任务执行失败'} data-testid="compute-failed" />;
  }
  const percent = job.total ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Alert
      type="info"
      data-testid="compute-progress"
      message={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            正在生成定星建议：{job.step}
            {job.total ? `（第 ${Math.min(job.done + 1, job.total)} 步，共 ${job.total} 步）` : ''}
          </span>
          <Progress percent={job.status === 'done' ? 100 : percent} status={job.status === 'done' ? 'success' : 'active'} />
        </Space>
      }
    />
  );
}
