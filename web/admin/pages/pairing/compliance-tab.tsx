import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { visitPeriodLabels, visitPeriods, type PairingCompliance, type VisitPeriod } from '../../../../shared/contracts/fieldwork-pairing';
import { errorText } from '../../api/client';
import { useCompliance, useSetVisitRule, useVisitRule } from '../../api/fieldwork-pairing-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { currentYear, overdueTag, YearSelect } from './fieldwork-ui';

function RuleModal({ year, period, minVisits, onClose }: { year: number; period: VisitPeriod; minVisits: number; onClose: () => void }) {
  const [form] = Form.useForm<{ period: VisitPeriod; minVisits: number }>();
  const save = useSetVisitRule();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={`${year} 年度走访频次要求`}
      open
      onCancel={onClose}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ period, minVisits }}
        onFinish={(rule) =>
          save
            .mutateAsync({ year, rule })
            .then(() => {
              notifySuccess('已保存走访频次要求');
              onClose();
            })
            .catch((e: unknown) => setError(errorText(e)))
        }
      >
        <Form.Item name="period" label="每个包保村">
          <Select style={{ width: 110 }} options={visitPeriods.map((p) => ({ value: p, label: visitPeriodLabels[p] }))} />
        </Form.Item>
        <Form.Item name="minVisits" label="至少走访" rules={[{ required: true }]}>
          <InputNumber min={1} max={31} addonAfter="次" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ComplianceTab() {
  const { can } = useSession();
  const [year, setYear] = useState(currentYear);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const rule = useVisitRule(year);
  const { data, isFetching } = useCompliance({ year, overdueOnly: overdueOnly || undefined, ...page });
  const [editing, setEditing] = useState(false);

  const columns: TableColumnsType<PairingCompliance> = [
    { title: '市级领导', dataIndex: 'leaderName', width: 100 },
    { title: '包保村（社区）', key: 'v', width: 170, render: (_, p) => `${p.townName} · ${p.villageName}` },
    {
      title: '各周期走访',
      key: 'periods',
      render: (_, p) => (
        <Space size={[0, 4]} wrap>
          {p.periods.map((x) => (
            <Tooltip key={x.label} title={`${x.start} 至 ${x.end}：走访 ${x.visits} 次`}>
              <Tag color={x.met ? 'success' : x.ended ? 'error' : 'processing'}>
                {x.label} {x.visits}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: '本年走访', dataIndex: 'visitsInYear', width: 90 },
    { title: '未达标周期', dataIndex: 'missedPeriods', width: 100 },
    { title: '最近走访', dataIndex: 'lastVisitDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'overdue', width: 80, render: (v: boolean) => (v ? overdueTag : <Tag color="success">正常</Tag>) },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={year} onChange={setYear} />
          <Space>
            <Switch checked={overdueOnly} onChange={(v) => { setOverdueOnly(v); setPage((p) => ({ ...p, page: 1 })); }} aria-label="只看逾期" />
            <span>只看逾期</span>
          </Space>
        </Space>
        <Space>
          {rule.data && (
            <Typography.Text>
              要求：每个包保村{visitPeriodLabels[rule.data.period]}至少走访 <b>{rule.data.minVisits}</b> 次{rule.data.isDefault ? '（默认）' : ''}
            </Typography.Text>
          )}
          {can('pairing:write') && rule.data && (
            <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
              设置频次
            </Button>
          )}
        </Space>
      </Space>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="上一个已结束的周期未达到走访次数、且本周期尚未补足的包保关系标为逾期。绿色为已达标，红色为已结束未达标，蓝色为进行中。"
      />
      <Table<PairingCompliance>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 对`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {editing && rule.data && <RuleModal year={year} period={rule.data.period} minVisits={rule.data.minVisits} onClose={() => setEditing(false)} />}
    </>
  );
}
