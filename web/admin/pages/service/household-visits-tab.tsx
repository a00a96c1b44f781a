import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { HouseholdVisit } from '../../../../shared/contracts/fieldwork-service';
import { errorText } from '../../api/client';
import type { Filters } from '../../api/fieldwork-pairing-hooks';
import { useHouseholdVisits, useRecordHouseholdVisit } from '../../api/fieldwork-service-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { afterToday, currentYear, dayText, YearSelect } from '../pairing/fieldwork-ui';
import { ProblemModal, type ProblemPreset } from './problems-tab';
import { serverPagination } from '../../components/server-pagination';

type FormValues = { villageId: string; visitDate: Dayjs; household: string; visitors: string; notes?: string };

function HouseholdVisitModal({ onClose, onSaved }: { onClose: () => void; onSaved: (v: HouseholdVisit) => void }) {
  const [form] = Form.useForm<FormValues>();
  const record = useRecordHouseholdVisit();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      onSaved(await record.mutateAsync({ ...v, visitDate: dayText(v.visitDate) as string }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="记录入户走访" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={record.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visitDate: dayjs() }}>
        <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
          <OrgTreeSelect selectableLevels={['village']} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="visitDate" label="走访日期" rules={[{ required: true }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="household" label="农户" rules={[{ required: true, message: '请填写农户' }]}>
            <Input maxLength={60} placeholder="如：三组 王某某户" style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item name="visitors" label="走访干部" rules={[{ required: true, message: '请填写走访干部' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="notes" label="走访情况">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 逐户走访: the visits that feed the problem list; a problem can be logged straight from one. */
export function HouseholdVisitsTab() {
  const { can } = useSession();
  const { modal } = App.useApp();
  const writable = can('service:write');
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useHouseholdVisits(filters);
  const [adding, setAdding] = useState(false);
  const [logging, setLogging] = useState<ProblemPreset | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const presetOf = (v: HouseholdVisit): ProblemPreset => ({ villageId: v.villageId, householdVisitId: v.id, household: v.household, source: '逐户走访', reportedDate: v.visitDate });

  const columns: TableColumnsType<HouseholdVisit> = [
    { title: '日期', dataIndex: 'visitDate', width: 110 },
    { title: '村（社区）', dataIndex: 'villageName', width: 120 },
    { title: '农户', dataIndex: 'household', width: 160 },
    { title: '走访干部', dataIndex: 'visitors', width: 140 },
    { title: '走访情况', dataIndex: 'notes', ellipsis: true },
    { title: '发现问题', dataIndex: 'problemCount', width: 90, render: (n: number) => (n ? `${n} 件` : '—') },
    ...(writable ? [{ title: '操作', key: 'a', width: 100, render: (_: unknown, v: HouseholdVisit) => <Button type="link" size="small" onClick={() => setLogging(presetOf(v))}>登记问题</Button> }] : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        </Space>
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录入户走访
          </Button>
        )}
      </Space>
      <Table<HouseholdVisit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        pagination={serverPagination(filters, data?.total, setFilters, '户次')}
      />
      {adding && (
        <HouseholdVisitModal
          onClose={() => setAdding(false)}
          onSaved={(v) => {
            setAdding(false);
            notifySuccess('已记录走访');
            modal.confirm({
              title: '走访中发现问题了吗？',
              content: `可以直接为 ${v.household} 登记问题，列入问题清单。`,
              okText: '登记问题',
              cancelText: '没有',
              onOk: () => setLogging(presetOf(v)),
            });
          }}
        />
      )}
      {logging && <ProblemModal preset={logging} onClose={() => setLogging(null)} />}
    </>
  );
}
