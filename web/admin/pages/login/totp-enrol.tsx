import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, List, Typography } from 'antd';
import { useTotpConfirm, useTotpEnrolment, type TotpEnrolment } from '../../api/auth-hooks';
import { errorText } from '../../api/client';

/**
 * Binding an authenticator app (TOTP): scan the QR code, prove it with one code, then keep the
 * ten recovery codes, which are shown only here.
 */
export function TotpEnrol({ onDone }: { onDone: () => void }) {
  const start = useTotpEnrolment();
  const confirm = useTotpConfirm();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (codes) {
    return (
      <div data-testid="recovery-codes">
        <Alert
          type="warning"
          showIcon
          message="请抄写或打印保存以下恢复码"
          description="手机丢失时可用恢复码登录，每个只能使用一次；离开本页后无法再次查看。"
          style={{ marginBottom: 12 }}
        />
        <List
          size="small"
          bordered
          grid={{ column: 2 }}
          dataSource={codes}
          renderItem={(c) => (
            <List.Item style={{ fontFamily: 'monospace', fontSize: 16 }}>{c}</List.Item>
          )}
        />
        <Typography.Paragraph copyable={{ text: codes.join('\n'), tooltips: ['复制全部', '已复制'] }} type="secondary">
          复制全部恢复码
        </Typography.Paragraph>
        <Button type="primary" block onClick={onDone}>
          我已妥善保存，继续
        </Button>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <>
        <Typography.Paragraph>
          请在手机上安装支持 TOTP 的身份验证器（如“腾讯身份验证器”“Microsoft Authenticator”），然后生成二维码扫描绑定。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" block loading={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment, onError: (e) => setError(errorText(e)) })}>
          生成绑定二维码
        </Button>
      </>
    );
  }

  return (
    <>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 12 }}>
        <img src={enrolment.qrDataUrl} alt="动态验证码绑定二维码" width={200} height={200} data-testid="totp-qr" />
        <Typography.Text type="secondary">无法扫码时，手动输入密钥：</Typography.Text>
        <Typography.Text code copyable data-testid="totp-secret">
          {enrolment.secret}
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        layout="vertical"
        onFinish={(v: { code: string }) => {
          setError(null);
          confirm.mutate(v.code.trim(), { onSuccess: (r) => setCodes(r.recoveryCodes), onError: (e) => setError(errorText(e)) });
        }}
      >
        <Form.Item name="code" label="验证器显示的 6 位数字" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位动态验证码' }]}>
          <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
          验证并绑定
        </Button>
      </Form>
    </>
  );
}
