// The phone survey (shared/contracts/surveys.ts): questionnaire, household codes, progress.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedCodes, Questionnaire, RevokeCodes, SurveyProgress, SurveyTopic } from '../../../shared/contracts/surveys';
import { campaignKeys } from './campaigns-hooks';
import { api } from './client';

const key = (campaignId: string, ...rest: string[]) => [...campaignKeys.one(campaignId), 'phone-survey', ...rest] as const;

/** Live: answers arrive while the page is open, so it refetches every 15 s. */
export function useSurveyProgress(campaignId: string) {
  return useQuery({ queryKey: key(campaignId, 'progress'), queryFn: () => api.get<SurveyProgress>(`/campaigns/${campaignId}/survey-progress`), refetchInterval: 15_000 });
}

export function useQuestionnaire(campaignId: string) {
  return useQuery({ queryKey: key(campaignId, 'questionnaire'), queryFn: () => api.get<Questionnaire>(`/campaigns/${campaignId}/survey-questionnaire`) });
}

export function useSaveQuestionnaire(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (topics: SurveyTopic[]) => api.put<Questionnaire>(`/campaigns/${campaignId}/survey-questionnaire`, { topics }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}

export function useIssueCodes(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ villageId, count }: { villageId: string; count: number }) => api.post<IssuedCodes>(`/campaigns/${campaignId}/villages/${villageId}/survey-codes`, { count }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}

export function useRevokeCodes(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ villageId, body }: { villageId: string; body: RevokeCodes }) => api.post<{ revoked: number }>(`/campaigns/${campaignId}/villages/${villageId}/survey-codes/revoke`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}

export function useCloseVillageSurvey(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (villageId: string) => api.post<{ ok: true }>(`/campaigns/${campaignId}/villages/${villageId}/survey-close`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}

export function useReopenVillageSurvey(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ villageId, reason }: { villageId: string; reason: string }) => api.post<{ ok: true }>(`/campaigns/${campaignId}/villages/${villageId}/survey-reopen`, { reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(campaignId) }),
  });
}
