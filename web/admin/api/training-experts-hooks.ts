import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common';
import type { Expert, ExpertCreate, ExpertUpdate, expertFields, expertKinds } from '../../../shared/contracts/training';
import { api } from './client';
import { trainingKeys } from './training-sessions-hooks';

export type ExpertFilters = {
  q?: string;
  field?: (typeof expertFields)[number];
  kind?: (typeof expertKinds)[number];
  orgUnitId?: string;
  active?: boolean;
  page: number;
  pageSize: number;
};

export function useExperts(filters: ExpertFilters) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'experts', filters],
    queryFn: () => api.get<Page<Expert>>('/training/experts', filters),
    placeholderData: keepPreviousData,
  });
}

export function useSaveExpert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ExpertCreate | ExpertUpdate }) =>
      id ? api.patch<Expert>(`/training/experts/${id}`, input) : api.post<Expert>('/training/experts', input),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}
