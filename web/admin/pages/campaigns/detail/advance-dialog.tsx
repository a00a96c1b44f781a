import { Alert, Form, Input, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { campaignStatusLabels, type CampaignStatus, type ReadinessItem } from '../../../../../shared/contracts/campaigns';
import { useAdvanceCampaign, useReadiness } from '../../../api/campaigns-hooks';
import { advanceEffects } from '../campaign-labels';

// Long lists (every unscored village of a county) are cut; the count says how many there are.
const shownDetails = 8;

function ReadinessRow({ item }: { item: ReadinessItem }) {
  const more = item.details.length - shownDetails;
  return (
    <List.Item data-kind={item.kind}>
      <List.Item.Meta
        title={
          <span>
            {item.overridable ? <Tag color="warning">可书面说明后推进</Tag> : <Tag color="error">须先处理</Tag>}
            {item.text}
          </span>
        }
        description={
          item.details.length > 0 && (
            <Typography.Text type="secondary">
              {item.details.slice(0, shownDetails).join('；')}
              {more > 0 && `；等另外 ${more} 项`}
            </Typography.Text>
          )
        }
      />
    </List.Item>
  );
}

type Props = {
  campaignId: string;
  to: CampaignStatus;
  onClose: () => void;
  onAdvanced: () => void;
  onRefused: (error: unknown) => void;
};

/**
 * The audited step to the next stage: what it does, what it still waits for (asked from the
 * server when the dialog opens), and, when something is unmet, the written reason the audit keeps.
 */
export function AdvanceDialog({ campaignId, to, onClose, onAdvanced, onRefused }: Props) {
  const readiness = useReadiness(campaignId, true);
  const advance = useAdvanceCampaign(campaignId);
  const [form] = Form.useForm<{ reason?: string }>();
  const items = readiness.data?.items ?? [];
  const needsReason = items.some((i) => i.overridable);
  const blocked = items.some((i) => !i.overridable);
  const label = campaignStatusLabels[to];

  const submit = async () => {
    const { reason } = needsReason ? await form.validateFields() : { reason: undefined };
    await advance
      .mutateAsync({ to, ...(needsReason && reason ? { reason: reason.trim() } : {}) })
      .then(onAdvanced)
      // The refusal is shown next to the steps; the dialog closes either way.
      .catch(onRefused);
    onClose();
  };

  return (
    <Modal
      open
      rootClassName="advance-dialog"
      title={`推进到“${label}”？`}
      okText={`推进到${label}`}
      cancelText="取消"
      okButtonProps={{ disabled: readiness.isPending || readiness.isError, danger: needsReason }}
      confirmLoading={advance.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph>{advanceEffects[to]}此操作将记入审计日志，不能撤回。</Typography.Paragraph>
      {readiness.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {readiness.isError && <Alert type="error" showIcon message="未能检查推进条件，请稍后重试" />}
      {readiness.data?.ready && <Alert type="success" showIcon message="推进条件已全部满足" data-testid="advance-ready" />}
      {items.length > 0 && (
        <>
          <Alert
            type={blocked ? 'error' : 'warning'}
            showIcon
            message={blocked ? '有条件必须先处理，书面理由不能越过' : `还有 ${items.length} 项推进条件未满足`}
            description={blocked ? undefined : '确需推进的，须写明理由；理由与未满足的条件一并记入审计日志。'}
          />
          <List size="small" dataSource={items} renderItem={(item) => <ReadinessRow item={item} />} data-testid="advance-readiness" />
        </>
      )}
      {needsReason && (
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="推进理由"
            extra="书面说明为何在条件未满足时推进，记入审计日志"
            rules={[
              { required: true, whitespace: true, message: '请填写推进理由' },
              { min: 2, message: '推进理由至少 2 个字' },
              { max: 500, message: '推进理由不超过 500 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="advance-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
