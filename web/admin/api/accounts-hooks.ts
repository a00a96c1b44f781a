import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountCreate } from '../../../shared/contracts/accounts';
import type { Page } from '../../../shared/contracts/common';
import type { Role } from '../../../shared/roles';
import { api } from './client';

export type AccountFilters = { q?: string; role?: Role; page: number; pageSize: number };

export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountFilters) => [...accountKeys.all, 'list', filters] as const,
};

export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: () => api.get<Page<Account>>('/accounts', filters),
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

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<{ ok: true }>(`/accounts/${id}/reset-password`, { password }),
    meta: { silent: true },
  });
}
