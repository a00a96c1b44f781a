// 自评 with approvals and the what-if (shared/contracts/self-evaluation.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SelfEvaluation,
  SelfEvaluationFile,
  SelfEvaluationListQuery,
  SelfEvaluationRow,
  SelfEvaluationSave,
  WhatIfAnswer,
} from '../../../shared/contracts/self-evaluation';
import { campaignKeys } from './campaigns-hooks';
import { api, apiRequest, uploadRaw } from './client';

export type SelfEvaluationList = { items: SelfEvaluationRow[]; total: number; counts: Record<string, number> };
export type SelfEvaluationFilters = Partial<Omit<SelfEvaluationListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

export const selfEvaluationKeys = {
  all: (campaignId: string) => [...campaignKeys.one(campaignId), 'self-evaluation'] as const,
  one: (campaignId: string, villageId: string) => [...selfEvaluationKeys.all(campaignId), villageId] as const,
  whatIf: (campaignId: string, villageId: string) => [...campaignKeys.one(campaignId), 'what-if', villageId] as const,
};

const base = (campaignId: string, villageId: string) => `/campaigns/${campaignId}/villages/${villageId}/self-evaluation`;

export function useSelfEvaluations(campaignId: string, filters: SelfEvaluationFilters, enabled = true) {
  return useQuery({
    queryKey: [...selfEvaluationKeys.all(campaignId), 'list', filters],
    queryFn: () => api.get<SelfEvaluationList>(`/campaigns/${campaignId}/self-evaluations`, filters),
    placeholderData: keepPreviousData,
    enabled: enabled && campaignId !== '',
  });
}

export function useSelfEvaluation(campaignId: string, villageId: string, enabled = true) {
  return useQuery({
    queryKey: selfEvaluationKeys.one(campaignId, villageId),
    queryFn: () => api.get<SelfEvaluation>(base(campaignId, villageId)),
    enabled: enabled && campaignId !== '' && villageId !== '',
  });
}

function useRefresh(campaignId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: selfEvaluationKeys.all(campaignId) });
}

export function useSaveSelfEvaluation(campaignId: string, villageId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({ mutationFn: (input: SelfEvaluationSave) => api.put<SelfEvaluation>(base(campaignId, villageId), input), onSuccess: refresh });
}

export type SelfEvaluationStep = { move: 'submit' | 'approve' } | { move: 'return' | 'unapprove'; reason: string };

export function useMoveSelfEvaluation(campaignId: string, villageId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({
    mutationFn: (step: SelfEvaluationStep) => api.post<SelfEvaluation>(`${base(campaignId, villageId)}/${step.move}`, 'reason' in step ? { reason: step.reason } : {}),
    onSuccess: refresh,
  });
}

export function useUploadSelfEvaluationFile(campaignId: string, villageId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({
    mutationFn: ({ indicatorId, file }: { indicatorId: string; file: File }) =>
      // The server decides the type from the file's first bytes.
      uploadRaw<SelfEvaluationFile>(`${base(campaignId, villageId)}/files?${new URLSearchParams({ indicatorId, fileName: file.name })}`, file),
    onSuccess: refresh,
  });
}

export function useRemoveSelfEvaluationFile(campaignId: string) {
  const refresh = useRefresh(campaignId);
  return useMutation({ mutationFn: (id: string) => apiRequest<{ ok: true }>(`/self-evaluation-files/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}

export function useWhatIf(campaignId: string, villageId: string, enabled = true) {
  return useQuery({
    queryKey: selfEvaluationKeys.whatIf(campaignId, villageId),
    queryFn: () => api.get<WhatIfAnswer>(`/campaigns/${campaignId}/villages/${villageId}/what-if`),
    enabled: enabled && campaignId !== '' && villageId !== '',
  });
}
