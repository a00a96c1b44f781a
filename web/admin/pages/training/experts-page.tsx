import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { expertFields, expertKinds, type Expert } from '../../../../shared/contracts/training';
import { useExperts, type ExpertFilters } from '../../api/training-experts-hooks';
import { useSession } from '../../auth/session';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { ExpertFormModal } from './expert-form-modal';

/** 乡土人才库 (土专家, 田秀才): searchable by specialty; who cultivated them, whom they help. */
export function ExpertsPage() {
  const { can } = useSession();
  const writable = can('training:write');
  const [filters, setFilters] = useState<ExpertFilters>({ page: 1, pageSize: 20, active: true });
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const { data, isFetching } = useExperts(filters);
  const patch = (next: Partial<ExpertFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));

  const columns: TableColumnsType<Expert> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '类别', dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === '土专家' ? 'volcano' : 'geekblue'}>{k}</Tag> },
    { title: '所在村（社区）', dataIndex: 'orgUnitName', width: 130 },
    { title: '专长', key: 'specialty', render: (_, e) => <Space size={4}><Tag>{e.field}</Tag><Typography.Text strong>{e.specialty}</Typography.Text></Space> },
    {
      title: '培养来源',
      key: 'cultivated',
      width: 220,
      ellipsis: true,
      render: (_, e) => (e.cultivatedBy ? <Link to={`/training/sessions/${e.cultivatedBy.sessionId}`}>{e.cultivatedBy.topic}</Link> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '帮带村', key: 'villages', width: 220, render: (_, e) => e.helpedVillages.map((v) => v.name).join('、') || '—' },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="success">在库</Tag> : <Tag>已退出</Tag>) },
    ...(writable
      ? [{ title: '操作', key: 'op', width: 80, render: (_: unknown, e: Expert) => <Button type="link" size="small" onClick={() => setEditing(e)}>编辑</Button> }]
      : []),
  ];

  return (
    <Card
      title="乡土人才库（土专家 · 田秀才）"
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            加入人才库
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="按专长或姓名搜索，如：木耳" allowClear style={{ width: 240 }} onSearch={(q) => patch({ q: q.trim() || undefined })} aria-label="按专长搜索" />
        <Select placeholder="领域" allowClear style={{ width: 110 }} value={filters.field} onChange={(field) => patch({ field })} options={expertFields.map((f) => ({ value: f, label: f }))} />
        <Select placeholder="类别" allowClear style={{ width: 110 }} value={filters.kind} onChange={(kind) => patch({ kind })} options={expertKinds.map((k) => ({ value: k, label: k }))} />
        <OrgTreeSelect placeholder="所在组织（含下级）" value={filters.orgUnitId} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 200 }} />
        <Select
          style={{ width: 110 }}
          value={filters.active === undefined ? 'all' : filters.active ? 'active' : 'left'}
          onChange={(v) => patch({ active: v === 'all' ? undefined : v === 'active' })}
          options={[
            { value: 'active', label: '在库' },
            { value: 'left', label: '已退出' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <Table<Expert>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '没有符合条件的乡土人才' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
      {editing && <ExpertFormModal expert={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
