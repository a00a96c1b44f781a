import { useState } from 'react';
import { Alert, Button, Modal, Result, Typography } from 'antd';
import type { Account, PasswordResetResult } from '../../../../shared/contracts/accounts';
import { useResetPassword } from '../../api/accounts-hooks';
import { errorText } from '../../api/client';

/** The one-time password, shown this once: it is stored only as a hash. */
export function OneTimePasswordResult({ account, password }: { account: Pick<Account, 'displayName' | 'username'>; password: string }) {
  return (
    <Result
      status="success"
      title={`已重置 ${account.displayName}（${account.username}）的密码`}
      subTitle="以下一次性密码只显示这一次，请通过安全渠道告知本人；本人登录后须立即设置新密码。"
      extra={
        <Typography.Paragraph copyable={{ text: password, tooltips: ['复制', '已复制'] }} data-testid="one-time-password" style={{ fontSize: 20, fontFamily: 'monospace' }}>
          {password}
        </Typography.Paragraph>
      }
    />
  );
}

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const reset = useResetPassword();
  const [result, setResult] = useState<PasswordResetResult | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = () => {
    setBanner(null);
    reset.mutate({ id: account.id }, { onSuccess: setResult, onError: (error) => setBanner(errorText(error)) });
  };

  return (
    <Modal
      open
      title={`重置密码：${account.displayName}（${account.username}）`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              取消
            </Button>,
            <Button key="ok" type="primary" danger loading={reset.isPending} onClick={submit}>
              重置
            </Button>,
          ]
        )
      }
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      {!result && (
        <Alert
          type="info"
          showIcon
          message="系统将生成一次性密码，本人登录后须立即修改；该账户的所有登录会话将被注销。"
          description="管理员、组织部、评委和纪检 / 信访专员账户的重置须经安全管理员或审计管理员审批，一次性密码由审批人取得。"
        />
      )}
      {result?.status === 'done' && result.oneTimePassword && <OneTimePasswordResult account={account} password={result.oneTimePassword} />}
      {result?.status === 'pending' && (
        <Result status="info" title="已提交重置申请" subTitle="该账户须由安全管理员或审计管理员审批后才会重置密码，一次性密码由审批人取得并告知本人。" />
      )}
    </Modal>
  );
}
