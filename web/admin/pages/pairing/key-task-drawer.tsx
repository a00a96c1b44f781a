import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Slider, Space, Steps, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { keyTaskCategories, keyTaskStatusLabels, type KeyTask, type KeyTaskAction, type Milestone } from '../../../../shared/contracts/fieldwork-pairing';
import { errorText } from '../../api/client';
import { useCreateKeyTask, useMoveKeyTask, useUpdateKeyTask } from '../../api/fieldwork-pairing-hooks';
import { useSession } from '../../auth/session';
import { notifyError, notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { dayText, overdueTag, todayText } from './fieldwork-ui';

const actionsFrom: Record<KeyTask['status'], { action: KeyTaskAction; label: string; danger?: boolean }[]> = {
  planned: [{ action: 'start', label: '启动推进' }],
  in_progress: [
    { action: 'complete', label: '标记完成' },
    { action: 'stall', label: '标记受阻', danger: true },
  ],
  stalled: [{ action: 'resume', label: '恢复推进' }],
  done: [],
};

export function KeyTaskDrawer({ task, onClose }: { task: KeyTask; onClose: () => void }) {
  const { can } = useSession();
  const writable = can('keytask:write') && task.status !== 'done';
  const move = useMoveKeyTask();
  const update = useUpdateKeyTask();
  const [progress, setProgress] = useState(task.progress);
  const run = (p: Promise<unknown>, ok: string) => p.then(() => notifySuccess(ok)).catch((e: unknown) => notifyError(errorText(e)));
  const markMilestone = (index: number) => {
    const milestones: Milestone[] = task.milestones.map((m, i) => (i === index ? { ...m, doneDate: todayText() } : m));
    void run(update.mutateAsync({ id: task.id, input: { milestones } }), '已更新节点');
  };
  const current = task.milestones.findIndex((m) => !m.doneDate);
  return (
    <Drawer title={task.title} open onClose={onClose} width={600}>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="村（社区）" span={2}>
          {task.townName} · {task.villageName}
        </Descriptions.Item>
        <Descriptions.Item label="类别">{task.category}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space size={4}>
            <Tag>{keyTaskStatusLabels[task.status]}</Tag>
            {task.overdue && overdueTag}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="负责人">{task.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="完成时限">{task.dueDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="说明" span={2}>
          {task.description || '—'}
        </Descriptions.Item>
      </Descriptions>
      <h4 style={{ margin: '20px 0 12px' }}>工作节点</h4>
      {task.milestones.length ? (
        <Steps
          direction="vertical"
          size="small"
          current={current === -1 ? task.milestones.length : current}
          items={task.milestones.map((m, i) => ({
            title: m.title,
            status: m.doneDate ? 'finish' : i === current ? 'process' : 'wait',
            description: (
              <Space>
                <span>计划 {m.dueDate ?? '未定'}</span>
                {m.doneDate ? <span>· 完成于 {m.doneDate}</span> : writable && <Button size="small" type="link" onClick={() => markMilestone(i)}>标记完成</Button>}
              </Space>
            ),
          }))}
        />
      ) : (
        <span>未设节点</span>
      )}
      <h4 style={{ margin: '20px 0 8px' }}>推进进度</h4>
      <Slider value={progress} onChange={setProgress} max={task.status === 'done' ? 100 : 99} disabled={!writable} marks={{ 0: '0%', 50: '50%', 99: '99%' }} />
      {can('keytask:write') && (
        <Space wrap style={{ marginTop: 8 }}>
          {writable && (
            <Button disabled={progress === task.progress} onClick={() => void run(update.mutateAsync({ id: task.id, input: { progress } }), '已保存进度')}>
              保存进度
            </Button>
          )}
          {actionsFrom[task.status].map((a) => (
            <Button key={a.action} type={a.danger ? 'default' : 'primary'} danger={a.danger} loading={move.isPending} onClick={() => void run(move.mutateAsync({ id: task.id, action: a.action }), a.label)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

type FormValues = { villageId: string; category: KeyTask['category']; title: string; description?: string; dueDate?: Dayjs; milestones?: { title: string; dueDate?: Dayjs }[] };

export function KeyTaskModal({ year, onClose }: { year: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateKeyTask();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await create.mutateAsync({
        villageId: v.villageId,
        year,
        category: v.category,
        title: v.title,
        description: v.description,
        dueDate: dayText(v.dueDate),
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title, dueDate: dayText(m.dueDate), doneDate: null })),
      });
      notifySuccess('已新增重点工作');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title={`新增 ${year} 年度重点工作`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={create.isPending} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: '产业谋划' }}>
        <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
          <OrgTreeSelect selectableLevels={['village']} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="category" label="类别" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={keyTaskCategories.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="dueDate" label="完成时限">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="重点工作" rules={[{ required: true, message: '请填写重点工作' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: '请填写节点' }]}>
                    <Input placeholder="节点，如：完成选址" style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']}>
                    <DatePicker placeholder="计划日期" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除节点" />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                添加工作节点
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
