import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Segmented } from 'antd';
import { apiRequest, errorText, setReauthPrompt } from '../api/client';

type Values = { password?: string; code?: string };

/**
 * Answers `auth.reauth_required`: role changes, resets, 定星, advancing and corrections need a
 * password or TOTP proof from the last 5 minutes. The request that was refused is sent again
 * once the user has proved themselves (api/client.ts); cancelling shows the refusal.
 */
export function ReauthModal({ totpEnabled }: { totpEnabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  // Several refused requests at once share one prompt.
  const waiting = useRef<{ promise: Promise<boolean>; resolve: (ok: boolean) => void } | null>(null);

  useEffect(() => {
    setReauthPrompt(() => {
      if (!waiting.current) {
        let resolve: (ok: boolean) => void = () => undefined;
        const promise = new Promise<boolean>((r) => (resolve = r));
        waiting.current = { promise, resolve };
        setOpen(true);
      }
      return waiting.current.promise;
    });
    return () => setReauthPrompt(null);
  }, []);

  const finish = (ok: boolean) => {
    waiting.current?.resolve(ok);
    waiting.current = null;
    setOpen(false);
    setError(null);
    form.resetFields();
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const body = method === 'password' ? { password: values.password } : { code: values.code?.trim() };
      await apiRequest('/auth/reauth', { method: 'POST', body, reauthenticated: true });
      finish(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="请再次验证身份"
      okText="验证并继续"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => finish(false)}
      destroyOnHidden
    >
      <div data-testid="reauth-modal">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="此操作较为重要，距上次验证已超过 5 分钟，请再次输入密码或动态验证码。" />
        {totpEnabled && (
          <Segmented
            block
            style={{ marginBottom: 16 }}
            value={method}
            onChange={(v) => setMethod(v as 'password' | 'code')}
            options={[
              { label: '登录密码', value: 'password' },
              { label: '动态验证码', value: 'code' },
            ]}
          />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          {method === 'password' ? (
            <Form.Item name="password" label="登录密码" rules={[{ required: true, message: '请输入登录密码' }]}>
              <Input.Password autoFocus autoComplete="current-password" />
            </Form.Item>
          ) : (
            <Form.Item name="code" label="动态验证码" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位动态验证码' }]}>
              <Input autoFocus inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
