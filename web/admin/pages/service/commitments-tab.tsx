import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  commitmentCategories,
  commitmentOutcomeLabels,
  commitmentStatuses,
  commitmentStatusLabels,
  type Commitment,
  type CommitmentCreate,
  type CommitmentOutcome,
  type CommitmentStatus,
} from '../../../../shared/contracts/fieldwork-service';
import { errorText } from '../../api/client';
import type { Filters } from '../../api/fieldwork-pairing-hooks';
import { useCommitments, useCreateCommitment, usePublishVillageYear } from '../../api/fieldwork-service-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { currentYear, dayText, YearSelect } from '../pairing/fieldwork-ui';
import { CommitmentDrawer, commitmentColors, outcomeColors } from './commitment-drawer';
import { serverPagination } from '../../components/server-pagination';

type FormValues = Omit<CommitmentCreate, 'year' | 'targetDate'> & { targetDate?: Dayjs };

function CommitmentModal({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCommitment();
  const [error, setError] = useState<string | null>(null);
  const submit = (v: FormValues) =>
    create
      .mutateAsync({ ...v, year, targetDate: dayText(v.targetDate) })
      .then(() => {
        notifySuccess('已起草，提交镇审核后生效');
        onClose();
      })
      .catch((e: unknown) => setError(errorText(e)));
  return (
    <Modal title={`${year} 年度为民办实事`} open onCancel={onClose} onOk={() => form.submit()} okText="保存草稿" confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: '基础设施' }}>
        <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
          <OrgTreeSelect selectableLevels={['village']} />
        </Form.Item>
        <Form.Item name="title" label="实事项目" rules={[{ required: true, message: '请填写实事项目' }, { max: 100 }]}>
          <Input placeholder="如：硬化村屯道路 1.5 公里" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="category" label="类别">
            <Select style={{ width: 140 }} options={commitmentCategories.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="targetDate" label="目标完成日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="内容">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublishModal({ year, onClose }: { year: number; onClose: () => void }) {
  const publish = usePublishVillageYear();
  const [villageId, setVillageId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={`${year} 年度实事年终公示`}
      open
      onCancel={onClose}
      okText="公示"
      okButtonProps={{ disabled: !villageId }}
      confirmLoading={publish.isPending}
      onOk={() =>
        publish
          .mutateAsync({ villageId: villageId as string, year })
          .then((r) => {
            notifySuccess(`已公示 ${r.published} 项`);
            onClose();
          })
          .catch((e: unknown) => setError(errorText(e)))
      }
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <p>将该村本年度所有已完成兑现评定的实事项目一并公示，村民可扫码查看公示页。</p>
      <OrgTreeSelect selectableLevels={['village']} value={villageId} onChange={setVillageId} />
    </Modal>
  );
}

export function CommitmentsTab() {
  const { can } = useSession();
  const writable = can('service:write');
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useCommitments(filters);
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));

  const columns: TableColumnsType<Commitment> = [
    { title: '村（社区）', key: 'v', width: 150, render: (_, c) => `${c.townName} · ${c.villageName}` },
    { title: '类别', dataIndex: 'category', width: 90 },
    { title: '实事项目', dataIndex: 'title', ellipsis: true, render: (v: string, c) => <a onClick={() => setOpenId(c.id)}>{v}</a> },
    { title: '目标日期', dataIndex: 'targetDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: CommitmentStatus) => <Tag color={commitmentColors[s]}>{commitmentStatusLabels[s]}</Tag> },
    { title: '兑现情况', dataIndex: 'outcome', width: 100, render: (o: CommitmentOutcome | null) => (o ? <Tag color={outcomeColors[o]}>{commitmentOutcomeLabels[o]}</Tag> : '—') },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <Select allowClear placeholder="状态" style={{ width: 120 }} options={commitmentStatuses.map((s) => ({ value: s, label: commitmentStatusLabels[s] }))} onChange={(status?: string) => patch({ status })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        </Space>
        {writable && (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增实事
            </Button>
            <Button icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>
              年终公示
            </Button>
          </Space>
        )}
      </Space>
      <Table<Commitment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 800 }}
        pagination={serverPagination(filters, data?.total, setFilters, '项')}
      />
      {adding && <CommitmentModal year={filters.year as number} onClose={() => setAdding(false)} />}
      {publishing && <PublishModal year={filters.year as number} onClose={() => setPublishing(false)} />}
      {openId && <CommitmentDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
