import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, QRCode, Select, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { problemStatusLabels, type Problem, type ProblemStatus } from '../../../../shared/contracts/fieldwork-service';
import { errorText } from '../../api/client';
import { useProblem, useProblemStep, useRemoveProblemFile, useUploadProblemFile, type ProblemStep } from '../../api/fieldwork-service-hooks';
import { usePeople } from '../../api/people-hooks';
import { useSession } from '../../auth/session';
import { AttachmentList } from '../../components/attachment-list';
import { notifySuccess } from '../../components/feedback';
import { overdueTag } from '../pairing/fieldwork-ui';

export const problemColors: Record<ProblemStatus, string> = { open: 'default', claimed: 'blue', in_progress: 'processing', resolved: 'green', confirmed: 'success' };
const flow: ProblemStatus[] = ['open', 'claimed', 'in_progress', 'resolved', 'confirmed'];
export const eventLabels: Record<string, string> = {
  create: '登记',
  import: '导入',
  claim: '认领',
  release: '放弃认领',
  start: '开始办理',
  resolve: '销号',
  confirm: '镇级确认',
  reopen: '退回重办',
  villager_confirm: '村民确认满意',
  villager_reject: '村民不满意，重新办理',
};

type Ask = { step: 'resolve' | 'reopen' | 'claim' | 'confirm'; title: string; label: string; done: string } | null;

