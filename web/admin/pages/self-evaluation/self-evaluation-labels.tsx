import { Tag } from 'antd';
import { selfEvaluationStatusLabels, type SelfEvaluationStatus } from '../../../../shared/contracts/self-evaluation';

const colors: Record<SelfEvaluationStatus, string> = { not_started: 'default', draft: 'blue', submitted: 'orange', returned: 'red', approved: 'green' };

export function SelfEvaluationStatusTag({ status }: { status: SelfEvaluationStatus }) {
  return <Tag color={colors[status]}>{selfEvaluationStatusLabels[status]}</Tag>;
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
