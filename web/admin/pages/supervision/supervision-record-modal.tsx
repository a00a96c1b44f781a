import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { findingStatusLabels, supervisionMethods, type Finding, type SupervisionRecordCreate } from '../../../../shared/contracts/fieldwork-supervision';
import { errorText } from '../../api/client';
import { useKeyTasks } from '../../api/fieldwork-pairing-hooks';
import { useRecordSupervision, useSupervisionRecord } from '../../api/fieldwork-supervision-hooks';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { afterToday, dayText, overdueTag } from '../pairing/fieldwork-ui';

type FormValues = {
  villageId: string;
  recordDate: Dayjs;
  method: SupervisionRecordCreate['method'];
  keyTaskId?: string;
  subject: string;
  summary?: string;
  participants?: string;
  findings?: { description: string; dueDate?: Dayjs }[];
};

export function SupervisionRecordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useRecordSupervision();
  const villageId = Form.useWatch('villageId', form);
  const tasks = useKeyTasks({ orgUnitId: villageId, year: dayjs().year(), page: 1, pageSize: 100 });
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await create.mutateAsync({
        ...v,
        recordDate: dayText(v.recordDate) as string,
        keyTaskId: v.keyTaskId ?? null,
        findings: (v.findings ?? []).map((f) => ({ description: f.description, dueDate: dayText(f.dueDate) })),
      });
      notifySuccess('已记录督导');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="记录跟踪问效" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={create.isPending} width={680} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ recordDate: dayjs(), method: '蹲点调研', findings: [] }}>
        <Space size="large" wrap>
          <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
            <OrgTreeSelect selectableLevels={['village']} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="recordDate" label="日期" rules={[{ required: true }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="method" label="方式" rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={supervisionMethods.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label="督导事项" rules={[{ required: true, message: '请填写督导事项' }, { max: 100 }]}>
          <Input placeholder="如：产业项目推进情况" />
        </Form.Item>
        <Form.Item name="keyTaskId" label="关联重点工作（可不选）">
          <Select allowClear disabled={!villageId} options={(tasks.data?.items ?? []).map((k) => ({ value: k.id, label: k.title }))} />
        </Form.Item>
        <Form.Item name="summary" label="情况记录">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="participants" label="参加人员">
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ marginBottom: 8, fontWeight: 500 }}>发现的问题症结（跟踪至解决）</div>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'description']} rules={[{ required: true, message: '请描述问题症结' }]}>
                    <Input placeholder="问题症结" style={{ width: 380 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']}>
                    <DatePicker placeholder="整改时限" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                添加问题症结
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function SupervisionRecordDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data } = useSupervisionRecord(id);
  return (
    <Drawer title={data ? `${data.villageName} · ${data.subject}` : '督导记录'} open onClose={onClose} width={640} loading={!data}>
      {data && (
        <>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="日期">{data.recordDate}</Descriptions.Item>
            <Descriptions.Item label="方式">
              <Tag color="red">{data.method}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="村（社区）">
              {data.townName} · {data.villageName}
            </Descriptions.Item>
            <Descriptions.Item label="关联重点工作">{data.keyTaskTitle ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="参加人员" span={2}>
              {data.participants || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="情况记录" span={2}>
              {data.summary || '—'}
            </Descriptions.Item>
          </Descriptions>
          <h4 style={{ margin: '20px 0 8px' }}>问题症结</h4>
          <Table<Finding>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.findings}
            columns={[
              { title: '问题症结', dataIndex: 'description' },
              { title: '时限', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
              {
                title: '状态',
                key: 's',
                width: 130,
                render: (_, f) => (
                  <Space size={4}>
                    <Tag color={f.status === 'closed' ? 'success' : 'processing'}>{findingStatusLabels[f.status]}</Tag>
                    {f.overdue && overdueTag}
                  </Space>
                ),
              },
              { title: '整改情况', dataIndex: 'actionTaken', render: (v: string) => v || '—' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
