import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { canWrite, useMe } from '../../session/session';
import {
  filtersKey,
  hasFilters,
  type ListKind,
  NO_FILTERS,
  searchOfFilters,
  toListQuery,
} from '../../shared/filters';
import type { ListSearch } from '../../shared/list';
import { ConfirmButton } from '../admin/ConfirmButton';
import { ViewDialog } from './ViewDialog';
import {
  canChangeView,
  type SavedView,
  useCreateView,
  useDeleteView,
  useSavedViews,
  useUpdateView,
} from './views';

/**
 * The views of a list above it: "All …" and the saved views (choosing one puts its filters in
 * the address), "Save view" when the filters differ from the chosen view, and for a view one
 * may change: update it with the current filters, rename, share or make private, delete.
 */
export function ViewBar(props: {
  kind: ListKind;
  allLabel: string;
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
}) {
  const { kind, search, set } = props;
  const me = useMe().data;
  const views = useSavedViews(kind);
  const create = useCreateView(kind);
  const update = useUpdateView(kind);
  const remove = useDeleteView(kind);
  const [dialog, setDialog] = useState<'save' | 'rename' | null>(null);
  const chosen = views.data?.find((view) => view.id === search.view);
  const dirty = chosen
    ? filtersKey(search, kind) !== filtersKey(searchOfFilters(chosen.filters), kind)
    : hasFilters(search, kind);
  const changeable = !!chosen && canChangeView(chosen, me);
  const apply = (view?: SavedView) =>
    set({ ...NO_FILTERS, ...(view ? { ...searchOfFilters(view.filters), view: view.id } : {}) });
  const filters = () => toListQuery(search, kind);
  const close = () => {
    setDialog(null);
    create.reset();
    update.reset();
  };
  const failure = (dialog ? null : (update.error ?? remove.error)) ?? views.error;
  return (
    <Stack>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Group gap="xs" role="group" aria-label={`Views of ${kind}`}>
          <Button
            size="xs"
            variant={chosen ? 'default' : 'filled'}
            aria-pressed={!chosen}
            onClick={() => apply()}
          >
            {props.allLabel}
          </Button>
          {views.data?.map((view) => (
            <Button
              key={view.id}
              size="xs"
              variant={view.id === chosen?.id ? 'filled' : 'default'}
              aria-pressed={view.id === chosen?.id}
              onClick={() => apply(view)}
              title={
                view.visibility === 'shared'
                  ? `Shared by ${view.ownerName ?? 'a former user'}`
                  : 'Only you see it'
              }
              rightSection={
                view.visibility === 'shared' ? (
                  <Text span size="xs">
                    shared
                  </Text>
                ) : undefined
              }
            >
              {view.name}
            </Button>
          ))}
        </Group>
        <Group gap="xs">
          {dirty && (
            <Button size="xs" variant="light" onClick={() => setDialog('save')}>
              Save view
            </Button>
          )}
          {chosen && changeable && dirty && (
            <Button
              size="xs"
              variant="light"
              loading={update.isPending}
              onClick={() => update.mutate({ id: chosen.id, body: { filters: filters() } })}
            >
              Update view
            </Button>
          )}
          {chosen && changeable && (
            <>
              <Button size="xs" variant="subtle" onClick={() => setDialog('rename')}>
                Rename
              </Button>
              {(chosen.visibility === 'shared' || canWrite(me)) && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() =>
                    update.mutate({
                      id: chosen.id,
                      body: { visibility: chosen.visibility === 'shared' ? 'private' : 'shared' },
                    })
                  }
                >
                  {chosen.visibility === 'shared' ? 'Make private' : 'Share'}
                </Button>
              )}
              <ConfirmButton
                label="Delete"
                title={`Delete view ${chosen.name}`}
                question={`Delete the view "${chosen.name}"${chosen.visibility === 'shared' ? ' for everyone in the workspace' : ''}? The records stay as they are.`}
                loading={remove.isPending}
                onConfirm={(done) =>
                  remove.mutate(chosen.id, {
                    onSuccess: () => {
                      done();
                      set({ view: undefined });
                    },
                  })
                }
              />
            </>
          )}
        </Group>
      </Group>
      {failure && (
        <Text c="red" size="sm" role="alert">
          {failure.message}
        </Text>
      )}
      {dialog === 'save' && (
        <ViewDialog
          title="Save view"
          submitLabel="Save view"
          initial={{ name: '', shared: false }}
          withShare
          canShare={canWrite(me)}
          saving={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(draft) =>
            create.mutate(
              { kind, name: draft.name, filters: filters(), visibility: draft.shared ? 'shared' : 'private' },
              {
                onSuccess: (view) => {
                  close();
                  if (view) set({ view: view.id });
                },
              },
            )
          }
        />
      )}
      {dialog === 'rename' && chosen && (
        <ViewDialog
          title={`Rename view ${chosen.name}`}
          submitLabel="Rename"
          initial={{ name: chosen.name, shared: chosen.visibility === 'shared' }}
          withShare={false}
          canShare={false}
          saving={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(draft) =>
            update.mutate({ id: chosen.id, body: { name: draft.name } }, { onSuccess: close })
          }
        />
      )}
    </Stack>
  );
}
