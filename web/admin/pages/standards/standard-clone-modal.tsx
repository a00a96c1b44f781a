import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { StandardSummary } from '../../../../shared/contracts/standards';
import { useCloneStandard } from '../../api/standards-hooks';
import { notifySuccess } from '../../components/feedback';
import { applyServerError } from '../../components/server-error';

type Props = { source: StandardSummary; onClose: () => void };

/** A new, editable version with the same rules; the way to change a locked standard. */
export function StandardCloneModal({ source, onClose }: Props) {
  const [form] = Form.useForm<{ version: string }>();
  const clone = useCloneStandard();
  const navigate = useNavigate();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    const checked = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!checked) return;
    const { version } = checked;
    setBanner(null);
    clone.mutate(
      { id: source.id, version: version.trim() },
      {
        onSuccess: (created) => {
          notifySuccess(`已复制为新版本 ${created.version}`);
          onClose();
          void navigate(`/standards/${created.id}/edit`);
        },
        onError: (error) => setBanner(applyServerError(form, error, { 'standard.duplicate_version': 'version' })),
      },
    );
  };

  return (
    <Modal title="复制为新版本" open onCancel={onClose} onOk={() => void submit().catch(() => undefined)} okText="复制并编辑" confirmLoading={clone.isPending} destroyOnHidden>
      <Typography.Paragraph>
        将“{source.name}”（编码 <Typography.Text code>{source.code}</Typography.Text>，版本 {source.version}）的全部规则复制为一个新的可编辑版本。
      </Typography.Paragraph>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item
          name="version"
          label="新版本号"
          rules={[
            { required: true, whitespace: true, message: '请输入新版本号' },
            { max: 40, message: '版本号不超过 40 个字符' },
          ]}
          extra="同一编码下版本号不能重复，如 2023.1"
        >
          <Input placeholder="如 2023.1" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
