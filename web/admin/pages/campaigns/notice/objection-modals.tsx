import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';
import type { Objection } from '../../../../../shared/contracts/evaluation-results';
import { errorText } from '../../../api/client';
import { useAnswerObjection, useCorrectStars, useHandleObjection } from '../../../api/evaluation-results-hooks';
import { notifySuccess } from '../../../components/feedback';
import { Stars } from '../campaign-labels';
import { VetoAlert } from '../results/veto-alert';

const keep = 'keep';
const withdraw = 'withdraw';
const starOptions = [
  ...[5, 4, 3, 2, 1].map((s) => ({ value: s, label: `调整为 ${s} 星` })),
  { value: withdraw, label: '撤销星级（不定级）' },
];

/** 核查异议: accepted may change the stars at once (a correction in the same step); rejected may not. */
export function HandleObjectionModal({ campaignId, objection, onClose }: { campaignId: string; objection: Objection; onClose: () => void }) {
  const [form] = Form.useForm<{ decision: 'accepted' | 'rejected'; note: string; stars: number | typeof keep | typeof withdraw }>();
  const handle = useHandleObjection(campaignId);
  const [banner, setBanner] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const stars = v.decision !== 'accepted' || v.stars === keep ? {} : { stars: v.stars === withdraw ? null : v.stars };
    handle.mutate(
      { id: objection.id, input: { decision: v.decision, note: v.note.trim(), ...stars } },
      { onSuccess: () => (notifySuccess('已记录核查结果'), onClose()), onError: (e) => setBanner(errorText(e)) },
    );
  };
  return (
    <Modal title={`核查异议 · ${objection.receiptNo}`} open width={600} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={handle.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="村">{`${objection.village.townName} · ${objection.village.name}`}</Descriptions.Item>
        <Descriptions.Item label="异议内容">{objection.content}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="objection-handle" initialValues={{ stars: keep }}>
        <Form.Item name="decision" label="核查结果" rules={[{ required: true, message: '请选择核查结果' }]}>
          <Radio.Group
            options={[
              { value: 'accepted', label: '异议成立' },
              { value: 'rejected', label: '异议不成立' },
            ]}
          />
        </Form.Item>
        {decision === 'accepted' && (
          <Form.Item name="stars" label="星级" extra="如需调整该村星级，将同时形成一条更正记录并记入审计日志。">
            <Select options={[{ value: keep, label: '星级不变' }, ...starOptions]} style={{ width: 240 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="核查情况" rules={[{ required: true, whitespace: true, message: '请填写核查情况' }, { max: 1000 }]}>
          <Input.TextArea rows={4} showCount maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 答复: the answer shows on the public page under the objection's receipt number. */
export function AnswerObjectionModal({ campaignId, objection, onClose }: { campaignId: string; objection: Objection; onClose: () => void }) {
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswerObjection(campaignId);
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    answer.mutate({ id: objection.id, answer: v.answer.trim() }, { onSuccess: () => (notifySuccess('已答复'), onClose()), onError: (e) => setBanner(errorText(e)) });
  };
  return (
    <Modal title={`答复异议 · ${objection.receiptNo}`} open onCancel={onClose} onOk={() => void submit()} okText="答复" confirmLoading={answer.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">答复将在公示页面按回执编号公开显示，请勿包含个人信息。</Typography.Paragraph>
      <Form form={form} layout="vertical" name="objection-answer">
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }, { max: 1000 }]}>
          <Input.TextArea rows={5} showCount maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Village = CampaignResults['villages'][number];

/** 更正星级: during the notice or after final, with a reason; the campaign keeps its status. */
export function CorrectionModal({ campaignId, village, onClose }: { campaignId: string; village: Village; onClose: () => void }) {
  const [form] = Form.useForm<{ stars: number | typeof withdraw; reason: string }>();
  const correct = useCorrectStars(campaignId);
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    correct.mutate(
      { villageId: village.orgUnitId, input: { stars: v.stars === withdraw ? null : v.stars, reason: v.reason.trim() } },
      { onSuccess: () => (notifySuccess(`已更正${village.name}的星级`), onClose()), onError: (e) => setBanner(errorText(e)) },
    );
  };
  return (
    <Modal title={`更正星级：${village.name}`} open onCancel={onClose} onOk={() => void submit()} okText="确认更正" confirmLoading={correct.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <VetoAlert campaignId={campaignId} villageId={village.orgUnitId} />
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="综合得分">{village.score}</Descriptions.Item>
        <Descriptions.Item label="当前星级">
          <Stars value={village.stars} />
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="correction">
        <Form.Item name="stars" label="更正为" rules={[{ required: true, message: '请选择' }]}>
          <Select options={starOptions} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '更正星级必须填写理由' }, { max: 500 }]} extra="理由与更正前后的星级记入审计日志，并在本村的评星详情和历年星级中显示。">
          <Input.TextArea rows={4} showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
