import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport, Page } from '../../../shared/contracts/common';
import type { StandardDetail, StandardError, StandardSummary } from '../../../shared/contracts/standards';
import { api, downloadUrl, uploadRaw } from './client';

export type StandardFilters = { q?: string; page: number; pageSize: number };
export type StandardValidation = { ok: boolean; errors: StandardError[] };

export const standardKeys = {
  all: ['standards'] as const,
  list: (filters: StandardFilters) => [...standardKeys.all, 'list', filters] as const,
  one: (id: string) => [...standardKeys.all, 'one', id] as const,
};

export function useStandards(filters: StandardFilters, enabled = true) {
  return useQuery({
    queryKey: standardKeys.list(filters),
    queryFn: () => api.get<Page<StandardSummary>>('/standards', filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStandard(id: string | undefined) {
  return useQuery({
    queryKey: standardKeys.one(id ?? ''),
    queryFn: () => api.get<StandardDetail>(`/standards/${id}`),
    enabled: Boolean(id),
  });
}

/** Checks a draft without saving it: the editor calls this as the user types. */
export function validateStandardDocument(document: unknown): Promise<StandardValidation> {
  return api.post<StandardValidation>('/standards/validate', { document });
}

function useInvalidateStandards() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: standardKeys.all });
}

// Writes are `silent`: the editor and the modals place the errors next to the fields themselves.
export function useCreateStandard() {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: (document: unknown) => api.post<StandardDetail>('/standards', { document }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateStandard() {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: unknown }) => api.put<StandardDetail>(`/standards/${id}`, { document }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useCloneStandard() {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: string }) => api.post<StandardDetail>(`/standards/${id}/clone`, { version }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** The indicator sheet replaces dimensions and indicators; the server answers with the standard. */
export function useImportIndicators(id: string) {
  const invalidate = useInvalidateStandards();
  return useMutation({
    mutationFn: async ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }): Promise<ImportReport> => {
      const updated = await uploadRaw<StandardDetail>(`/standards/${id}/indicators`, file, onProgress);
      return { imported: updated.indicatorCount, errors: [] };
    },
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export const standardExportJsonUrl = (id: string) => downloadUrl(`/standards/${id}/export.json`);
export const standardIndicatorsUrl = (id: string) => downloadUrl(`/standards/${id}/indicators.xlsx`);
