import type { Job } from '../../../../../shared/contracts/jobs';
import { JobProgress } from '../../../components/job-progress';

/** Where a 生成定星建议 job is: the shared job progress (components/job-progress.tsx). */
export function ComputeProgress({ job, onClose }: { job: Job; onClose: () => void }) {
  return <JobProgress job={job} what="生成定星建议" onClose={onClose} testId="compute" />;
}
