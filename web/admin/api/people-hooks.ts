import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenPage } from '../../../shared/contracts/common';
import type { Person, PersonCreate, PersonUpdate, PositionTitle } from '../../../shared/contracts/people';
import { api } from './client';
import { uploadAsJob } from './jobs-hooks';

export type PeopleFilters = {
  q?: string;
  orgUnitId?: string;
  title?: PositionTitle;
  partyMember?: boolean;
  page: number;
  pageSize: number;
  /** Ask for the exact total (the register is not counted otherwise, unless narrowed to one unit). */
  count?: boolean;
};

export type PersonSensitive = { idNumber: string | null; phone: string | null };

export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: PeopleFilters) => [...peopleKeys.all, 'list', filters] as const,
};

export function usePeople(filters: PeopleFilters, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(filters),
    queryFn: () => api.get<OpenPage<Person>>('/people', filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}


function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (input: PersonCreate) => api.post<Person>('/people', input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PersonUpdate }) => api.patch<Person>(`/people/${id}`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** Not cached on purpose: every view of the full numbers must reach the server's audit log. */
export function useRevealPerson() {
  return useMutation({
    mutationFn: (id: string) => api.post<PersonSensitive>(`/people/${id}/reveal`),
  });
}

export function useImportPeople() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) =>
      // Tens of thousands of people take seconds: imported as a job, followed by the import dialog.
      uploadAsJob('/people/import', file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
