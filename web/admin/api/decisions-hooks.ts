// The decision chain: what binds a village's stars (vetoes and caps) and the recomputation report.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VetoCeilingView } from '../../../shared/contracts/evaluation-results';
import type { Job } from '../../../shared/contracts/jobs';
import { api, apiRequest } from './client';
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

/**
 * 生成 / 重新生成定星建议 as a background job (a province's 10,000 villages take a while): the
 * answer is the job; useJob follows it, and its result says which proposals moved.
 */
export function useStartCompute(campaignId: string) {
  return useMutation({
    mutationFn: () => apiRequest<Job>(`/campaigns/${campaignId}/results/compute`, { method: 'POST', body: {}, headers: { prefer: 'respond-async' } }),
  });
}

const finished = (job: Job | undefined) => job?.status === 'done' || job?.status === 'failed';

/** A job, read every second until it is done or failed; then the campaign's pages are read again. */
export function useJob(id: string | null, campaignId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: async () => {
      const job = await api.get<Job>(`/jobs/${id}`);
      if (job.status === 'done') await queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaignId) });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });
}
