import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type PersonView = Schemas['PersonView'];
export type PersonUpdate = Schemas['PersonUpdate'];

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: () => call(api.GET('/api/v1/people/{id}', { params: { path: { id } } })),
  });
}

/** Everything shown on a person's page, refreshed after a change made there. */
export function useRefreshPerson(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [['person', id], ['timeline', id], ['notes', id], ['tasks', id], ['people']].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}

export function useUpdatePerson(id: string) {
  const refresh = useRefreshPerson(id);
  return useMutation({
    mutationFn: (body: PersonUpdate) =>
      call(api.PATCH('/api/v1/people/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
