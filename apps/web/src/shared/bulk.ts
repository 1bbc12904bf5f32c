import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import { saveFile } from './download';
import { type ListKind, listQueryString } from './filters';
import type { Selection } from './selection';

/** A list's filters as the API takes them (no sort, no page). */
export type ListFilter = Schemas['PeopleFilter'] & Schemas['CompaniesFilter'];
export type BulkAction = Schemas['BulkAction'];

/** At most this many ticked rows per request (the API's bound); more: use "all matching". */
export const MAX_TICKED = 1000;
/** A bulk change by filter takes at most this many records (the API's bound). */
export const MAX_BULK = 100_000;

export const nouns = (kind: ListKind, n: number) =>
  kind === 'people' ? (n === 1 ? 'person' : 'people') : n === 1 ? 'company' : 'companies';

/** What a selection means to the API: the ticked ids, or the list's filters. */
export function target(selection: Selection, filter: ListFilter) {
  return selection.all ? { filter } : { ids: selection.ids };
}

/** How many records the filters match (exact up to 100,000, else an estimate), when asked. */
export function useMatchCount(kind: ListKind, filter: ListFilter, enabled: boolean) {
  return useQuery({
    queryKey: [kind, 'count', filter],
    enabled,
    queryFn: () =>
      kind === 'people'
        ? call(
            api.GET('/api/v1/people/count', { params: { query: filter }, querySerializer: listQueryString }),
          )
        : call(
            api.GET('/api/v1/companies/count', {
              params: { query: filter },
              querySerializer: listQueryString,
            }),
          ),
  });
}

export function applyBulk(
  kind: ListKind,
  body: ReturnType<typeof target> & { action: BulkAction },
): Promise<Schemas['BulkResult']> {
  return kind === 'people'
    ? call(api.POST('/api/v1/people/bulk', { body }))
    : call(api.POST('/api/v1/companies/bulk', { body }));
}

/**
 * Exports the selection as CSV (the import format) and hands it to the browser as a download.
 * The answer streams from the server; the browser keeps it in memory until it is saved.
 */
export async function downloadSelection(kind: ListKind, body: ReturnType<typeof target>): Promise<void> {
  const blob = await call<Blob>(
    api.POST('/api/v1/exports/{kind}', {
      params: { path: { kind }, query: { format: 'csv' } },
      body,
      parseAs: 'blob',
    }),
  );
  saveFile(`${kind}-selection.csv`, blob);
}
