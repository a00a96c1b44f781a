import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Permission } from '../../../shared/roles';
import { useSession } from './session';

/** A menu entry can be hidden, but a typed-in URL still needs an answer: a 403 page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const navigate = useNavigate();
  if (!can(permission)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle="抱歉，您的账户没有访问此页面的权限。如需开通，请联系安全管理员。"
        extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>}
      />
    );
  }
  return <>{children}</>;
}
