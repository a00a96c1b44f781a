import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SessionProbe } from '../../../shared/contracts/auth';
import { api, setCsrfToken } from './client';
import { meKey } from './query-client';

// Not logged in is an answer, not an error: the probe says so with a 200, so no failed request is logged.
async function fetchMe(): Promise<Me | null> {
  const probe = await api.get<SessionProbe>('/auth/session');
  setCsrfToken(probe.authenticated ? probe.me.csrfToken : null);
  return probe.authenticated ? probe.me : null;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/auth/login', input),
    meta: { silent: true },
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Another user may have been logged in on this tab: drop everything cached for them.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    // Logging out of an already expired session is still a logout: nothing to tell the user.
    meta: { silent: true },
    onSettled: () => {
      setCsrfToken(null);
      // Identity first, so the guard unmounts the pages before their data disappears.
      queryClient.setQueryData(meKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/auth/password', input),
    meta: { silent: true },
  });
}

/** After every login step the session's state is read again: the guard shows what is still owed. */
function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meKey });
}

export function useSecondFactor() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (input: { code: string } | { recoveryCode: string }) =>
      api.post<{ recoveryCodesLeft: number | null }>('/auth/second-factor', input),
    meta: { silent: true },
    onSuccess: () => void refresh(),
  });
}

export type TotpEnrolment = { secret: string; uri: string; qrDataUrl: string };

export function useTotpEnrolment() {
  return useMutation({ mutationFn: () => api.post<TotpEnrolment>('/auth/totp/enrolment'), meta: { silent: true } });
}

export function useTotpConfirm() {
  return useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/auth/totp/enrolment/confirm', { code }),
    meta: { silent: true },
  });
}

export function useForcedPasswordChange() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/auth/password', { ...input, endOtherSessions: true }),
    meta: { silent: true },
    onSuccess: () => void refresh(),
  });
}

export { useRefreshMe };
