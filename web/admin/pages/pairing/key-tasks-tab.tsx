import { useState } from 'react';
import { Button, Progress, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keyTaskCategories, keyTaskStatusLabels, keyTaskStatuses, type KeyTask, type KeyTaskStatus } from '../../../../shared/contracts/fieldwork-pairing';
import { useKeyTasks, type Filters } from '../../api/fieldwork-pairing-hooks';
import { useSession } from '../../auth/session';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { currentYear, overdueTag, YearSelect } from './fieldwork-ui';
import { KeyTaskDrawer, KeyTaskModal } from './key-task-drawer';
import { serverPagination } from '../../components/server-pagination';

export const keyTaskColors: Record<KeyTaskStatus, string> = { planned: 'default', in_progress: 'processing', stalled: 'warning', done: 'success' };

export function KeyTasksTab() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useKeyTasks(filters);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const open = data?.items.find((k) => k.id === openId) ?? null;

  const columns: TableColumnsType<KeyTask> = [
    { title: '村（社区）', key: 'v', width: 160, render: (_, k) => `${k.townName} · ${k.villageName}` },
    { title: '类别', dataIndex: 'category', width: 130, render: (v: string) => <Tag>{v}</Tag> },
    { title: '重点工作', dataIndex: 'title', ellipsis: true },
    { title: '负责人', dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '进度', dataIndex: 'progress', width: 150, render: (v: number, k) => <Progress percent={v} size="small" status={k.status === 'stalled' ? 'exception' : undefined} /> },
    { title: '状态', dataIndex: 'status', width: 150, render: (s: KeyTaskStatus, k) => <Space size={4}><Tag color={keyTaskColors[s]}>{keyTaskStatusLabels[s]}</Tag>{k.overdue && overdueTag}</Space> },
    { title: '完成时限', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '', key: 'open', width: 70, render: (_, k) => <Button type="link" size="small" onClick={() => setOpenId(k.id)}>详情</Button> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <Select allowClear placeholder="类别" style={{ width: 150 }} options={keyTaskCategories.map((c) => ({ value: c, label: c }))} onChange={(category?: string) => patch({ category })} />
          <Select allowClear placeholder="状态" style={{ width: 110 }} options={keyTaskStatuses.map((s) => ({ value: s, label: keyTaskStatusLabels[s] }))} onChange={(status?: string) => patch({ status })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        </Space>
        {can('keytask:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增重点工作
          </Button>
        )}
      </Space>
      <Table<KeyTask>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        pagination={serverPagination(filters, data?.total, setFilters, '项')}
      />
      {adding && <KeyTaskModal year={filters.year as number} onClose={() => setAdding(false)} />}
      {open && <KeyTaskDrawer task={open} onClose={() => setOpenId(null)} />}
    </>
  );
}
