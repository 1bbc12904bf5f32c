import { useQueryClient } from '@tanstack/react-query';

/**
 * Everything shown on a person's, a company's or an order's page (and the lists), refreshed after
 * a change there; more ids (an order's customer) refresh their pages too.
 */
export function useRefreshRecord(...ids: (string | null | undefined)[]) {
  const client = useQueryClient();
  const records = ids.filter((id): id is string => !!id);
  return () =>
    Promise.all(
      [
        ...records.flatMap((id) => [
          ['person', id],
          ['company', id],
          ['order', id],
          ['timeline', id],
          ['notes', id],
          ['tasks', id],
        ]),
        ['people'],
        ['companies'],
        ['inbox'],
      ].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
}
