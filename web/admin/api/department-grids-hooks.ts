import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '../../../shared/contracts/common';
import type { ArenaGrid, ArenaGridSave, DemocraticGrid, DemocraticGridSave } from '../../../shared/contracts/department-grids';
import { api, downloadUrl, uploadRaw } from './client';
import { campaignKeys } from './campaigns-hooks';

export type DepartmentGridKind = 'arena' | 'democratic';
type GridOf<K extends DepartmentGridKind> = K extends 'arena' ? ArenaGrid : DemocraticGrid;
type SaveOf<K extends DepartmentGridKind> = K extends 'arena' ? ArenaGridSave : DemocraticGridSave;

const gridPath = (campaignId: string, kind: DepartmentGridKind) => `/campaigns/${campaignId}/${kind}/grid`;
// Under stage-work: a block saved here refreshes the work page's arena and vote columns too.
const stageWork = (campaignId: string) => [...campaignKeys.one(campaignId), 'stage-work'] as const;
const gridKey = (campaignId: string, kind: DepartmentGridKind) => [...stageWork(campaignId), `${kind}-grid`] as const;

export function useDepartmentGrid<K extends DepartmentGridKind>(campaignId: string, kind: K) {
  // The grid keeps its own drafts: a background refetch must not replace what is being typed.
  return useQuery({ queryKey: gridKey(campaignId, kind), queryFn: () => api.get<GridOf<K>>(gridPath(campaignId, kind)), refetchOnWindowFocus: false });
}

/** One request for the whole block: the server stores every row or none. */
export function useSaveDepartmentGrid<K extends DepartmentGridKind>(campaignId: string, kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveOf<K>) => api.put<GridOf<K>>(gridPath(campaignId, kind), body),
    onSuccess: (grid) => {
      queryClient.setQueryData(gridKey(campaignId, kind), grid);
      void queryClient.invalidateQueries({ queryKey: stageWork(campaignId), predicate: (q) => q.queryKey.at(-1) !== `${kind}-grid` });
    },
  });
}

export const departmentGridWorkbookUrl = (campaignId: string, kind: DepartmentGridKind) => downloadUrl(`${gridPath(campaignId, kind)}.xlsx`);

export function useUploadDepartmentGrid(campaignId: string, kind: DepartmentGridKind) {
  const queryClient = useQueryClient();
  return async ({ file, onProgress }: { file: Blob; onProgress?: (percent: number) => void }) => {
    const report = await uploadRaw<ImportReport>(`${gridPath(campaignId, kind)}.xlsx`, file, onProgress);
    await queryClient.invalidateQueries({ queryKey: stageWork(campaignId) });
    return report;
  };
}
