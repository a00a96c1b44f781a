import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Pairing } from '../../../../shared/contracts/fieldwork-pairing';
import { errorText } from '../../api/client';
import { useCreatePairing, useEndPairing, usePairings, type Filters } from '../../api/fieldwork-pairing-hooks';
import { usePeople } from '../../api/people-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { dayText } from './fieldwork-ui';
import { serverPagination } from '../../components/server-pagination';

/** The city leaders (for pickers): people holding the 市级领导 title. */
export function useLeaderOptions(enabled = true) {
  const { data } = usePeople({ title: '市级领导', page: 1, pageSize: 100 }, enabled);
  return (data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}

type FormValues = { leaderId: string; villageId: string; startDate: Dayjs; endDate?: Dayjs; note?: string };

function PairingModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreatePairing();
  const leaders = useLeaderOptions();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await create.mutateAsync({ leaderId: v.leaderId, villageId: v.villageId, startDate: dayText(v.startDate) as string, endDate: dayText(v.endDate), note: v.note });
      notifySuccess('已登记包保关系');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="登记包保关系" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ startDate: dayjs() }}>
        <Form.Item name="leaderId" label="市级领导" rules={[{ required: true, message: '请选择市级领导' }]}>
          <Select showSearch optionFilterProp="label" options={leaders} placeholder="选择市级领导" />
        </Form.Item>
        <Form.Item name="villageId" label="包保村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
          <OrgTreeSelect selectableLevels={['village']} placeholder="选择村（社区）" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endDate" label="结束日期（可不填）">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PairingsTab() {
  const { can } = useSession();
  const writable = can('pairing:write');
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = usePairings(filters);
  const leaders = useLeaderOptions(can('people:read'));
  const end = useEndPairing();
  const [adding, setAdding] = useState(false);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));

  const columns: TableColumnsType<Pairing> = [
    { title: '市级领导', dataIndex: 'leaderName', width: 110 },
    { title: '镇（街道）', dataIndex: 'townName', width: 120 },
    { title: '包保村（社区）', dataIndex: 'villageName', width: 130 },
    { title: '开始日期', dataIndex: 'startDate', width: 110 },
    { title: '结束日期', dataIndex: 'endDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="success">在册</Tag> : <Tag>已结束</Tag>) },
    { title: '最近走访', dataIndex: 'lastVisitDate', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">未走访</Typography.Text> },
    { title: '备注', dataIndex: 'note', ellipsis: true },
    ...(writable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, p: Pairing) =>
              p.endDate === null && (
                <Popconfirm
                  title="结束包保关系"
                  description="以今天为结束日期，已有走访记录保留。"
                  onConfirm={() => end.mutateAsync({ id: p.id, endDate: dayjs().format('YYYY-MM-DD') }).then(() => notifySuccess('已结束包保关系'))}
                >
                  <Button type="link" size="small" danger>
                    结束包保
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          {leaders.length > 0 && (
            <Select allowClear showSearch optionFilterProp="label" placeholder="市级领导" options={leaders} style={{ width: 150 }} onChange={(leaderId?: string) => patch({ leaderId })} />
          )}
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 110 }}
            options={[
              { value: 'true', label: '在册' },
              { value: 'false', label: '已结束' },
            ]}
            onChange={(v?: string) => patch({ active: v })}
          />
        </Space>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记包保关系
          </Button>
        )}
      </Space>
      <Table<Pairing>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        pagination={serverPagination(filters, data?.total, setFilters, '对')}
      />
      {adding && <PairingModal onClose={() => setAdding(false)} />}
    </>
  );
}
