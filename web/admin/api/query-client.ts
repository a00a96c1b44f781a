import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorText, isApiError, isSessionError } from './client';
import { notifyError } from '../components/feedback';

export const meKey = ['auth', 'me'] as const;
export const deskKey = ['desk'] as const;

/**
 * One place decides what a failed call means for the user: an expired session drops the cached
 * identity (the route guard then sends them to the login page); anything else shows the code's
 * Chinese message unless the caller handles it itself (meta.silent, e.g. forms showing errors inline).
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionError(error)) {
          notifyError(errorText(error));
          client.setQueryData(meKey, null);
          return;
        }
        if (!query.meta?.silent) notifyError(errorText(error));
      },
    }),
    mutationCache: new MutationCache({
      // Any change may finish a piece of work: the 待办 counts and menu badges are asked again.
      onSuccess: () => void client.invalidateQueries({ queryKey: deskKey }),
      onError: (error, _vars, _ctx, mutation) => {
        if (isSessionError(error)) {
          if (!mutation.meta?.silent) notifyError(errorText(error));
          client.setQueryData(meKey, null);
          return;
        }
        if (!mutation.meta?.silent) notifyError(errorText(error));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not fix itself; retrying only delays the message.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
