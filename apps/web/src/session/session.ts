import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call, type Schemas } from '../api/client';

export type Me = Schemas['Me'];

/** Who is signed in (null when nobody is). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call(api.GET('/api/v1/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the signed-in role may change records (viewers only read). */
export const canWrite = (me: Me | null | undefined) => !!me && me.role !== 'viewer';

/** A new session: nothing cached for the previous one may show; `me` is what the server said. */
function startOver(client: QueryClient, me: Me | null | undefined) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  if (me === undefined) return client.invalidateQueries({ queryKey: ['me'] });
  client.setQueryData(['me'], me);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (me) => startOver(client, me),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSuccess: () => startOver(client, null),
  });
}

/** Switches the session to another workspace; everything cached belonged to the old one. */
export function useSwitchWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (workspace: string) => call(api.POST('/api/v1/auth/workspace', { body: { workspace } })),
    onSuccess: () => startOver(client, undefined),
  });
}
