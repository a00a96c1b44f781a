import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountCreate, PasswordResetResult } from '../../../shared/contracts/accounts';
import type { OpenPage } from '../../../shared/contracts/common';
import type { Role } from '../../../shared/roles';
import { api } from './client';

/** `count`: ask for the exact total (the list is not counted otherwise). */
export type AccountFilters = { q?: string; role?: Role; page: number; pageSize: number; count?: boolean };

export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountFilters) => [...accountKeys.all, 'list', filters] as const,
};

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: () => api.get<OpenPage<Account>>('/accounts', filters),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.all });
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: AccountCreate) => api.post<Account>('/accounts', input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useAssignRoles() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: { role: Role; orgUnitId: string }[] }) =>
      api.put<Account>(`/accounts/${id}/roles`, { roles }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export type AccountAction = 'unlock' | 'deactivate' | 'activate';

export function useAccountAction() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) =>
      api.post<Account>(`/accounts/${id}/${action}`),
    onSuccess: invalidate,
  });
}

/** A reset issues a one-time password (done) or, for a privileged account, a request (pending). */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => api.post<PasswordResetResult>(`/accounts/${id}/reset-password`, {}),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export type ResetRequest = { id: string; username: string; displayName: string; requestedBy: string; requestedAt: string };

export function useResetRequests(enabled: boolean) {
  return useQuery({ queryKey: [...accountKeys.all, 'reset-requests'], queryFn: () => api.get<ResetRequest[]>('/accounts/reset-requests'), enabled });
}

export function useDecideReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'cancel' }) =>
      api.post<PasswordResetResult | Account>(`/accounts/${id}/reset-password/${decision}`),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
