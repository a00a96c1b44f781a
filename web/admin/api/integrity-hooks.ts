import { useQuery } from '@tanstack/react-query';
import type { IntegrityReport } from '../../../shared/contracts/integrity';
import { api } from './client';

export const integrityKeys = { all: ['integrity'] as const };

/** Each run is audited on the server: it runs when the page opens and when asked again, never in the background. */
export function useIntegrityCheck() {
  return useQuery({
    queryKey: integrityKeys.all,
    queryFn: () => api.get<IntegrityReport>('/integrity'),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
