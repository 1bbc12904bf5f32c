import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useChange } from '../admin/admin';

export type Source = Schemas['Source'];
export type SourceUpdate = Schemas['SourceUpdate'];
export type InteractionEventRule = Schemas['InteractionEventRule'];

export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: async () => (await call(api.GET('/api/v1/sources'))).data,
  });
}

export const useCreateSource = () =>
  useChange(['sources'], (body: Schemas['SourceCreate']) => call(api.POST('/api/v1/sources', { body })));

export const useUpdateSource = () =>
  useChange(['sources'], ({ id, body }: { id: string; body: SourceUpdate }) =>
    call(api.PATCH('/api/v1/sources/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteSource = () =>
  useChange(['sources'], (id: string) =>
    call(api.DELETE('/api/v1/sources/{id}', { params: { path: { id } } })),
  );

/** The newest events of a source, a page at a time. */
export function useSourceEvents(sourceId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['events', sourceId, cursor],
    queryFn: () => call(api.GET('/api/v1/events', { params: { query: { sourceId, cursor, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

/** `https://crm.example` as SDKs want it for `host`. */
export const serverUrl = () => window.location.origin;
