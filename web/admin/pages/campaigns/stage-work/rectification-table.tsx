import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  rectificationStatusLabels,
  rectificationStatuses,
  type RectificationStatus,
  type RectificationTask,
} from '../../../../../shared/contracts/evaluation-stages';
import { errorText } from '../../../api/client';
import {
  useCreateRectification,
  useMoveRectification,
  useRectifications,
  useRemoveRectificationFile,
  useUploadRectificationFile,
  type RectificationFilters,
  type RectificationMove,
} from '../../../api/evaluation-stages-hooks';
import { AttachmentList } from '../../../components/attachment-list';
import { notifySuccess } from '../../../components/feedback';

const statusColors: Record<RectificationStatus, string> = { open: 'orange', submitted: 'blue', verified: 'green', returned: 'red' };
const moveLabels = { submit: '提交整改', verify: '核验通过', return: '退回' } as const;

/** 整改任务: open → submitted (the village, with evidence) → verified, or returned and submitted again. */
export function RectificationTable({ campaignId, villageId }: { campaignId: string; villageId?: string }) {
  const [filters, setFilters] = useState<RectificationFilters>({ page: 1, pageSize: 10, villageId });
  const { data, isFetching } = useRectifications(campaignId, filters);
  // The task is looked up in the current page on each render, so files added in the modal show at once.
  const [moving, setMoving] = useState<{ taskId: string; action: keyof typeof moveLabels } | null>(null);
  const movingTask = moving ? data?.items.find((t) => t.id === moving.taskId) : undefined;

  const columns: TableColumnsType<RectificationTask> = [
    ...(villageId ? [] : [{ title: '村', key: 'village', width: 140, render: (_: unknown, t: RectificationTask) => `${t.townName} · ${t.villageName}` }]),
    { title: '整改事项', dataIndex: 'title' },
    { title: '责任人', dataIndex: 'ownerText', width: 120 },
    { title: '期限', dataIndex: 'deadline', width: 110, render: (d: string, t) => (t.overdue ? <Typography.Text type="danger">{d}（已逾期）</Typography.Text> : d) },
    {
      title: '材料',
      key: 'files',
      width: 70,
      render: (_, t) => (t.files.length ? <Tag icon={<PaperClipOutlined />}>{t.files.length}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: RectificationStatus) => <Tag color={statusColors[s]}>{rectificationStatusLabels[s]}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, t) => (
        <Space size={0}>
          {(['submit', 'verify', 'return'] as const)
            .filter((a) => t.actions.includes(a))
            .map((a) => (
              <Button key={a} type="link" size="small" danger={a === 'return'} onClick={() => setMoving({ taskId: t.id, action: a })}>
                {moveLabels[a]}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status?: RectificationStatus) => setFilters((f) => ({ ...f, status, page: 1 }))}
          options={rectificationStatuses.map((s) => ({ value: s, label: rectificationStatusLabels[s] }))}
        />
        <Select
          placeholder="是否逾期"
          allowClear
          style={{ width: 120 }}
          value={filters.overdue === undefined ? undefined : String(filters.overdue)}
          onChange={(v?: string) => setFilters((f) => ({ ...f, overdue: v === undefined ? undefined : v === 'true', page: 1 }))}
          options={[
            { value: 'true', label: '已逾期' },
            { value: 'false', label: '未逾期' },
          ]}
        />
      </Space>
      <Table<RectificationTask>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        locale={{ emptyText: '暂无整改任务' }}
        expandable={{
          expandedRowRender: (t) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="整改要求">{t.requirement || '—'}</Descriptions.Item>
              <Descriptions.Item label="整改情况">{t.evidence ? `${t.evidence}（${t.submittedBy}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="整改材料">
                <TaskFiles campaignId={campaignId} task={t} />
              </Descriptions.Item>
              {t.returnReason && <Descriptions.Item label="退回原因">{t.returnReason}</Descriptions.Item>}
              {t.verifiedBy && <Descriptions.Item label="核验">{`${t.verifiedBy}${t.verifyNote ? `：${t.verifyNote}` : ''}`}</Descriptions.Item>}
              <Descriptions.Item label="下达">{`${t.createdBy} · ${new Date(t.createdAt).toLocaleDateString('zh-CN')}`}</Descriptions.Item>
            </Descriptions>
          ),
        }}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
      />
      {moving && movingTask && <MoveModal campaignId={campaignId} task={movingTask} action={moving.action} onClose={() => setMoving(null)} />}
    </Space>
  );
}

/** The task's files; the village adds or removes them while the task waits for it (action `attach`). */
function TaskFiles({ campaignId, task }: { campaignId: string; task: RectificationTask }) {
  const upload = useUploadRectificationFile(campaignId);
  const remove = useRemoveRectificationFile(campaignId);
  return (
    <AttachmentList
      files={task.files}
      canEdit={task.actions.includes('attach')}
      emptyText="未上传整改材料"
      onUpload={(file) => upload.mutateAsync({ taskId: task.id, file })}
      onRemove={(fileId) => remove.mutateAsync({ taskId: task.id, fileId })}
    />
  );
}

function MoveModal({ campaignId, task, action, onClose }: { campaignId: string; task: RectificationTask; action: keyof typeof moveLabels; onClose: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const move = useMoveRectification(campaignId);
  const [banner, setBanner] = useState<string | null>(null);
  const field = { submit: ['整改情况', true, 4000], verify: ['核验意见', false, 500], return: ['退回原因', true, 500] } as const;
  const [label, required, max] = field[action];
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const text = (v.text ?? '').trim();
    const body: RectificationMove = action === 'submit' ? { action, evidence: text } : action === 'verify' ? { action, note: text } : { action, reason: text };
    move.mutate({ id: task.id, move: body }, { onSuccess: () => (notifySuccess(`已${moveLabels[action]}`), onClose()), onError: (e) => setBanner(errorText(e)) });
  };
  return (
    <Modal title={`${moveLabels[action]} · ${task.title}`} open onCancel={onClose} onOk={() => void submit()} okText={moveLabels[action]} confirmLoading={move.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="rectification-move">
        <Form.Item name="text" label={label} rules={[{ required, whitespace: required, message: `请填写${label}` }, { max }]}>
          <Input.TextArea rows={5} showCount maxLength={max} />
        </Form.Item>
        {action === 'submit' ? (
          <Form.Item label="整改材料" extra="照片、台账等材料在提交前上传；提交后材料不能再改动，退回后可以补充。">
            <TaskFiles campaignId={campaignId} task={task} />
          </Form.Item>
        ) : (
          task.files.length > 0 && (
            <Form.Item label="整改材料">
              <TaskFiles campaignId={campaignId} task={task} />
            </Form.Item>
          )
        )}
      </Form>
    </Modal>
  );
}

type CreateValues = { title: string; requirement?: string; ownerText: string; deadline: Dayjs };

/** 下达整改任务: by the village's panel or the department, during stage 2. */
export function RectificationCreateModal({ campaignId, village, onClose }: { campaignId: string; village: { id: string; name: string }; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateRectification(campaignId, village.id);
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      { title: v.title.trim(), requirement: (v.requirement ?? '').trim(), ownerText: v.ownerText.trim(), deadline: v.deadline.format('YYYY-MM-DD') },
      { onSuccess: () => (notifySuccess('已下达整改任务'), onClose()), onError: (e) => setBanner(errorText(e)) },
    );
  };
  return (
    <Modal title={`下达整改任务 · ${village.name}`} open onCancel={onClose} onOk={() => void submit()} okText="下达" confirmLoading={create.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="rectification" initialValues={{ ownerText: '村党组织书记', deadline: dayjs().add(30, 'day') }}>
        <Form.Item name="title" label="整改事项" rules={[{ required: true, whitespace: true, message: '请填写整改事项' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="requirement" label="整改要求" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space>
          <Form.Item name="ownerText" label="责任人" rules={[{ required: true, whitespace: true, message: '请填写责任人' }, { max: 60 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择期限' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
