import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common';
import type {
  KeyTask,
  KeyTaskAction,
  KeyTaskCreate,
  KeyTaskUpdate,
  Pairing,
  PairingCompliance,
  PairingCreate,
  Visit,
  VisitCreate,
  VisitRule,
  VisitRuleWrite,
} from '../../../shared/contracts/fieldwork-pairing';
import type { FieldworkOverview } from '../../../shared/contracts/fieldwork-overview';
import { messageFor } from '../../../shared/errors';
import { api, ApiError, type QueryValue } from './client';

export const fieldworkKeys = {
  all: ['fieldwork'] as const,
  pairings: (f: object) => ['fieldwork', 'pairings', f] as const,
  compliance: (f: object) => ['fieldwork', 'compliance', f] as const,
  rule: (year: number) => ['fieldwork', 'rule', year] as const,
  visits: (f: object) => ['fieldwork', 'visits', f] as const,
  keyTasks: (f: object) => ['fieldwork', 'key-tasks', f] as const,
  overview: (year: number) => ['fieldwork', 'overview', year] as const,
};

export type Filters = Record<string, QueryValue> & { page: number; pageSize: number };

function useInvalidateFieldwork() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: fieldworkKeys.all });
}

export const usePairings = (f: Filters) =>
  useQuery({ queryKey: fieldworkKeys.pairings(f), queryFn: () => api.get<Page<Pairing>>('/pairings', f), placeholderData: keepPreviousData });

export const useCompliance = (f: Filters & { year: number }) =>
  useQuery({ queryKey: fieldworkKeys.compliance(f), queryFn: () => api.get<Page<PairingCompliance>>('/pairings/compliance', f), placeholderData: keepPreviousData });

export const useVisitRule = (year: number) => useQuery({ queryKey: fieldworkKeys.rule(year), queryFn: () => api.get<VisitRule>(`/visit-rules/${year}`) });

export const useVisits = (f: Filters) =>
  useQuery({ queryKey: fieldworkKeys.visits(f), queryFn: () => api.get<Page<Visit>>('/visits', f), placeholderData: keepPreviousData });

export const useKeyTasks = (f: Filters) =>
  useQuery({ queryKey: fieldworkKeys.keyTasks(f), queryFn: () => api.get<Page<KeyTask>>('/key-tasks', f), placeholderData: keepPreviousData });

export const useFieldworkOverview = (year: number) =>
  useQuery({ queryKey: fieldworkKeys.overview(year), queryFn: () => api.get<FieldworkOverview>('/fieldwork/overview', { year }), placeholderData: keepPreviousData });

export function useFieldworkMutation<TInput, TOut>(fn: (input: TInput) => Promise<TOut>) {
  const invalidate = useInvalidateFieldwork();
  return useMutation({ mutationFn: fn, meta: { silent: true }, onSuccess: invalidate });
}

export const useCreatePairing = () => useFieldworkMutation((input: PairingCreate) => api.post<Pairing>('/pairings', input));
export const useEndPairing = () =>
  useFieldworkMutation(({ id, endDate }: { id: string; endDate: string }) => api.post<Pairing>(`/pairings/${id}/end`, { endDate }));
export const useSetVisitRule = () =>
  useFieldworkMutation(({ year, rule }: { year: number; rule: VisitRuleWrite }) => api.put<VisitRule>(`/visit-rules/${year}`, rule));
export const useRecordVisit = () => useFieldworkMutation((input: VisitCreate) => api.post<Visit>('/visits', input));
export const useCreateKeyTask = () => useFieldworkMutation((input: KeyTaskCreate) => api.post<KeyTask>('/key-tasks', input));
export const useUpdateKeyTask = () =>
  useFieldworkMutation(({ id, input }: { id: string; input: KeyTaskUpdate }) => api.patch<KeyTask>(`/key-tasks/${id}`, input));
export const useMoveKeyTask = () =>
  useFieldworkMutation(({ id, action, note }: { id: string; action: KeyTaskAction; note?: string }) =>
    api.post<KeyTask>(`/key-tasks/${id}/transition`, note ? { action, note } : { action }),
  );

/**
 * Photos go up as the raw image body with their own type (the shared upload helper sends
 * spreadsheets); the server checks the bytes. The CSRF token is the session's.
 */
export function useUploadVisitPhoto(csrfToken: string) {
  const invalidate = useInvalidateFieldwork();
  return useMutation({
    mutationFn: async ({ visitId, file }: { visitId: string; file: File }) => {
      const res = await fetch(`/api/visits/${visitId}/photos`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': file.type === 'image/png' ? 'image/png' : 'image/jpeg', 'x-csrf-token': csrfToken, accept: 'application/json' },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | Visit | null;
      if (!res.ok) {
        const err = (body as { error?: { code: string; message: string } } | null)?.error;
        throw new ApiError(res.status, err?.code ?? 'internal', messageFor(err?.code ?? 'internal'));
      }
      return body as Visit;
    },
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
