import { Button, Group, Notification, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useUserNames } from '../features/users/users';
import { BulkDialog, type BulkMode } from './BulkDialog';
import {
  applyBulk,
  type BulkAction,
  downloadSelection,
  type ListFilter,
  MAX_BULK,
  MAX_TICKED,
  nouns,
  target,
  useMatchCount,
} from './bulk';
import type { ListKind } from './filters';
import { formatCount, type Selection } from './selection';

const ACTIONS: [BulkMode, string][] = [
  ['addTags', 'Add tag'],
  ['removeTags', 'Remove tag'],
  ['setOwner', 'Assign owner'],
];

interface Notice {
  ok: boolean;
  text: string;
}

/** What a bulk action did, for the notification. */
function outcome(kind: ListKind, action: BulkAction, changed: number, matched: number, owner?: string) {
  const what =
    action.type === 'setOwner'
      ? action.ownerId
        ? `Owner set to ${owner ?? action.ownerId}`
        : 'Owner cleared'
      : `${action.type === 'addTags' ? 'Added' : 'Removed'} ${action.tags.join(', ')}`;
  return `${what}: ${changed.toLocaleString('en')} of ${matched.toLocaleString('en')} ${nouns(kind, matched)} changed.`;
}

/**
 * The selection's toolbar above a list (for those who may write): how many are selected, "select
 * all N matching" once the whole page is, and the bulk actions: add or remove tags, assign an
 * owner, export as CSV, clear. After an action: a notification, the list refreshed, the
 * selection cleared.
 */
export function BulkBar(props: {
  kind: ListKind;
  filter: ListFilter;
  selection: Selection;
  /** More records match than this page shows. */
  morePages: boolean;
}) {
  const { kind, filter, selection } = props;
  const client = useQueryClient();
  const names = useUserNames();
  const [mode, setMode] = useState<BulkMode | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 10_000);
    return () => clearTimeout(timer);
  }, [notice]);
  const offerAll = selection.page === 'all' && !selection.all && props.morePages;
  const count = useMatchCount(kind, filter, offerAll || selection.all);
  const total = count.data ? formatCount(count.data.count, count.data.exact) : '…';
  const ticked = selection.ids.length;
  const what = selection.all ? `all ${total} matching ${nouns(kind, 2)}` : `${ticked} ${nouns(kind, ticked)}`;
  const apply = useMutation({
    mutationFn: (action: BulkAction) => applyBulk(kind, { ...target(selection, filter), action }),
    onSuccess: async (result, action) => {
      const owner = action.type === 'setOwner' && action.ownerId ? names.get(action.ownerId) : undefined;
      setNotice({ ok: true, text: outcome(kind, action, result.changed, result.matched, owner) });
      setMode(null);
      selection.clear();
      await Promise.all(
        [[kind], ['person'], ['company']].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
  const exporting = useMutation({
    mutationFn: () => downloadSelection(kind, target(selection, filter)),
    onSuccess: () => setNotice({ ok: true, text: `Exported ${what} as CSV.` }),
    onError: (error) => setNotice({ ok: false, text: `Export failed: ${error.message}` }),
  });
  const tooManyTicked = !selection.all && ticked > MAX_TICKED;
  const tooManyMatching = selection.all && (count.data?.count ?? 0) > MAX_BULK;
  const open = (next: BulkMode) => {
    apply.reset();
    setMode(next);
  };
  return (
    <>
      {notice && (
        <Notification
          color={notice.ok ? 'green' : 'red'}
          role="status"
          onClose={() => setNotice(null)}
          closeButtonProps={{ 'aria-label': 'Dismiss' }}
        >
          {notice.text}
        </Notification>
      )}
      {selection.any && (
        <Paper withBorder p="xs" role="region" aria-label="Selection">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text fw={600} aria-live="polite">
                  {selection.all ? `All ${total} matching ${nouns(kind, 2)} selected` : `${what} selected`}
                </Text>
                {offerAll && count.data && (
                  <Button variant="subtle" size="compact-sm" onClick={selection.selectAll}>
                    Select all {total} matching
                  </Button>
                )}
              </Group>
              <Group gap="xs">
                {ACTIONS.map(([action, label]) => (
                  <Button
                    key={action}
                    size="xs"
                    variant="default"
                    disabled={tooManyTicked || tooManyMatching}
                    onClick={() => open(action)}
                  >
                    {label}
                  </Button>
                ))}
                <Button
                  size="xs"
                  variant="default"
                  disabled={tooManyTicked}
                  loading={exporting.isPending}
                  onClick={() => exporting.mutate()}
                >
                  Export selection
                </Button>
                <Button size="xs" variant="subtle" onClick={selection.clear}>
                  Clear selection
                </Button>
              </Group>
            </Group>
            {tooManyTicked && (
              <Text size="sm" c="dimmed">
                Bulk actions take at most {MAX_TICKED.toLocaleString('en')} ticked rows: select all matching
                instead, or tick fewer.
              </Text>
            )}
            {tooManyMatching && (
              <Text size="sm" c="dimmed">
                Bulk changes take at most {MAX_BULK.toLocaleString('en')} {nouns(kind, 2)}: narrow the
                filters. Export takes any number.
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      {mode && (
        <BulkDialog
          mode={mode}
          what={what}
          pending={apply.isPending}
          error={apply.error}
          onApply={(action) => apply.mutate(action)}
          onClose={() => setMode(null)}
        />
      )}
    </>
  );
}
