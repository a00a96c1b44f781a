// The decision chain: what binds a village's stars (vetoes and caps) and the recomputation report.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VetoCeilingView } from '../../../shared/contracts/evaluation-results';
import { api } from './client';
import { campaignKeys } from './campaigns-hooks';

export function useVillageVetoes(campaignId: string, villageId: string) {
  return useQuery({
    queryKey: [...campaignKeys.results(campaignId), 'vetoes', villageId],
    queryFn: () => api.get<VetoCeilingView>(`/campaigns/${campaignId}/results/${villageId}/vetoes`),
  });
}

export type RecomputeChange = {
  villageId: string;
  name: string;
  engineStarsBefore: number | null;
  engineStarsAfter: number | null;
  scoreBefore: number;
  scoreAfter: number;
  why: string;
  kept: 'override' | 'confirmation' | null;
  mustReconfirm: boolean;
};
export type RecomputeReport = { villages: number; changes: RecomputeChange[]; mustReconfirm: number; kept: number };

/** 生成 / 重新生成定星建议: the answer says which proposals moved and which decisions need confirming again. */
export function useRecompute(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RecomputeReport>(`/campaigns/${campaignId}/results/compute`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
  });
}
