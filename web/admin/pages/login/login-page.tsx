import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, StarFilled, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLogin, useMe } from '../../api/auth-hooks';
import { errorText, isApiError } from '../../api/client';

type LoginForm = { username: string; password: string };

export function LoginPage() {
  const { data: me } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const onFinish = (values: LoginForm) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (err) =>
        setError({ text: errorText(err), locked: isApiError(err) && err.code === 'auth.locked' }),
    });
  };

  return (
    <div className="login-backdrop">
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <span className="brand-logo" style={{ width: 48, height: 48, fontSize: 26 }}>
            <StarFilled />
          </span>
          <Typography.Title level={4} style={{ marginTop: 12, marginBottom: 4 }}>
            五星级乡村党组织创建管理平台
          </Typography.Title>
          <Typography.Text type="secondary">市委组织部 · 稳星 升星 定星</Typography.Text>
        </div>
        {error && (
          <Alert
            type={error.locked ? 'warning' : 'error'}
            showIcon
            message={error.text}
            description={error.locked ? '请稍后再试，或联系安全管理员解除锁定。' : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm> name="login" size="large" onFinish={onFinish} autoComplete="off">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              登 录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', margin: 0 }}>
          连续多次输错密码将锁定账户，请妥善保管您的账号。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
