import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Me } from '../../../../shared/contracts/auth';
import { useForcedPasswordChange, useLogout, useRefreshMe, useSecondFactor } from '../../api/auth-hooks';
import { errorText } from '../../api/client';
import { passwordHint, strongPasswordRule } from '../../components/password-rules';
import { TotpEnrol } from './totp-enrol';

const titles: Record<NonNullable<Me['pending']>, string> = {
  second_factor: '输入动态验证码',
  password_change: '设置新密码',
  totp_enrol: '绑定动态验证码',
};

/**
 * What a session still owes before the admin pages open: the second factor, a new password (after
 * a reset, on first login, or an admin password older than 90 days), or binding TOTP where the
 * role requires it. The server refuses every other request until then.
 */
export function LoginSteps({ me }: { me: Me }) {
  const logout = useLogout();
  const step = me.pending as NonNullable<Me['pending']>;
  return (
    <div className="login-backdrop">
      <Card
        style={{ width: 440, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}
        title={
          <span>
            <SafetyCertificateOutlined style={{ marginRight: 8 }} />
            {titles[step]}
          </span>
        }
        extra={
          <Button type="link" onClick={() => logout.mutate()}>
            退出登录
          </Button>
        }
        data-testid={`login-step-${step}`}
      >
        <Typography.Paragraph type="secondary">
          {me.displayName}（{me.username}）
        </Typography.Paragraph>
        {step === 'second_factor' && <SecondFactorForm />}
        {step === 'password_change' && <ForcedPasswordForm me={me} />}
        {step === 'totp_enrol' && <TotpEnrolStep />}
      </Card>
    </div>
  );
}

function SecondFactorForm() {
  const verify = useSecondFactor();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (v: { code?: string; recoveryCode?: string }) => {
    setError(null);
    const input = recovery ? { recoveryCode: (v.recoveryCode ?? '').trim() } : { code: (v.code ?? '').trim() };
    verify.mutate(input, { onError: (e) => setError(errorText(e)) });
  };
  return (
    <Form layout="vertical" size="large" onFinish={submit} key={recovery ? 'recovery' : 'code'}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {recovery ? (
        <Form.Item name="recoveryCode" label="恢复码" extra="每个恢复码只能使用一次" rules={[{ required: true, message: '请输入恢复码' }]}>
          <Input autoFocus autoComplete="off" placeholder="如 ABCDE-23456" />
        </Form.Item>
      ) : (
        <Form.Item name="code" label="身份验证器上的 6 位数字" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位动态验证码' }]}>
          <Input autoFocus inputMode="numeric" maxLength={6} autoComplete="one-time-code" placeholder="动态验证码" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={verify.isPending}>
        验 证
      </Button>
      <Button type="link" block onClick={() => setRecovery((r) => !r)} style={{ marginTop: 8 }}>
        {recovery ? '使用动态验证码' : '手机不在身边？使用恢复码'}
      </Button>
    </Form>
  );
}

type PasswordValues = { currentPassword: string; newPassword: string; confirm: string };

function ForcedPasswordForm({ me }: { me: Me }) {
  const change = useForcedPasswordChange();
  const [error, setError] = useState<string | null>(null);
  const reason = me.passwordReset
    ? `您的密码已于 ${dayjs(me.passwordReset.at).format('YYYY-MM-DD HH:mm')} 由 ${me.passwordReset.by} 重置。如非本人申请，请立即联系安全管理员。`
    : '首次登录或密码已超过规定期限未更换，请设置新密码后继续。';
  return (
    <Form<PasswordValues>
      layout="vertical"
      onFinish={(v) => {
        setError(null);
        change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }, { onError: (e) => setError(errorText(e)) });
      }}
    >
      <Alert type={me.passwordReset ? 'warning' : 'info'} showIcon message={reason} style={{ marginBottom: 16 }} data-testid="password-reset-notice" />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={me.passwordReset ? '一次性密码' : '当前密码'} rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}>
        <Input.Password autoComplete="new-password" placeholder={passwordHint} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        设置新密码并继续
      </Button>
    </Form>
  );
}

function TotpEnrolStep() {
  const refresh = useRefreshMe();
  return (
    <>
      <Alert type="info" showIcon message="您的角色须使用动态验证码（第二重身份验证）登录。" style={{ marginBottom: 16 }} />
      <TotpEnrol onDone={() => void refresh()} />
    </>
  );
}
