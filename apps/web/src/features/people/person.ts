import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useRefreshRecord } from '../../shared/refresh';

export type PersonView = Schemas['PersonView'];
export type PersonUpdate = Schemas['PersonUpdate'];

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: () => call(api.GET('/api/v1/people/{id}', { params: { path: { id } } })),
  });
}

/** Changes a person, or creates one when there is no id yet. */
export function useSavePerson(id: string | undefined) {
  const refresh = useRefreshRecord(id ?? '');
  return useMutation({
    mutationFn: (body: PersonUpdate) =>
      id
        ? call(api.PATCH('/api/v1/people/{id}', { params: { path: { id } }, body }))
        : call(api.POST('/api/v1/people', { body })),
    onSuccess: refresh,
  });
}
