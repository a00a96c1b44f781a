import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Radio, Space, Steps, Tag, Timeline } from 'antd';
import {
  commitmentOutcomeLabels,
  commitmentStatusLabels,
  type CommitmentDetail,
  type CommitmentOutcome,
  type CommitmentStatus,
} from '../../../../shared/contracts/fieldwork-service';
import { errorText } from '../../api/client';
import { useCommitment, useCommitmentStep, type CommitmentStep } from '../../api/fieldwork-service-hooks';
import { useSession } from '../../auth/session';
import { notifyError, notifySuccess } from '../../components/feedback';

export const commitmentColors: Record<CommitmentStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'error',
  approved: 'cyan',
  in_progress: 'processing',
  settled: 'purple',
  published: 'success',
};
export const outcomeColors: Record<CommitmentOutcome, string> = { fulfilled: 'success', partly: 'warning', unfulfilled: 'error' };
const flow: CommitmentStatus[] = ['draft', 'submitted', 'approved', 'in_progress', 'settled', 'published'];
const eventLabels: Record<string, string> = {
  create: '起草',
  submit: '提交镇审核',
  approve: '镇审核通过',
  return: '镇退回修改',
  start: '开始推进',
  note: '记录进展',
  settle: '年终兑现评定',
  publish: '公示',
};

type Ask = 'return' | 'progress' | 'settle' | null;

function AskModal({ c, ask, onClose }: { c: CommitmentDetail; ask: NonNullable<Ask>; onClose: () => void }) {
  const step = useCommitmentStep();
  const [form] = Form.useForm<{ text?: string; outcome?: CommitmentOutcome; reason?: string; evidence?: string }>();
  const [error, setError] = useState<string | null>(null);
  const title = { return: '退回修改', progress: '记录进展', settle: '年终兑现评定' }[ask];
  const submit = (v: { text?: string; outcome?: CommitmentOutcome; reason?: string; evidence?: string }) => {
    const body: CommitmentStep =
      ask === 'return'
        ? { action: 'return', reason: v.text ?? '' }
        : ask === 'progress'
          ? { action: 'progress', note: v.text ?? '' }
          : { action: 'settle', outcome: v.outcome ?? 'fulfilled', reason: v.reason, evidence: v.evidence };
    step
      .mutateAsync({ id: c.id, step: body })
      .then(() => {
        notifySuccess(`已${title}`);
        onClose();
      })
      .catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <Modal title={title} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={step.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'fulfilled' }}>
        {ask === 'settle' ? (
          <>
            <Form.Item name="outcome" label="兑现情况" rules={[{ required: true }]}>
              <Radio.Group options={(['fulfilled', 'partly', 'unfulfilled'] as const).map((o) => ({ value: o, label: commitmentOutcomeLabels[o] }))} />
            </Form.Item>
            <Form.Item name="evidence" label="佐证材料（已兑现、部分兑现必填）">
              <Input.TextArea rows={2} maxLength={2000} placeholder="如：验收单、施工前后照片、群众签字确认表" />
            </Form.Item>
            <Form.Item name="reason" label="原因说明（部分兑现、未兑现必填）">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="text" label={ask === 'return' ? '退回原因' : '进展情况'} rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function CommitmentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { can } = useSession();
  const { data: c } = useCommitment(id);
  const step = useCommitmentStep();
  const [ask, setAsk] = useState<Ask>(null);
  const write = can('service:write');
  const approve = can('service:approve');
  const quick = (s: CommitmentStep, ok: string) =>
    step
      .mutateAsync({ id, step: s })
      .then(() => notifySuccess(ok))
      .catch((e: unknown) => notifyError(errorText(e)));
  const stepIndex = c ? (c.status === 'returned' ? 1 : flow.indexOf(c.status)) : 0;
  return (
    <Drawer title="为民办实事" open onClose={onClose} width={720} loading={!c}>
      {c && (
        <>
          <Steps
            size="small"
            labelPlacement="vertical"
            current={stepIndex}
            status={c.status === 'returned' ? 'error' : undefined}
            items={flow.map((s, i) => ({ title: i === 1 && c.status === 'returned' ? '已退回' : commitmentStatusLabels[s] }))}
            style={{ marginBottom: 20 }}
          />
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="实事项目" span={2}>
              {c.title}
            </Descriptions.Item>
            <Descriptions.Item label="村（社区）">
              {c.townName} · {c.villageName}
            </Descriptions.Item>
            <Descriptions.Item label="年度">{c.year}</Descriptions.Item>
            <Descriptions.Item label="类别">{c.category}</Descriptions.Item>
            <Descriptions.Item label="目标日期">{c.targetDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="内容" span={2}>
              {c.description || '—'}
            </Descriptions.Item>
            {/* Ternaries, not &&: an empty string would render an empty row. */}
            {c.returnReason ? (
              <Descriptions.Item label="退回原因" span={2}>
                {c.returnReason}
              </Descriptions.Item>
            ) : null}
            {c.progressNote ? (
              <Descriptions.Item label="最新进展" span={2}>
                {c.progressNote}
              </Descriptions.Item>
            ) : null}
            {c.outcome ? (
              <>
                <Descriptions.Item label="兑现情况">
                  <Tag color={outcomeColors[c.outcome]}>{commitmentOutcomeLabels[c.outcome]}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label="评定日期">{c.settledDate}</Descriptions.Item>
                <Descriptions.Item label="佐证材料" span={2}>
                  {c.evidence || '—'}
                </Descriptions.Item>
                {c.outcomeReason ? (
                  <Descriptions.Item label="原因说明" span={2}>
                    {c.outcomeReason}
                  </Descriptions.Item>
                ) : null}
              </>
            ) : null}
          </Descriptions>
          <Space wrap style={{ margin: '16px 0' }}>
            {write && (c.status === 'draft' || c.status === 'returned') && <Button type="primary" onClick={() => void quick({ action: 'submit' }, '已提交镇审核')}>提交镇审核</Button>}
            {approve && c.status === 'submitted' && (
              <>
                <Button type="primary" onClick={() => void quick({ action: 'approve' }, '已审核通过')}>审核通过</Button>
                <Button danger onClick={() => setAsk('return')}>退回修改</Button>
              </>
            )}
            {write && c.status === 'approved' && <Button type="primary" onClick={() => void quick({ action: 'start' }, '已开始推进')}>开始推进</Button>}
            {write && c.status === 'in_progress' && (
              <>
                <Button onClick={() => setAsk('progress')}>记录进展</Button>
                <Button type="primary" onClick={() => setAsk('settle')}>年终兑现评定</Button>
              </>
            )}
            {write && c.status === 'settled' && <Button type="primary" onClick={() => void quick({ action: 'publish' }, '已公示')}>公示</Button>}
            {c.status === 'published' && (
              <Button href={`/m/villages/${c.villageId}/commitments?year=${c.year}`} target="_blank">
                查看公示页
              </Button>
            )}
          </Space>
          <h4 style={{ margin: '8px 0 12px' }}>办理记录</h4>
          <Timeline
            items={c.events.map((e) => ({
              color: e.action === 'return' ? 'red' : e.action === 'publish' || e.action === 'settle' ? 'green' : 'gray',
              children: (
                <>
                  <b>{eventLabels[e.action] ?? e.action}</b> · {e.actor} · {new Date(e.at).toLocaleString('zh-CN', { hour12: false })}
                  {e.note && <div style={{ color: '#595959' }}>{e.note}</div>}
                </>
              ),
            }))}
          />
          {ask && <AskModal c={c} ask={ask} onClose={() => setAsk(null)} />}
        </>
      )}
    </Drawer>
  );
}
