import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenPage } from '../../../shared/contracts/common';
import type {
  OrgLevel,
  OrgTreeNode,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitUpdate,
} from '../../../shared/contracts/org-units';
import { api } from './client';
import { uploadAsJob } from './jobs-hooks';

export type OrgUnitFilters = {
  level?: OrgLevel;
  parentId?: string;
  q?: string;
  active?: boolean;
  page: number;
  pageSize: number;
  /** Ask for the exact total (the list is not counted otherwise, unless narrowed to one unit). */
  count?: boolean;
};

export const orgKeys = {
  all: ['org-units'] as const,
  tree: () => [...orgKeys.all, 'tree'] as const,
  list: (filters: OrgUnitFilters) => [...orgKeys.all, 'list', filters] as const,
};

export function useOrgTree(enabled = true) {
  return useQuery({
    queryKey: orgKeys.tree(),
    queryFn: () => api.get<OrgTreeNode[]>('/org-units/tree'),
    enabled,
  });
}

export function useOrgUnits(filters: OrgUnitFilters, enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(filters),
    queryFn: () => api.get<OpenPage<OrgUnit>>('/org-units', filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}


/** Any change to one unit can change the tree, lists and names shown elsewhere (people). */
function useInvalidateOrgs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgKeys.all });
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: OrgUnitCreate) => api.post<OrgUnit>('/org-units', input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: OrgUnitUpdate }) => api.patch<OrgUnit>(`/org-units/${id}`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useMoveOrgUnit() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string }) =>
      api.post<OrgUnit>(`/org-units/${id}/move`, { parentId }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSetOrgUnitActive() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.post<OrgUnit>(`/org-units/${id}/${active ? 'activate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useImportOrgUnits() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) =>
      // A province's village list takes seconds: imported as a job, followed by the import dialog.
      uploadAsJob('/org-units/import', file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
