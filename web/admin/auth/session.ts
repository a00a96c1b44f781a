import type { Me } from '../../../shared/contracts/auth';
import type { Permission } from '../../../shared/roles';
import { useMe } from '../api/auth-hooks';

/** The logged-in user as pages see it. Only rendered under the auth guard, so `me` is present. */
export function useSession(): { me: Me; can: (permission: Permission) => boolean } {
  const { data } = useMe();
  if (!data) throw new Error('useSession 只能在登录后的页面中使用');
  return { me: data, can: (permission) => data.permissions.includes(permission) };
}