function StepModal({ problem, ask, onDone, onClose }: { problem: Problem; ask: NonNullable<Ask>; onDone: (path: string | null) => void; onClose: () => void }) {
  const step = useProblemStep();
  const people = usePeople({ orgUnitId: problem.villageId, page: 1, pageSize: 100 }, ask.step === 'claim');
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const needsText = ask.step === 'resolve' || ask.step === 'reopen';
  const body = (): ProblemStep =>
    ask.step === 'resolve' ? { action: 'resolve', resolution: text } : ask.step === 'reopen' ? { action: 'reopen', reason: text } : ask.step === 'claim' ? { action: 'claim', assigneeId: assignee ?? null } : { action: 'confirm', note: text || undefined };
  const save = () =>
    step
      .mutateAsync({ id: problem.id, step: body() })
      .then((r) => onDone(r.confirmPath))
      .catch((e: unknown) => setError(errorText(e)));
  return (
    <Modal title={ask.title} open onCancel={onClose} onOk={save} okText="确定" okButtonProps={{ disabled: needsText && !text.trim() }} confirmLoading={step.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph strong>{problem.title}</Typography.Paragraph>
      <Form layout="vertical">
        {ask.step === 'claim' ? (
          <Form.Item label={ask.label}>
            <Select allowClear placeholder="由本账户负责" value={assignee} onChange={setAssignee} options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        ) : (
          <Form.Item label={ask.label} required={needsText}>
            <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} aria-label={ask.label} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ProblemDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { can } = useSession();
  const { data: p } = useProblem(id);
  const step = useProblemStep();
  const uploadFile = useUploadProblemFile(id);
  const removeFile = useRemoveProblemFile(id);
  const [ask, setAsk] = useState<Ask>(null);
  const [confirmPath, setConfirmPath] = useState<string | null>(null);
  useEffect(() => setConfirmPath(null), [id]);
  const quick = (s: ProblemStep, ok: string) => step.mutateAsync({ id, step: s }).then(() => notifySuccess(ok));
  const write = can('service:write');
  const approve = can('service:approve');
  const link = confirmPath ? `${window.location.origin}${confirmPath}` : null;
  return (
    <Drawer title="问题详情" open onClose={onClose} width={640} loading={!p}>
      {p && (
        <>
          <Steps
            size="small"
            current={flow.indexOf(p.status)}
            items={flow.map((s) => ({ title: problemStatusLabels[s] }))}
            style={{ marginBottom: 20 }}
          />
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="问题" span={2}>
              <Space>
                {p.title}
                <Tag color={problemColors[p.status]}>{problemStatusLabels[p.status]}</Tag>
                {p.overdue && overdueTag}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="村（社区）">{p.townName} · {p.villageName}</Descriptions.Item>
            <Descriptions.Item label="农户">{p.household || '—'}</Descriptions.Item>
            <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
            <Descriptions.Item label="来源">{p.source}</Descriptions.Item>
            <Descriptions.Item label="发现日期">{p.reportedDate}</Descriptions.Item>
            <Descriptions.Item label="办结时限">{p.dueDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="认领人">{p.claimedByName || '—'}</Descriptions.Item>
            <Descriptions.Item label="销号日期">{p.resolvedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="详细情况" span={2}>{p.description || '—'}</Descriptions.Item>
            <Descriptions.Item label="办理结果" span={2}>{p.resolution || '—'}</Descriptions.Item>
            {p.confirmedVia && (
              <Descriptions.Item label="确认" span={2}>
                {p.confirmedVia === 'villager' ? '村民确认满意' : '镇级确认'}（{p.confirmedDate}）{p.confirmationNote && `：${p.confirmationNote}`}
              </Descriptions.Item>
            )}
            {p.reopenCount > 0 && (
              <Descriptions.Item label="重办" span={2}>
                {p.reopenCount} 次，最近原因：{p.reopenReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {link && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              message="已销号。请农户扫码确认办理结果（链接仅可使用一次）："
              description={
                <Space align="start">
                  <QRCode value={link} size={120} />
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="confirm-link">
                    {link}
                  </Typography.Text>
                </Space>
              }
            />
          )}
          <Space wrap style={{ margin: '16px 0' }}>
            {write && p.status === 'open' && <Button type="primary" onClick={() => setAsk({ step: 'claim', title: '认领问题', label: '负责干部', done: '已认领' })}>认领</Button>}
            {p.mine && p.status === 'claimed' && (
              <>
                <Button onClick={() => void quick({ action: 'start' }, '已开始办理')}>开始办理</Button>
                <Button onClick={() => void quick({ action: 'release' }, '已放弃认领')}>放弃认领</Button>
              </>
            )}
            {p.mine && (p.status === 'claimed' || p.status === 'in_progress') && (
              <Button type="primary" onClick={() => setAsk({ step: 'resolve', title: '销号', label: '办理结果', done: '已销号' })}>销号</Button>
            )}
            {approve && p.status === 'resolved' && <Button type="primary" onClick={() => setAsk({ step: 'confirm', title: '确认销号', label: '核实情况（可不填）', done: '已确认销号' })}>确认销号</Button>}
            {approve && (p.status === 'resolved' || p.status === 'confirmed') && (
              <Button danger onClick={() => setAsk({ step: 'reopen', title: '退回重办', label: '退回原因', done: '已退回重办' })}>退回重办</Button>
            )}
          </Space>
          <h4 style={{ margin: '8px 0 12px' }}>销号材料</h4>
          <AttachmentList
            files={p.files}
            canEdit={p.canAttach}
            onUpload={(file) => uploadFile.mutateAsync(file)}
            onRemove={(fileId) => removeFile.mutateAsync(fileId)}
            emptyText={p.status === 'open' ? '认领后可上传销号材料' : '暂无销号材料'}
          />
          <h4 style={{ margin: '20px 0 12px' }}>办理记录</h4>
          <Timeline
            items={p.events.map((e) => ({
              color: e.action === 'reopen' || e.action === 'villager_reject' ? 'red' : e.toStatus === 'confirmed' || e.toStatus === 'resolved' ? 'green' : 'gray',
              children: (
                <>
                  <b>{eventLabels[e.action] ?? e.action}</b> · {e.actor} · {new Date(e.at).toLocaleString('zh-CN', { hour12: false })}
                  {e.note && <div style={{ color: '#595959' }}>{e.note}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
      {p && ask && (
        <StepModal
          problem={p}
          ask={ask}
          onClose={() => setAsk(null)}
          onDone={(path) => {
            notifySuccess(ask.done);
            setAsk(null);
            if (path) setConfirmPath(path);
          }}
        />
      )}
    </Drawer>
  );
}
