import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { Account } from '../../../../shared/contracts/accounts';
import { useResetPassword } from '../../api/accounts-hooks';
import { notifySuccess } from '../../components/feedback';
import { passwordHint, strongPasswordRule } from '../../components/password-rules';
import { applyServerError } from '../../components/server-error';

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    const { password } = await form.validateFields();
    setBanner(null);
    reset.mutate(
      { id: account.id, password },
      {
        onSuccess: () => {
          notifySuccess(`已重置 ${account.displayName} 的密码`);
          onClose();
        },
        onError: (error) => setBanner(applyServerError(form, error, { 'password.too_weak': 'password' })),
      },
    );
  };

  return (
    <Modal
      open
      title={`重置密码：${account.displayName}（${account.username}）`}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={reset.isPending}
      okText="重置"
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="请通过安全渠道将新密码告知本人，并提醒其登录后及时修改。" />
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}>
          <Input.Password autoComplete="new-password" placeholder={passwordHint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
