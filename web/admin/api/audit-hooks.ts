import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../shared/contracts/audit';
import type { Page } from '../../../shared/contracts/common';
import { api } from './client';

export type AuditOutcome = AuditEntry['outcome'];

export type AuditFilters = {
  event?: string;
  username?: string;
  objectType?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

type ChainCheck = { ok: boolean; checked: number; brokenAt: number | null; truncated: boolean; head: { seq: number; hash: string } | null };
/** The county's chain, and the chain of failed logins for unknown names. */
export type AuditVerify = ChainCheck & { unknownNames: ChainCheck };

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
};

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => api.get<Page<AuditEntry>>('/audit', filters),
    placeholderData: keepPreviousData,
    // The log only grows; a stale page hides the newest rows an auditor came to see.
    staleTime: 0,
  });
}

export function useAuditVerify() {
  return useQuery({
    queryKey: auditKeys.verify(),
    queryFn: () => api.get<AuditVerify>('/audit/verify'),
    staleTime: 60_000,
  });
}
