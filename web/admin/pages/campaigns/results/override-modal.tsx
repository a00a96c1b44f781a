import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Radio } from 'antd';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';
import { useOverrideStars } from '../../../api/campaigns-hooks';
import { errorText } from '../../../api/client';
import { notifySuccess } from '../../../components/feedback';
import { Stars } from '../campaign-labels';
import { VetoAlert } from './veto-alert';

type Village = CampaignResults['villages'][number];
type Values = { stars: number; reason: string };

/** 调整星级: against the engine's proposal, with a written reason that the audit log keeps. */
export function OverrideModal({ campaignId, village, onClose }: { campaignId: string; village: Village; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const override = useOverrideStars(campaignId);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    // An invalid form shows its messages beside the fields; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    override.mutate(
      { villageId: village.orgUnitId, stars: v.stars === 0 ? null : v.stars, reason: v.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(`已调整${village.name}的星级`);
          onClose();
        },
        onError: (e) => setBanner(errorText(e)),
      },
    );
  };

  return (
    <Modal title={`调整星级：${village.name}`} open onCancel={onClose} onOk={() => void submit()} okText="确认调整" confirmLoading={override.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} data-testid="override-error" />}
      <VetoAlert campaignId={campaignId} villageId={village.orgUnitId} />
      {village.proposalChange && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`建议已变化：系统建议 ${village.proposalChange.engineBefore ?? '不定级'} → ${village.proposalChange.engineAfter ?? '不定级'} 星`}
          description={village.proposalChange.why}
        />
      )}
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="所属镇">{village.townName}</Descriptions.Item>
        <Descriptions.Item label="综合得分">{village.score}</Descriptions.Item>
        <Descriptions.Item label="系统建议">
          <Stars value={village.engineStars} />
        </Descriptions.Item>
        <Descriptions.Item label="当前星级">
          <Stars value={village.stars} />
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="override" initialValues={{ stars: village.stars ?? 0 }}>
        <Form.Item name="stars" label="调整为" rules={[{ required: true, message: '请选择星级' }]}>
          <Radio.Group
            optionType="button"
            options={[5, 4, 3, 2, 1, 0].map((s) => ({ value: s, label: s === 0 ? '不定级' : `${s} 星` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="调整理由"
          rules={[
            { required: true, whitespace: true, message: '调整星级必须填写理由' },
            { max: 500, message: '理由不超过 500 字' },
          ]}
          extra="理由将与调整前后的星级一起记入审计日志，并在本村评星详情中显示。"
        >
          <Input.TextArea rows={4} placeholder="如：经集体研究，整改到位，予以上调" showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
