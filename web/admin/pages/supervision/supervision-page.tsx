import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { findingStatusLabels, supervisionMethods, type Finding, type SupervisionRecord } from '../../../../shared/contracts/fieldwork-supervision';
import { errorText } from '../../api/client';
import type { Filters } from '../../api/fieldwork-pairing-hooks';
import { useFindings, useMoveFinding, useSupervisionRecords } from '../../api/fieldwork-supervision-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { currentYear, overdueTag, useTab, YearSelect } from '../pairing/fieldwork-ui';
import { SupervisionRecordDrawer, SupervisionRecordModal } from './supervision-record-modal';
import { serverPagination } from '../../components/server-pagination';

const methodColors: Record<string, string> = { 蹲点调研: 'red', 访谈座谈: 'blue', 日常调度: 'cyan', 分析研判: 'purple', 现场指导: 'green' };

function RecordsTab() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useSupervisionRecords(filters);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const columns: TableColumnsType<SupervisionRecord> = [
    { title: '日期', dataIndex: 'recordDate', width: 110 },
    { title: '村（社区）', key: 'v', width: 170, render: (_, r) => `${r.townName} · ${r.villageName}` },
    { title: '方式', dataIndex: 'method', width: 100, render: (m: string) => <Tag color={methodColors[m]}>{m}</Tag> },
    { title: '督导事项', dataIndex: 'subject', ellipsis: true },
    { title: '关联重点工作', dataIndex: 'keyTaskTitle', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '问题症结', key: 'f', width: 120, render: (_, r) => (r.findingsOpen ? <Tag color="warning">{r.findingsOpen} 未解决 / {r.findingsTotal}</Tag> : `${r.findingsTotal} 项`) },
    { title: '', key: 'open', width: 70, render: (_, r) => <Button type="link" size="small" onClick={() => setOpenId(r.id)}>详情</Button> },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <Select allowClear placeholder="方式" style={{ width: 120 }} options={supervisionMethods.map((m) => ({ value: m, label: m }))} onChange={(method?: string) => patch({ method })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        </Space>
        {can('supervision:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录跟踪问效
          </Button>
        )}
      </Space>
      <Table<SupervisionRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        pagination={serverPagination(filters, data?.total, setFilters)}
      />
      {adding && <SupervisionRecordModal onClose={() => setAdding(false)} />}
      {openId && <SupervisionRecordDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function FindingModal({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const closing = finding.status === 'open';
  const move = useMoveFinding();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = () =>
    move
      .mutateAsync({ id: finding.id, action: closing ? 'close' : 'reopen', text })
      .then(() => {
        notifySuccess(closing ? '已销号' : '已重新跟踪');
        onClose();
      })
      .catch((e: unknown) => setError(errorText(e)));
  return (
    <Modal title={closing ? '问题症结销号' : '重新跟踪'} open onCancel={onClose} onOk={save} okButtonProps={{ disabled: !text.trim() }} confirmLoading={move.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <p>{finding.description}</p>
      <Form layout="vertical">
        <Form.Item label={closing ? '整改情况（做了什么）' : '重新跟踪的原因'} required>
          <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FindingsTab() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ status: 'open', page: 1, pageSize: 20 });
  const { data, isFetching } = useFindings(filters);
  const [acting, setActing] = useState<Finding | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const columns: TableColumnsType<Finding> = [
    { title: '发现日期', dataIndex: 'recordDate', width: 110 },
    { title: '村（社区）', key: 'v', width: 170, render: (_, f) => `${f.townName} · ${f.villageName}` },
    { title: '问题症结', dataIndex: 'description' },
    { title: '整改时限', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', key: 's', width: 130, render: (_, f) => <Space size={4}><Tag color={f.status === 'closed' ? 'success' : 'processing'}>{findingStatusLabels[f.status]}</Tag>{f.overdue && overdueTag}</Space> },
    { title: '整改情况', dataIndex: 'actionTaken', ellipsis: true, render: (v: string, f) => v || f.reopenReason || '—' },
    ...(can('supervision:write')
      ? [{ title: '操作', key: 'a', width: 100, render: (_: unknown, f: Finding) => <Button type="link" size="small" onClick={() => setActing(f)}>{f.status === 'open' ? '销号' : '重新跟踪'}</Button> }]
      : []),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select value={filters.status as string | undefined} allowClear placeholder="状态" style={{ width: 120 }} options={[{ value: 'open', label: '跟踪中' }, { value: 'closed', label: '已解决' }]} onChange={(status?: string) => patch({ status })} />
        <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        <Switch aria-label="只看逾期" checked={Boolean(filters.overdue)} onChange={(v) => patch({ overdue: v || undefined })} />
        <span>只看逾期</span>
      </Space>
      <Table<Finding>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `共 ${n} 项`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
      {acting && <FindingModal finding={acting} onClose={() => setActing(null)} />}
    </>
  );
}

/** 跟踪问效: town supervision records and the findings tracked until closed. */
export function SupervisionPage() {
  const [tab, setTab] = useTab('records');
  return (
    <Card title="跟踪问效">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'records', label: '督导记录', children: <RecordsTab /> },
          { key: 'findings', label: '问题症结', children: <FindingsTab /> },
        ]}
      />
    </Card>
  );
}
