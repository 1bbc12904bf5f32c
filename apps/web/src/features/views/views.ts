import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import type { Me } from '../../session/session';
import type { ListKind } from '../../shared/filters';

export type SavedView = Schemas['SavedView'];
export type SavedViewCreate = Schemas['SavedViewCreate'];
export type SavedViewUpdate = Schemas['SavedViewUpdate'];

/** The saved views of a list the signed-in user sees: their own and the shared ones, in order. */
export function useSavedViews(kind: ListKind) {
  return useQuery({
    queryKey: ['views', kind],
    queryFn: async () => (await call(api.GET('/api/v1/views', { params: { query: { kind } } }))).data,
  });
}

function useViewChange<I>(kind: ListKind, fn: (input: I) => Promise<SavedView | undefined>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['views', kind] }),
  });
}

export const useCreateView = (kind: ListKind) =>
  useViewChange(kind, (body: SavedViewCreate) => call(api.POST('/api/v1/views', { body })));

export const useUpdateView = (kind: ListKind) =>
  useViewChange(kind, ({ id, body }: { id: string; body: SavedViewUpdate }) =>
    call(api.PATCH('/api/v1/views/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteView = (kind: ListKind) =>
  useViewChange(kind, async (id: string) => {
    await call(api.DELETE('/api/v1/views/{id}', { params: { path: { id } } }));
    return undefined;
  });

/** Who may change a view: the user who saved it, or an admin (the server checks it too). */
export const canChangeView = (view: SavedView, me: Me | null | undefined) =>
  !!me && (me.user?.id === view.ownerId || me.role === 'admin');
