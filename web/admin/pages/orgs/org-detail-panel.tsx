import { useState } from 'react';
import { Badge, Button, Card, Descriptions, Empty, Popconfirm, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined, SwapOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { OrgUnit } from '../../../../shared/contracts/org-units';
import { useSetOrgUnitActive } from '../../api/org-units-hooks';
import { useOrgChildren } from '../../api/org-tree-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { childLevel, orgLevelLabels } from '../../components/org-labels';
import { OrgFormModal } from './org-form-modal';
import { OrgMoveModal } from './org-move-modal';

type Dialog = 'create' | 'edit' | 'move' | null;

export function OrgDetailPanel({ unit }: { unit: OrgUnit | undefined }) {
  const { can } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const setActive = useSetOrgUnitActive();
  const children = useOrgChildren(unit?.id);

  if (!unit) {
    return (
      <Card>
        <Empty description="请在左侧选择一个组织查看详情" />
      </Card>
    );
  }

  const writable = can('org:write');
  const canHaveChildren = childLevel(unit.level) !== null;
  const toggle = () =>
    setActive.mutate(
      { id: unit.id, active: !unit.active },
      { onSuccess: () => notifySuccess(unit.active ? '已停用' : '已启用') },
    );

  const actions = writable ? (
    <Space wrap>
      {canHaveChildren && unit.active && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
          新增下级
        </Button>
      )}
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        编辑
      </Button>
      {unit.level === 'village' && (
        <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
          调整隶属
        </Button>
      )}
      {unit.parentId && (
        <Popconfirm
          title={unit.active ? `确定停用「${unit.name}」吗？` : `确定启用「${unit.name}」吗？`}
          description={unit.active ? '停用后该组织不再参与新的创建工作，历史数据保留。' : undefined}
          okText="确定"
          cancelText="取消"
          onConfirm={toggle}
        >
          <Button danger={unit.active} icon={unit.active ? <StopOutlined /> : <CheckCircleOutlined />} loading={setActive.isPending}>
            {unit.active ? '停用' : '启用'}
          </Button>
        </Popconfirm>
      )}
    </Space>
  ) : null;

  return (
    <Card title={unit.name} extra={actions} data-testid="org-detail">
      <Descriptions bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="middle" styles={{ label: { width: 120 } }}>
        <Descriptions.Item label="组织名称">{unit.name}</Descriptions.Item>
        <Descriptions.Item label="组织编码">{unit.code}</Descriptions.Item>
        <Descriptions.Item label="类型">{unit.kind}</Descriptions.Item>
        <Descriptions.Item label="层级">{orgLevelLabels[unit.level]}</Descriptions.Item>
        <Descriptions.Item label="上级组织">{unit.parentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {unit.active ? <Badge status="success" text="启用" /> : <Badge status="default" text="已停用" />}
        </Descriptions.Item>
        <Descriptions.Item label="党组织名称">{unit.partyOrgName}</Descriptions.Item>
        <Descriptions.Item label="党组织类型">
          <Tag color="red">{unit.partyOrgType}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="排序号">{unit.sortOrder}</Descriptions.Item>
        <Descriptions.Item label="下级组织">
          {!children.data ? '…' : children.data.length ? `${children.data.length} 个（启用 ${children.data.filter((c) => c.active).length} 个）` : '无'}
        </Descriptions.Item>
      </Descriptions>
      {dialog === 'create' && <OrgFormModal mode="create" parent={unit} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <OrgFormModal mode="edit" unit={unit} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <OrgMoveModal unit={unit} onClose={() => setDialog(null)} />}
    </Card>
  );
}
