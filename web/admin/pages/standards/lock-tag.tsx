import { Tag, Tooltip } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { StandardSummary } from '../../../../shared/contracts/standards';

/** 已锁定 (with the reason on hover) or 可编辑: whether a version may still change. */
export function LockTag({ standard }: { standard: Pick<StandardSummary, 'locked' | 'lockedReason'> }) {
  return standard.locked ? (
    <Tooltip title={standard.lockedReason ?? '已被评星年度使用'}>
      <Tag icon={<LockOutlined />} color="default" data-testid="lock-tag">
        已锁定
      </Tag>
    </Tooltip>
  ) : (
    <Tag icon={<UnlockOutlined />} color="success">
      可编辑
    </Tag>
  );
}
