import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common';
import type { AudienceGroup, Coverage, PersonRecord, RecordRow, TrainingOverview } from '../../../shared/contracts/training';
import { api } from './client';
import { trainingKeys } from './training-sessions-hooks';

export type RecordFilters = { year?: number; orgUnitId?: string; group?: AudienceGroup; trained?: boolean; q?: string; page: number; pageSize: number };

export function useTrainingRecords(filters: RecordFilters) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'records', filters],
    queryFn: () => api.get<Page<RecordRow>>('/training/records', filters),
    placeholderData: keepPreviousData,
  });
}

export function usePersonRecord(personId: string | undefined) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'person', personId],
    queryFn: () => api.get<PersonRecord>(`/training/people/${personId}`),
    enabled: Boolean(personId),
  });
}

export function useCoverage(year: number, orgUnitId?: string) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'coverage', year, orgUnitId],
    queryFn: () => api.get<Coverage>('/training/coverage', { year, orgUnitId }),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingOverview(year: number) {
  return useQuery({
    queryKey: [...trainingKeys.all, 'overview', year],
    queryFn: () => api.get<TrainingOverview>('/training/overview', { year }),
    placeholderData: keepPreviousData,
  });
}
