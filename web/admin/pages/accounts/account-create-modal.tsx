import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { AccountCreate } from '../../../../shared/contracts/accounts';
import { useCreateAccount } from '../../api/accounts-hooks';
import { notifySuccess } from '../../components/feedback';
import { passwordHint, strongPasswordRule } from '../../components/password-rules';
import { applyServerError } from '../../components/server-error';

const fieldByCode = { 'account.duplicate_username': 'username', 'password.too_weak': 'password' };

export function AccountCreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<AccountCreate>();
  const create = useCreateAccount();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBanner(null);
    create.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: () => {
          notifySuccess('账户已创建，请由安全管理员分配角色');
          onClose();
        },
        onError: (error) => setBanner(applyServerError(form, error, fieldByCode)),
      },
    );
  };

  return (
    <Modal
      open
      title="新建账户"
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      okText="创建"
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '用户名为 3–32 位小写字母、数字、下划线，以字母开头' },
          ]}
        >
          <Input placeholder="如：town05" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 40, message: '最多 40 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请输入初始密码' }, strongPasswordRule]}>
          <Input.Password autoComplete="new-password" placeholder={passwordHint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
