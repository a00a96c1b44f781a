import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common';
import type {
  Campaign,
  CampaignAdvance,
  CampaignCreate,
  CampaignReadiness,
  CampaignResults,
  CampaignUpdate,
  EvaluationStage,
  PanelCreate,
  ScoreSheet,
  Team,
  TeamsSave,
} from '../../../shared/contracts/campaigns';
import type { StandardSummary } from '../../../shared/contracts/standards';
import { api, apiRequest } from './client';

export type Panel = PanelCreate & { id: string };
export type SheetListItem = { villageId: string; name: string; townName: string; entered: number; total: number; canScore: boolean };
export type RotationPair = { evaluatorTownId: string; targetTownId: string };

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (page: number, pageSize: number) => [...campaignKeys.all, 'list', page, pageSize] as const,
  one: (id: string) => [...campaignKeys.all, id] as const,
  teams: (id: string) => [...campaignKeys.one(id), 'teams'] as const,
  panels: (id: string) => [...campaignKeys.one(id), 'panels'] as const,
  sheets: (id: string, stage: EvaluationStage) => [...campaignKeys.one(id), 'sheets', stage] as const,
  sheet: (id: string, stage: EvaluationStage, villageId: string) => [...campaignKeys.one(id), 'sheets', stage, villageId] as const,
  results: (id: string) => [...campaignKeys.one(id), 'results'] as const,
};

export function useCampaigns(page = 1, pageSize = 20) {
  return useQuery({
    queryKey: campaignKeys.list(page, pageSize),
    queryFn: () => api.get<Page<Campaign>>('/campaigns', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.one(id), queryFn: () => api.get<Campaign>(`/campaigns/${id}`) });
}

/** Standards to pick from when a campaign is created (the list is short: one per version). */
export function useStandardOptions(enabled = true) {
  return useQuery({
    queryKey: ['standards', 'options'],
    queryFn: () => api.get<Page<StandardSummary>>('/standards', { page: 1, pageSize: 100 }),
    enabled,
  });
}

// A campaign's status, teams or results change what every other campaign view shows.
function useInvalidateCampaign() {
  const queryClient = useQueryClient();
  return (id?: string) => queryClient.invalidateQueries({ queryKey: id ? campaignKeys.one(id) : campaignKeys.all });
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (input: CampaignCreate) => api.post<Campaign>('/campaigns', input),
    meta: { silent: true },
    onSuccess: () => invalidate(),
  });
}

export function useUpdateCampaign(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (input: CampaignUpdate) => api.patch<Campaign>(`/campaigns/${id}`, input),
    meta: { silent: true },
    onSuccess: () => invalidate(),
  });
}

/** What the next step still waits for; asked afresh each time the advance dialog opens. */
export function useReadiness(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignKeys.one(id), 'readiness'],
    queryFn: () => api.get<CampaignReadiness>(`/campaigns/${id}/readiness`),
    enabled,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useAdvanceCampaign(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (input: CampaignAdvance) => api.post<Campaign>(`/campaigns/${id}/advance`, input),
    // The page explains a refusal by its code next to the button.
    meta: { silent: true },
    onSuccess: () => invalidate(),
  });
}

export function useTeams(id: string) {
  return useQuery({ queryKey: campaignKeys.teams(id), queryFn: () => api.get<Team[]>(`/campaigns/${id}/teams`) });
}

export function useProposeTeams(id: string) {
  return useMutation({ mutationFn: () => api.post<RotationPair[]>(`/campaigns/${id}/teams/propose`) });
}

export function useSaveTeams(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (input: TeamsSave) => api.put<Team[]>(`/campaigns/${id}/teams`, input),
    meta: { silent: true },
    onSuccess: () => invalidate(id),
  });
}

export function usePanels(id: string) {
  return useQuery({ queryKey: campaignKeys.panels(id), queryFn: () => api.get<Panel[]>(`/campaigns/${id}/panels`) });
}

export function useCreatePanel(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (input: PanelCreate) => api.post<Panel>(`/campaigns/${id}/panels`, input),
    meta: { silent: true },
    onSuccess: () => invalidate(id),
  });
}

export function useUpdatePanel(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: ({ panelId, input }: { panelId: string; input: PanelCreate }) => api.put<Panel>(`/campaigns/${id}/panels/${panelId}`, input),
    meta: { silent: true },
    onSuccess: () => invalidate(id),
  });
}

export function useRemovePanel(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (panelId: string) => apiRequest<{ ok: true }>(`/campaigns/${id}/panels/${panelId}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(id),
  });
}

export function useSheetList(id: string | undefined, stage: EvaluationStage, enabled = true) {
  return useQuery({
    queryKey: campaignKeys.sheets(id ?? '', stage),
    queryFn: () => api.get<SheetListItem[]>(`/campaigns/${id}/sheets/${stage}`),
    enabled: enabled && !!id,
  });
}

export function useScoreSheet(id: string, stage: EvaluationStage, villageId: string) {
  return useQuery({
    queryKey: campaignKeys.sheet(id, stage, villageId),
    queryFn: () => api.get<ScoreSheet>(`/campaigns/${id}/sheets/${stage}/${villageId}`),
    // A sheet someone else just saved must not be overwritten from a stale copy.
    staleTime: 0,
    // The page explains a sheet it cannot open (not assigned, own town) in place.
    meta: { silent: true },
  });
}

export function useSaveScoreSheet(id: string, stage: EvaluationStage, villageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scores: Record<string, number | null>) => api.put<ScoreSheet>(`/campaigns/${id}/sheets/${stage}/${villageId}`, { scores }),
    meta: { silent: true },
    onSuccess: (sheet) => {
      queryClient.setQueryData(campaignKeys.sheet(id, stage, villageId), sheet);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.sheets(id, stage) });
    },
  });
}

export function useResults(id: string, enabled = true) {
  return useQuery({ queryKey: campaignKeys.results(id), queryFn: () => api.get<CampaignResults>(`/campaigns/${id}/results`), enabled });
}

export function useComputeResults(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: () => api.post<{ villages: number }>(`/campaigns/${id}/results/compute`),
    onSuccess: () => invalidate(id),
  });
}

export function useConfirmResults(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: () => api.post<{ confirmed: number }>(`/campaigns/${id}/results/confirm`),
    onSuccess: () => invalidate(id),
  });
}

export function useOverrideStars(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: ({ villageId, stars, reason }: { villageId: string; stars: number | null; reason: string }) =>
      api.post<{ ok: true }>(`/campaigns/${id}/results/${villageId}/override`, { stars, reason }),
    meta: { silent: true },
    onSuccess: () => invalidate(id),
  });
}

export function useSetTownScore(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: ({ townId, score }: { townId: string; score: number }) => api.put<{ ok: true }>(`/campaigns/${id}/towns/${townId}/score`, { score }),
    onSuccess: () => invalidate(id),
  });
}

export type DirectoryEntry = { id: string; displayName: string; username: string; roles: { role: string; orgUnitName: string }[] };

/**
 * Accounts to pick team members and judges from. Only callers who may read accounts get the list;
 * the department administrator does not hold that permission, so pickers fall back to what the
 * campaign already names (see the assignments page).
 */
export function useAccountDirectory(enabled: boolean) {
  return useQuery({
    queryKey: ['evaluators'],
    queryFn: () => api.get<Page<DirectoryEntry>>('/evaluators'),
    enabled,
    meta: { silent: true },
  });
}
