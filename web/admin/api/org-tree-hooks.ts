// The org tree as it is opened: one level per query, a search that names the ids to open, and one
// unit by id. Keys sit under orgKeys.all, so every org change refreshes what is open.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { OrgLazyNode, OrgTreeSearch, OrgUnit } from '../../../shared/contracts/org-units';
import { api } from './client';
import { orgKeys } from './org-units-hooks';

export const orgTreeKeys = {
  children: (parentId: string | null) => [...orgKeys.all, 'children', parentId] as const,
  search: (q: string) => [...orgKeys.all, 'tree-search', q] as const,
  one: (id: string) => [...orgKeys.all, 'one', id] as const,
};

const fetchChildren = (parentId: string | null) => api.get<OrgLazyNode[]>('/org-units/tree/children', parentId ? { parentId } : undefined);

/** The caller's top units, and the children of every open node. */
export function useOrgTreeLevels(openIds: readonly string[]) {
  const roots = useQuery({ queryKey: orgTreeKeys.children(null), queryFn: () => fetchChildren(null) });
  const levels = useQueries({
    queries: openIds.map((id) => ({ queryKey: orgTreeKeys.children(id), queryFn: () => fetchChildren(id) })),
  });
  const children = new Map<string, OrgLazyNode[]>();
  openIds.forEach((id, i) => {
    const data = levels[i]?.data;
    if (data) children.set(id, data);
  });
  return { roots, children };
}

export function useOrgTreeSearch(q: string) {
  return useQuery({
    queryKey: orgTreeKeys.search(q),
    queryFn: () => api.get<OrgTreeSearch>('/org-units/tree/search', { q }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useOrgUnit(id: string | undefined) {
  return useQuery({ queryKey: orgTreeKeys.one(id ?? ''), queryFn: () => api.get<OrgUnit>(`/org-units/${id}`), enabled: !!id });
}

/** One unit's children (the detail panel counts them). */
export function useOrgChildren(id: string | undefined) {
  return useQuery({ queryKey: orgTreeKeys.children(id ?? null), queryFn: () => fetchChildren(id ?? null), enabled: !!id });
}
