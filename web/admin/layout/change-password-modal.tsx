import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useChangePassword } from '../api/auth-hooks';
import { errorText } from '../api/client';
import { notifySuccess } from '../components/feedback';
import { passwordHint, strongPasswordRule } from '../components/password-rules';

type FormValues = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const [serverError, setServerError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setServerError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setServerError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifySuccess('密码已修改');
          close();
        },
        onError: (err) => setServerError(errorText(err)),
      },
    );
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={close}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={change.isPending}
      okText="确认修改"
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon message={serverError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}
        >
          <Input.Password autoComplete="new-password" placeholder={passwordHint} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
