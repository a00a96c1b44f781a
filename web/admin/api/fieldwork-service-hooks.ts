import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Attachment } from '../../../shared/contracts/attachments';
import type { ImportReport, Page } from '../../../shared/contracts/common';
import type {
  Commitment,
  CommitmentCreate,
  CommitmentDetail,
  CommitmentSettle,
  CommitmentUpdate,
  HouseholdVisit,
  HouseholdVisitCreate,
  Problem,
  ProblemCreate,
  ProblemDetail,
} from '../../../shared/contracts/fieldwork-service';
import { api, apiRequest, uploadRaw } from './client';
import { useFieldworkMutation, type Filters } from './fieldwork-pairing-hooks';

export const useProblems = (f: Filters) =>
  useQuery({ queryKey: ['fieldwork', 'problems', f], queryFn: () => api.get<Page<Problem>>('/problems', f), placeholderData: keepPreviousData });

export const useProblem = (id: string | null) =>
  useQuery({ queryKey: ['fieldwork', 'problem', id], queryFn: () => api.get<ProblemDetail>(`/problems/${id}`), enabled: Boolean(id) });

export const useCreateProblem = () => useFieldworkMutation((input: ProblemCreate) => api.post<Problem>('/problems', input));

export type ProblemStep =
  | { action: 'claim'; assigneeId?: string | null }
  | { action: 'release' | 'start' }
  | { action: 'resolve'; resolution: string }
  | { action: 'confirm'; note?: string }
  | { action: 'reopen'; reason: string };

/** One step of a problem; resolve answers with the villager's one-time confirmation path. */
export const useProblemStep = () =>
  useFieldworkMutation(async ({ id, step }: { id: string; step: ProblemStep }) => {
    const { action, ...body } = step;
    if (action === 'resolve') return api.post<{ problem: Problem; confirmPath: string | null }>(`/problems/${id}/resolve`, body);
    return { problem: await api.post<Problem>(`/problems/${id}/${action}`, body), confirmPath: null };
  });

/** 销号材料: the server decides the file's type from its first bytes, the name rides in the query. */
export const useUploadProblemFile = (id: string) =>
  useFieldworkMutation((file: File) => uploadRaw<Attachment>(`/problems/${id}/files?${new URLSearchParams({ fileName: file.name })}`, file));

export const useRemoveProblemFile = (id: string) =>
  useFieldworkMutation((fileId: string) => apiRequest<{ ok: true }>(`/problems/${id}/files/${fileId}`, { method: 'DELETE' }));

export const useImportProblems = () =>
  useFieldworkMutation(({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) => uploadRaw<ImportReport>('/problems/import', file, onProgress));

export const useHouseholdVisits = (f: Filters) =>
  useQuery({ queryKey: ['fieldwork', 'household-visits', f], queryFn: () => api.get<Page<HouseholdVisit>>('/household-visits', f), placeholderData: keepPreviousData });

export const useRecordHouseholdVisit = () => useFieldworkMutation((input: HouseholdVisitCreate) => api.post<HouseholdVisit>('/household-visits', input));

export const useCommitments = (f: Filters) =>
  useQuery({ queryKey: ['fieldwork', 'commitments', f], queryFn: () => api.get<Page<Commitment>>('/commitments', f), placeholderData: keepPreviousData });

export const useCommitment = (id: string | null) =>
  useQuery({ queryKey: ['fieldwork', 'commitment', id], queryFn: () => api.get<CommitmentDetail>(`/commitments/${id}`), enabled: Boolean(id) });

export const useCreateCommitment = () => useFieldworkMutation((input: CommitmentCreate) => api.post<Commitment>('/commitments', input));
export const useUpdateCommitment = () =>
  useFieldworkMutation(({ id, input }: { id: string; input: CommitmentUpdate }) => api.patch<Commitment>(`/commitments/${id}`, input));

export type CommitmentStep =
  | { action: 'submit' | 'approve' | 'start' | 'publish' }
  | { action: 'return'; reason: string }
  | { action: 'progress'; note: string }
  | ({ action: 'settle' } & CommitmentSettle);

export const useCommitmentStep = () =>
  useFieldworkMutation(({ id, step }: { id: string; step: CommitmentStep }) => {
    const { action, ...body } = step;
    return api.post<Commitment>(`/commitments/${id}/${action}`, body);
  });

export const usePublishVillageYear = () =>
  useFieldworkMutation((input: { villageId: string; year: number }) => api.post<{ published: number }>('/commitments/publish-all', input));
