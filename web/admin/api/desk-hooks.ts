import { useQuery } from '@tanstack/react-query';
import type { Desk } from '../../../shared/contracts/desk';
import { api } from './client';
import { deskKey } from './query-client';

/** What waits for the signed-in account; asked again after every successful change and each minute. */
export function useDesk() {
  return useQuery({ queryKey: deskKey, queryFn: () => api.get<Desk>('/desk'), refetchInterval: 60_000, meta: { silent: true } });
}

/** The count a menu entry shows: the whole desk on 首页, else the work whose link lies under it. */
export function badgeCount(desk: Desk | undefined, path: string): number {
  if (!desk) return 0;
  if (path === '/') return desk.total;
  const stage = path.startsWith('/my-tasks/') ? path.slice('/my-tasks/'.length) : null;
  return desk.items
    .filter((i) => (stage ? i.kind === 'sheets' && i.link.endsWith(`/grid/${stage}`) : !i.link.includes('/grid/') && (i.link === path || i.link.startsWith(`${path}/`) || i.link.startsWith(`${path}?`))))
    .reduce((n, i) => n + i.count, 0);
}
