// Field work of stages 1 and 2 (shared/contracts/evaluation-stages.ts): household visits, mass
// surveys, mutual reports and the summary table; the arena, democratic votes, rectification
// tasks and the panel's review.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Attachment } from '../../../shared/contracts/attachments';
import type { ImportReport, Page } from '../../../shared/contracts/common';
import type {
  ArenaSettings,
  ArenaVillage,
  arenaListItemSchema,
  DemocraticVotesSave,
  MutualOverview,
  MutualReport,
  MutualReportSave,
  MutualSummary,
  MutualVisit,
  MutualVisitCreate,
  MutualVisitUpdate,
  mutualReportListItemSchema,
  RectificationCreate,
  RectificationListQuery,
  RectificationTask,
  Review,
  reviewListItemSchema,
  SurveySave,
  VillageDemocratic,
  VillageSurvey,
} from '../../../shared/contracts/evaluation-stages';
import { campaignKeys } from './campaigns-hooks';
import { api, apiRequest, uploadRaw } from './client';

export type MutualReportListItem = z.infer<typeof mutualReportListItemSchema>;
export type ArenaListItem = z.infer<typeof arenaListItemSchema>;
export type ReviewListItem = z.infer<typeof reviewListItemSchema>;
export type RectificationFilters = Partial<Omit<RectificationListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

const stageKey = (campaignId: string, ...rest: string[]) => [...campaignKeys.one(campaignId), 'stage-work', ...rest] as const;

/** Any stage-work change can move the overview's counts, so the campaign's stage work refetches. */
function useInvalidateStageWork(campaignId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: stageKey(campaignId) });
    void queryClient.invalidateQueries({ queryKey: campaignKeys.sheets(campaignId, 'department') });
  };
}

// ── Stage 1 ───────────────────────────────────────────────────────────────────────────────

export function useMutualOverview(campaignId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'mutual-villages'), queryFn: () => api.get<MutualOverview>(`/campaigns/${campaignId}/mutual/villages`) });
}

export function useVisits(campaignId: string, villageId: string) {
  return useQuery({
    queryKey: stageKey(campaignId, 'visits', villageId),
    queryFn: () => api.get<Page<MutualVisit>>(`/campaigns/${campaignId}/visits`, { villageId, page: 1, pageSize: 100 }),
  });
}

