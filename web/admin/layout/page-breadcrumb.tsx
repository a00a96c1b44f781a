// The breadcrumb under the page header: the trail of breadcrumb-trails.ts with the names pages give.
import { useSyncExternalStore } from 'react';
import { Breadcrumb } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Campaign } from '../../../shared/contracts/campaigns';
import { api } from '../api/client';
import { resolveTrail } from './breadcrumb-trails';
import { useCrumbStore } from './crumb-names';

/**
 * campaignKeys.one of campaigns-hooks, written out (keep the two equal, or the campaign is read
 * twice): importing that module here would move all of it into the first-load bundle.
 */
export const campaignQueryKey = (id: string) => ['campaigns', id] as const;

const noSubscribe = () => () => undefined;
const zero = () => 0;

/** The trail of the current page; nothing on a menu's top-level page. */
export function PageBreadcrumb({ pathname }: { pathname: string }) {
  const store = useCrumbStore();
  useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.version ?? zero);
  const { campaignId } = resolveTrail(pathname);
  // The campaign is usually in the cache already (the page reads it too): no second request.
  const campaign = useQuery({
    queryKey: campaignQueryKey(campaignId ?? ''),
    queryFn: () => api.get<Campaign>(`/campaigns/${campaignId}`),
    enabled: Boolean(campaignId),
  });
  const { crumbs } = resolveTrail(pathname, (key) => (campaignId && key === `campaign:${campaignId}` && campaign.data ? campaign.data.name : store?.get(key)));
  if (crumbs.length < 2) return null;
  return (
    <Breadcrumb
      className="no-print page-breadcrumb"
      data-testid="page-breadcrumb"
      style={{ marginBottom: 16 }}
      items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))}
    />
  );
}
