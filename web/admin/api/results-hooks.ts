// The results page reads the ranking one page at a time, filtered on the server, and its figures
// (villages at each star level, by town) without downloading a province's 10,000 rows.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignResults } from '../../../shared/contracts/campaigns';
import { api } from './client';
import { campaignKeys } from './campaigns-hooks';

type Village = CampaignResults['villages'][number];

export type ResultsPageQuery = {
  page: number;
  pageSize: number;
  /** A town's id: its villages in their ranking. */
  town?: string;
  /** 0 = 不定级. */
  stars?: number;
  search?: string;
  /** Ask the server for the filtered total. */
  count?: boolean;
  /** `false`: the answer leaves out the towns (the ranking's pages do not show them). */
  towns?: boolean;
};

/** The largest page the results API answers: a campaign up to this size is read whole for the charts. */
export const wholeRankingLimit = 500;

export type ResultsOverview = {
  /** Status, ranking rule and town stars (the villages in it are not used). */
  head: CampaignResults;
  /** Villages in the ranking within the caller's scope. */
  total: number;
  /** Villages at each star level (0 = 不定级). */
  byStars: Record<number, number>;
  /** The whole ranking when it fits one page (a county), for the by-town chart; null above that. */
  villages: Village[] | null;
};

const resultsUrl = (id: string) => `/campaigns/${id}/results`;

/** One page of the ranking as filtered; `page.total` when `count` was asked. */
export function useResultsPage(id: string, q: ResultsPageQuery, enabled = true) {
  return useQuery({
    queryKey: [...campaignKeys.results(id), 'page', q],
    queryFn: () => api.get<CampaignResults>(resultsUrl(id), q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The figures above the ranking. One counted row first; a campaign that fits a page is then read
 * whole (the county's page, as before), a larger one is counted per star level instead.
 */
export function useResultsOverview(id: string) {
  return useQuery({
    queryKey: [...campaignKeys.results(id), 'overview'],
    queryFn: async (): Promise<ResultsOverview> => {
      const head = await api.get<CampaignResults>(resultsUrl(id), { page: 1, pageSize: 1, count: true });
      const total = head.page?.total ?? 0;
      if (head.status === 'none' || total === 0) return { head, total: 0, byStars: starCounts([]), villages: [] };
      if (total <= wholeRankingLimit) {
        const all = await api.get<CampaignResults>(resultsUrl(id), { page: 1, pageSize: wholeRankingLimit });
        return { head: all, total: all.villages.length, byStars: starCounts(all.villages), villages: all.villages };
      }
      const levels = [5, 4, 3, 2, 1, 0];
      const counted = await Promise.all(levels.map((stars) => api.get<CampaignResults>(resultsUrl(id), { page: 1, pageSize: 1, stars, count: true, towns: false })));
      const byStars = Object.fromEntries(levels.map((s, i) => [s, counted[i]?.page?.total ?? 0]));
      return { head, total, byStars, villages: null };
    },
  });
}

export function starCounts(villages: Village[]): Record<number, number> {
  const counts: Record<number, number> = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0, 0: 0 };
  for (const v of villages) counts[v.stars ?? 0] = (counts[v.stars ?? 0] ?? 0) + 1;
  return counts;
}
