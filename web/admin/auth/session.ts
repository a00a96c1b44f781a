import { createContext, useContext } from 'react';
import type { Me } from '../../../shared/contracts/auth';
import type { Permission } from '../../../shared/roles';

/**
 * The logged-in user, provided by RequireAuth. Pages read it from context rather than from the
 * query cache so that, on logout or expiry, they unmount with the guard instead of rendering once
 * more without a user.
 */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): { me: Me; can: (permission: Permission) => boolean } {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession 只能在登录后的页面中使用');
  return { me, can: (permission) => me.permissions.includes(permission) };
}
