import { Badge, Space } from 'antd';
import { badgeCount, useDesk } from '../api/desk-hooks';

/** A menu entry's name with the count of work waiting under it (待办), hidden at zero. */
export function MenuLabel({ path, label }: { path: string; label: string }) {
  const { data } = useDesk();
  const count = badgeCount(data, path);
  return (
    <Space size={6}>
      <span>{label}</span>
      {count > 0 && <Badge count={count} size="small" overflowCount={99} data-testid={`menu-badge-${path}`} />}
    </Space>
  );
}
