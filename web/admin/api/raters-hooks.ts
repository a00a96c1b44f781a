// 评价质量 (shared/contracts/raters.ts): the department's view of stage-1 teams and arena judges.
import { useQuery } from '@tanstack/react-query';
import type { CampaignRaters } from '../../../shared/contracts/raters';
import { api } from './client';

export function useCampaignRaters(campaignId: string, enabled = true) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'raters'],
    queryFn: () => api.get<CampaignRaters>(`/campaigns/${campaignId}/raters`),
    enabled: enabled && !!campaignId,
  });
}
