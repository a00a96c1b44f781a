import { useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { MutualVisit } from '../../../../../shared/contracts/evaluation-stages';
import { errorText } from '../../../api/client';
import { useRemoveVisit, useSaveVisit, useVisits } from '../../../api/evaluation-stages-hooks';
import { notifySuccess } from '../../../components/feedback';

type Values = { household: string; visitDate: Dayjs; visitors: string; findings?: string };

/** 入户走访: the team's household visits in one village (no ID or phone numbers in any field). */
type Props = { campaignId: string; village: { id: string; name: string }; canEdit: boolean; lockReason: string | null; onClose: () => void };

export function VisitsDrawer({ campaignId, village, canEdit, lockReason, onClose }: Props) {
  const visits = useVisits(campaignId, village.id);
  const save = useSaveVisit(campaignId, village.id);
  const remove = useRemoveVisit(campaignId);
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<MutualVisit | 'new' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const startEdit = (v: MutualVisit | 'new') => {
    setBanner(null);
    setEditing(v);
    form.setFieldsValue(v === 'new' ? { household: '', visitDate: dayjs(), visitors: '', findings: '' } : { household: v.household, visitDate: dayjs(v.visitDate), visitors: v.visitors, findings: v.findings });
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const input = { household: v.household.trim(), visitDate: v.visitDate.format('YYYY-MM-DD'), visitors: v.visitors.trim(), findings: (v.findings ?? '').trim() };
    save.mutate(
      { id: editing === 'new' ? undefined : editing.id, input },
      { onSuccess: () => (notifySuccess('走访记录已保存'), setEditing(null)), onError: (e) => setBanner(errorText(e)) },
    );
  };

  return (
    <Drawer title={`入户走访 · ${village.name}`} open width={760} onClose={onClose} destroyOnHidden extra={canEdit && !editing && <Button type="primary" icon={<PlusOutlined />} onClick={() => startEdit('new')}>新增走访</Button>}>
      {!canEdit && lockReason && <Alert type="info" showIcon message={lockReason} style={{ marginBottom: 16 }} />}
      {editing && (
        <div style={{ background: '#fafafa', padding: 16, borderRadius: 8, marginBottom: 16 }}>
          {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" name="visit">
            <Space style={{ width: '100%' }} align="start" wrap>
              <Form.Item name="household" label="走访户" rules={[{ required: true, whitespace: true, message: '请填写走访户' }, { max: 60 }]} style={{ width: 220 }}>
                <Input placeholder="如：三组 张家（勿填证件号、电话）" />
              </Form.Item>
              <Form.Item name="visitDate" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="visitors" label="走访人" rules={[{ required: true, whitespace: true, message: '请填写走访人' }, { max: 200 }]} style={{ width: 220 }}>
                <Input placeholder="互评组成员姓名" />
              </Form.Item>
            </Space>
            <Form.Item name="findings" label="走访发现" rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} showCount maxLength={2000} placeholder="群众反映的问题、意见和建议" />
            </Form.Item>
            <Space>
              <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
                保存
              </Button>
              <Button onClick={() => setEditing(null)}>取消</Button>
            </Space>
          </Form>
        </div>
      )}
      <Table<MutualVisit>
        rowKey="id"
        size="small"
        loading={visits.isPending}
        dataSource={visits.data?.items}
        pagination={false}
        locale={{ emptyText: '尚无走访记录' }}
        expandable={{ expandedRowRender: (v) => <Typography.Paragraph style={{ margin: 0 }}>{v.findings || '（未填写走访发现）'}</Typography.Paragraph> }}
        columns={[
          { title: '走访户', dataIndex: 'household' },
          { title: '日期', dataIndex: 'visitDate', width: 110 },
          { title: '走访人', dataIndex: 'visitors', ellipsis: true },
          { title: '记录人', dataIndex: 'recordedBy', width: 120 },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, v) =>
              v.canEdit && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => startEdit(v)}>
                    编辑
                  </Button>
                  <Popconfirm title="删除这条走访记录？" onConfirm={() => remove.mutate(v.id, { onSuccess: () => notifySuccess('已删除') })}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
