import type { ReactNode } from 'react';
import { Button, Flex, Result } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/auth-hooks';
import { errorText } from '../api/client';
import { PageLoading } from '../components/page-loading';
import { SessionContext } from './session';
import { ReauthModal } from './reauth-modal';
import { LoginSteps } from '../pages/login/login-steps';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) {
    return (
      <Flex style={{ height: '100%' }} align="center" justify="center">
        <PageLoading />
      </Flex>
    );
  }
  if (isError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorText(error)}
        extra={<Button type="primary" onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  if (!me) {
    // Remember where they were going so login can bring them back.
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // A second factor, a new password or TOTP binding still owed: nothing else opens until then.
  if (me.pending) return <LoginSteps me={me} />;
  return (
    <SessionContext.Provider value={me}>
      {children}
      <ReauthModal totpEnabled={me.totpEnabled} />
    </SessionContext.Provider>
  );
}