export function useSaveVisit(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: MutualVisitCreate | MutualVisitUpdate }) =>
      id ? api.patch<MutualVisit>(`/campaigns/${campaignId}/visits/${id}`, input) : api.post<MutualVisit>(`/campaigns/${campaignId}/villages/${villageId}/visits`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRemoveVisit(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({ mutationFn: (id: string) => apiRequest<{ ok: true }>(`/campaigns/${campaignId}/visits/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

export function useVillageSurvey(campaignId: string, villageId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'survey', villageId), queryFn: () => api.get<VillageSurvey>(`/campaigns/${campaignId}/villages/${villageId}/survey`) });
}

export function useSaveSurvey(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (input: SurveySave) => api.put<VillageSurvey>(`/campaigns/${campaignId}/villages/${villageId}/survey`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useImportSurveys(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) => uploadRaw<ImportReport>(`/campaigns/${campaignId}/surveys/import`, file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useMutualReports(campaignId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'reports'), queryFn: () => api.get<MutualReportListItem[]>(`/campaigns/${campaignId}/mutual-reports`) });
}

export function useMutualReport(campaignId: string, townId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'report', townId), queryFn: () => api.get<MutualReport>(`/campaigns/${campaignId}/towns/${townId}/mutual-report`) });
}

export function useSaveMutualReport(campaignId: string, townId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (input: MutualReportSave) => api.put<MutualReport>(`/campaigns/${campaignId}/towns/${townId}/mutual-report`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSubmitMutualReport(campaignId: string, townId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: () => api.post<MutualReport>(`/campaigns/${campaignId}/towns/${townId}/mutual-report/submit`),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useMutualSummary(campaignId: string, townId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'summary', townId), queryFn: () => api.get<MutualSummary>(`/campaigns/${campaignId}/towns/${townId}/mutual-summary`) });
}

// ── Stage 2 ───────────────────────────────────────────────────────────────────────────────

export function useArenaSettings(campaignId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'arena-settings'), queryFn: () => api.get<ArenaSettings>(`/campaigns/${campaignId}/arena/settings`) });
}

export function useSaveArenaSettings(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (indicatorId: string | null) => api.put<ArenaSettings>(`/campaigns/${campaignId}/arena/settings`, { indicatorId }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useArenaList(campaignId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: stageKey(campaignId, 'arena', String(page), String(pageSize)),
    queryFn: () => api.get<Page<ArenaListItem>>(`/campaigns/${campaignId}/arena`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useArenaVillage(campaignId: string, villageId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'arena-village', villageId), queryFn: () => api.get<ArenaVillage>(`/campaigns/${campaignId}/villages/${villageId}/arena`) });
}

export function useSaveArenaScore(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (points: number | null) => api.put<ArenaVillage>(`/campaigns/${campaignId}/villages/${villageId}/arena`, { points }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useDemocratic(campaignId: string, villageId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'democratic', villageId), queryFn: () => api.get<VillageDemocratic>(`/campaigns/${campaignId}/villages/${villageId}/democratic`) });
}

export function useSaveDemocratic(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (input: DemocraticVotesSave) => api.put<VillageDemocratic>(`/campaigns/${campaignId}/villages/${villageId}/democratic`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useReviews(campaignId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: stageKey(campaignId, 'reviews', String(page), String(pageSize)),
    queryFn: () => api.get<Page<ReviewListItem>>(`/campaigns/${campaignId}/reviews`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useReview(campaignId: string, villageId: string) {
  return useQuery({ queryKey: stageKey(campaignId, 'review', villageId), queryFn: () => api.get<Review>(`/campaigns/${campaignId}/villages/${villageId}/review`) });
}

export function useSaveReviewComment(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (comment: string) => api.put<Review>(`/campaigns/${campaignId}/villages/${villageId}/review/comment`, { comment }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function usePublishReview(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({ mutationFn: () => api.post<Review>(`/campaigns/${campaignId}/villages/${villageId}/review/publish`), meta: { silent: true }, onSuccess: invalidate });
}

export function useRectifications(campaignId: string | undefined, filters: RectificationFilters) {
  return useQuery({
    queryKey: stageKey(campaignId ?? '', 'rectifications', JSON.stringify(filters)),
    queryFn: () => api.get<Page<RectificationTask>>(`/campaigns/${campaignId}/rectifications`, filters),
    placeholderData: keepPreviousData,
    enabled: !!campaignId,
  });
}

export function useCreateRectification(campaignId: string, villageId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: (input: RectificationCreate) => api.post<RectificationTask>(`/campaigns/${campaignId}/villages/${villageId}/rectifications`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

/** 整改材料: the raw file is the body; the server types it by its bytes. */
export function useUploadRectificationFile(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: ({ taskId, file }: { taskId: string; file: File }) =>
      uploadRaw<Attachment>(`/campaigns/${campaignId}/rectifications/${taskId}/files?${new URLSearchParams({ fileName: file.name })}`, file),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useRemoveRectificationFile(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: ({ taskId, fileId }: { taskId: string; fileId: string }) =>
      apiRequest<{ ok: true }>(`/campaigns/${campaignId}/rectifications/${taskId}/files/${fileId}`, { method: 'DELETE' }),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export type RectificationMove = { action: 'submit'; evidence: string } | { action: 'verify'; note: string } | { action: 'return'; reason: string };

export function useMoveRectification(campaignId: string) {
  const invalidate = useInvalidateStageWork(campaignId);
  return useMutation({
    mutationFn: ({ id, move }: { id: string; move: RectificationMove }) => {
      const { action, ...body } = move;
      return api.post<RectificationTask>(`/campaigns/${campaignId}/rectifications/${id}/${action}`, body);
    },
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
