import { useQueryClient } from '@tanstack/react-query';

/** Everything shown on a person's or a company's page (and the lists), refreshed after a change there. */
export function useRefreshRecord(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [
        ['person', id],
        ['company', id],
        ['timeline', id],
        ['notes', id],
        ['tasks', id],
        ['people'],
        ['companies'],
        ['inbox'],
      ].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
}
