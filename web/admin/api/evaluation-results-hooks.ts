// Stage 3 and after: evidence per indicator, the violation register, objections to the public
// notice, star corrections (shared/contracts/evaluation-results.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport, Page } from '../../../shared/contracts/common';
import type {
  Correction,
  CorrectionCreate,
  Evidence,
  Objection,
  ObjectionHandle,
  StarHistory,
  TownResults,
  VillageEvaluation,
  ObjectionListQuery,
  Violation,
  ViolationCreate,
  ViolationDecide,
  ViolationDetail,
  ViolationListQuery,
  ViolationUpdate,
} from '../../../shared/contracts/evaluation-results';
import { campaignKeys } from './campaigns-hooks';
import { api, apiRequest, uploadRaw } from './client';

export type EvidenceList = { uploadLockReason: string | null; items: Evidence[] };
export type ObjectionDetail = Objection & { contact: string | null };
export type ViolationFilters = Partial<Omit<ViolationListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };
export type ObjectionFilters = Partial<Omit<ObjectionListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

export const resultKeys = {
  evidence: (campaignId: string, villageId: string) => [...campaignKeys.one(campaignId), 'evidence', villageId] as const,
  violations: ['violations'] as const,
  objections: (campaignId: string) => [...campaignKeys.one(campaignId), 'objections'] as const,
  corrections: (campaignId: string) => [...campaignKeys.one(campaignId), 'corrections'] as const,
};

// ── Evidence ──────────────────────────────────────────────────────────────────────────────

export function useEvidence(campaignId: string, villageId: string, enabled = true) {
  return useQuery({
    queryKey: resultKeys.evidence(campaignId, villageId),
    queryFn: () => api.get<EvidenceList>(`/campaigns/${campaignId}/villages/${villageId}/evidence`),
    enabled,
  });
}

export function useUploadEvidence(campaignId: string, villageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, file, onProgress }: { indicatorId: string; file: File; onProgress?: (p: number) => void }) =>
      // The server decides the type from the file's first bytes, whatever header the browser sends.
      uploadRaw<Evidence>(`/campaigns/${campaignId}/villages/${villageId}/evidence?${new URLSearchParams({ indicatorId, fileName: file.name })}`, file, onProgress),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultKeys.evidence(campaignId, villageId) }),
  });
}

export function useRemoveEvidence(campaignId: string, villageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<{ ok: true }>(`/evidence/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultKeys.evidence(campaignId, villageId) }),
  });
}

// ── Violations ────────────────────────────────────────────────────────────────────────────

export function useViolations(filters: ViolationFilters) {
  return useQuery({
    queryKey: [...resultKeys.violations, 'list', filters],
    queryFn: () => api.get<Page<Violation>>('/violations', filters),
    placeholderData: keepPreviousData,
  });
}

/** Not cached: every read of a record's details must reach the server's audit log. */
export function useRevealViolation() {
  return useMutation({ mutationFn: (id: string) => api.get<ViolationDetail>(`/violations/${id}`) });
}

function useInvalidateViolations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: resultKeys.violations });
}

export function useCreateViolation() {
  const invalidate = useInvalidateViolations();
  return useMutation({ mutationFn: (input: ViolationCreate) => api.post<Violation>('/violations', input), meta: { silent: true }, onSuccess: invalidate });
}

export function useUpdateViolation() {
  const invalidate = useInvalidateViolations();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ViolationUpdate }) => api.patch<Violation>(`/violations/${id}`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDecideViolation() {
  const invalidate = useInvalidateViolations();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ViolationDecide }) => api.post<Violation>(`/violations/${id}/decide`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useImportViolations() {
  const invalidate = useInvalidateViolations();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) => uploadRaw<ImportReport>('/violations/import', file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

// ── Objections and corrections ────────────────────────────────────────────────────────────

export function useObjections(campaignId: string, filters: ObjectionFilters, enabled = true) {
  return useQuery({
    queryKey: [...resultKeys.objections(campaignId), filters],
    queryFn: () => api.get<Page<Objection>>(`/campaigns/${campaignId}/objections`, filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The contact in clear: each read is audited, so it is fetched on demand only. */
export function useRevealObjection(campaignId: string) {
  return useMutation({ mutationFn: (id: string) => api.get<ObjectionDetail>(`/campaigns/${campaignId}/objections/${id}`) });
}

function useInvalidateNotice(campaignId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaignId) });
}

export function useHandleObjection(campaignId: string) {
  const invalidate = useInvalidateNotice(campaignId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ObjectionHandle }) => api.post<Objection>(`/campaigns/${campaignId}/objections/${id}/handle`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useAnswerObjection(campaignId: string) {
  const invalidate = useInvalidateNotice(campaignId);
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) => api.post<Objection>(`/campaigns/${campaignId}/objections/${id}/answer`, { answer }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useCorrections(campaignId: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...resultKeys.corrections(campaignId), page, pageSize],
    queryFn: () => api.get<Page<Correction>>(`/campaigns/${campaignId}/corrections`, { page, pageSize }),
    enabled,
  });
}

export function useCorrectStars(campaignId: string) {
  const invalidate = useInvalidateNotice(campaignId);
  return useMutation({
    mutationFn: ({ villageId, input }: { villageId: string; input: CorrectionCreate }) => api.post<Correction>(`/campaigns/${campaignId}/results/${villageId}/correct`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

// ── A village's evaluation, its history, the towns' stars ────────────────────────────────

export function useVillageEvaluation(campaignId: string, villageId: string) {
  return useQuery({
    queryKey: [...campaignKeys.one(campaignId), 'evaluation', villageId],
    queryFn: () => api.get<VillageEvaluation>(`/campaigns/${campaignId}/villages/${villageId}/evaluation`),
    meta: { silent: true },
  });
}

export function useStarHistory(villageId: string) {
  return useQuery({ queryKey: ['villages', villageId, 'star-history'], queryFn: () => api.get<StarHistory>(`/villages/${villageId}/star-history`) });
}

export function useTownResults(campaignId: string, enabled = true) {
  return useQuery({ queryKey: [...campaignKeys.one(campaignId), 'town-results'], queryFn: () => api.get<TownResults>(`/campaigns/${campaignId}/town-results`), enabled });
}
