import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { IssuedCodes, Questionnaire, SurveyTopic, VillageProgress } from '../../../../../shared/contracts/surveys';
import { errorText } from '../../../api/client';
import { useIssueCodes, useReopenVillageSurvey, useRevokeCodes, useSaveQuestionnaire } from '../../../api/surveys-hooks';

/** 发放测评码: how many households; the codes come back once and go straight to the print sheet. */
export function IssueModal({ campaignId, village, onIssued, onClose }: { campaignId: string; village: VillageProgress; onIssued: (c: IssuedCodes) => void; onClose: () => void }) {
  const issue = useIssueCodes(campaignId);
  const [count, setCount] = useState<number | null>(20);
  return (
    <Modal
      open
      title={`发放测评码 · ${village.villageName}`}
      okText="生成并打印"
      okButtonProps={{ disabled: !count, loading: issue.isPending }}
      onOk={() => count && issue.mutate({ villageId: village.villageId, count }, { onSuccess: onIssued })}
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">每户一码：测评组入户走访时发给每户一张测评卡，村民扫码或输入测评码作答，每个码只能用一次。</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="本次发放户数" required extra="一次最多 500 户；已发放的码不受影响。">
            <InputNumber min={1} max={500} precision={0} value={count} onChange={setCount} addonAfter="户" style={{ width: 200 }} />
          </Form.Item>
        </Form>
        <Alert type="warning" showIcon message="测评码只在生成时显示一次（系统只保存其校验值），请生成后立即打印；遗失的卡片可作废后补发。" />
        {issue.isError && <Alert type="error" showIcon message={errorText(issue.error)} />}
      </Space>
    </Modal>
  );
}

/** 作废测评码: typed codes from lost cards, or a whole batch. Used codes are never touched. */
export function RevokeModal({ campaignId, village, onClose }: { campaignId: string; village: VillageProgress; onClose: () => void }) {
  const { message } = App.useApp();
  const revoke = useRevokeCodes(campaignId);
  const [mode, setMode] = useState<'codes' | 'batch'>('codes');
  const [text, setText] = useState('');
  const [batchNo, setBatchNo] = useState<number>();
  const codes = text.split(/[\s,，;；]+/).filter(Boolean);
  const ready = mode === 'codes' ? codes.length > 0 : batchNo !== undefined;
  return (
    <Modal
      open
      title={`作废测评码 · ${village.villageName}`}
      okText="作废"
      okButtonProps={{ danger: true, disabled: !ready, loading: revoke.isPending }}
      onOk={() =>
        revoke.mutate(
          { villageId: village.villageId, body: mode === 'codes' ? { codes } : { batchNo: batchNo as number } },
          {
            onSuccess: (r) => {
              void message.success(`已作废 ${r.revoked} 个测评码`);
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" options={[{ value: 'codes', label: '按测评码' }, { value: 'batch', label: '整批作废未使用的' }]} />
        {mode === 'codes' ? (
          <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="输入卡片上的测评码，多个用空格或换行分开" />
        ) : (
          <Select
            placeholder="选择批次"
            value={batchNo}
            onChange={setBatchNo}
            style={{ width: '100%' }}
            options={village.batches.map((b) => ({ value: b.batchNo, label: `第 ${b.batchNo} 批 · ${b.issued} 个，已用 ${b.used}，已作废 ${b.revoked}` }))}
          />
        )}
        <Typography.Text type="secondary">已使用的测评码及其答卷不会被作废。</Typography.Text>
        {revoke.isError && <Alert type="error" showIcon message={errorText(revoke.error)} />}
      </Space>
    </Modal>
  );
}

/** 重新开放: a closed village's survey opened again during stage 1, with the reason for the audit trail. */
export function ReopenModal({ campaignId, village, onClose }: { campaignId: string; village: VillageProgress; onClose: () => void }) {
  const { message } = App.useApp();
  const reopen = useReopenVillageSurvey(campaignId);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= 2;
  return (
    <Modal
      open
      title={`重新开放群众测评 · ${village.villageName}`}
      okText="重新开放"
      okButtonProps={{ disabled: !ready, loading: reopen.isPending }}
      onOk={() =>
        reopen.mutate(
          { villageId: village.villageId, reason: reason.trim() },
          {
            onSuccess: () => {
              void message.success(`${village.villageName}群众测评已重新开放`);
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          重新开放后，结束前发放、尚未使用也未作废的测评码可以继续作答，也可以补发测评码。仅在摸底互评阶段、测评期内且尚未生成定星建议时可以重新开放。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="重新开放的原因" required extra="记入审计日志，至少 2 个字。">
            <Input.TextArea rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：部分农户外出务工，延长本村手机测评" />
          </Form.Item>
        </Form>
        {reopen.isError && <Alert type="error" showIcon message={errorText(reopen.error)} />}
      </Space>
    </Modal>
  );
}

/** 测评问卷: the fixed satisfaction question and the department's topic questions. */
export function QuestionnaireModal({ campaignId, questionnaire, onClose }: { campaignId: string; questionnaire: Questionnaire; onClose: () => void }) {
  const save = useSaveQuestionnaire(campaignId);
  const [form] = Form.useForm<{ topics: SurveyTopic[] }>();
  const editable = questionnaire.canEdit;
  return (
    <Modal
      open
      width={640}
      title="群众测评问卷"
      okText="保存"
      okButtonProps={{ disabled: !editable, loading: save.isPending }}
      onOk={() => void form.validateFields().then((v) => save.mutate(v.topics ?? [], { onSuccess: onClose }))}
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {questionnaire.lockReason && <Alert type="info" showIcon message={questionnaire.lockReason} />}
        <Typography.Text strong>1. {questionnaire.satisfactionQuestion}</Typography.Text>
        <Space>
          <Tag>满意</Tag>
          <Tag>基本满意</Tag>
          <Tag>不满意</Tag>
          <Typography.Text type="secondary">（满意率按评星标准的规则计算）</Typography.Text>
        </Space>
        <Typography.Text type="secondary">分项题目（村民可选答）：</Typography.Text>
        <Form form={form} initialValues={{ topics: questionnaire.topics }} disabled={!editable}>
          <Form.List name="topics">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'id']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,31}$/, message: '小写字母开头' }]}>
                      <Input placeholder="编号" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, max: 60, message: '请填写题目' }]}>
                      <Input placeholder="如：村务公开" style={{ width: 320 }} />
                    </Form.Item>
                    {editable && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />}
                  </Space>
                ))}
                {editable && fields.length < 10 && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: '', text: '' })}>
                    添加题目
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
        {save.isError && <Alert type="error" showIcon message={errorText(save.error)} />}
      </Space>
    </Modal>
  );
}
