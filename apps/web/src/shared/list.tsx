import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { RELATIONSHIP_TYPES } from '../api/enums';
import { useUsers } from '../features/users/users';
import { label } from './format';

/** The state of a record list, kept in the address so a filtered list can be bookmarked and shared. */
export interface ListSearch {
  q?: string;
  type?: (typeof RELATIONSHIP_TYPES)[number];
  owner?: string;
  tag?: string;
  sort?: string;
}

const SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'];

export function listSearch(search: Record<string, unknown>): ListSearch {
  const text = (key: string) =>
    typeof search[key] === 'string' && search[key] ? (search[key] as string) : undefined;
  const sort = text('sort');
  return {
    q: text('q'),
    type: RELATIONSHIP_TYPES.find((t) => t === search.type),
    owner: text('owner'),
    tag: text('tag'),
    sort: sort && SORTS.includes(sort) ? sort : undefined,
  };
}

/** Search box (debounced), relationship type, owner and tag filters. */
export function ListFilters(props: {
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
  placeholder: string;
}) {
  const { search, set } = props;
  const users = useUsers();
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  useEffect(() => {
    if ((debounced || undefined) !== search.q) set({ q: debounced || undefined });
  });
  const tag = (value: string) => set({ tag: value.trim() || undefined });
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder={props.placeholder}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={280}
        type="search"
      />
      <Select
        label="Relationship"
        placeholder="Any"
        clearable
        data={RELATIONSHIP_TYPES.map((t) => ({ value: t, label: label(t) }))}
        value={search.type ?? null}
        onChange={(value) => set({ type: RELATIONSHIP_TYPES.find((t) => t === value) })}
        w={170}
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        clearable
        searchable
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={search.owner ?? null}
        onChange={(value) => set({ owner: value ?? undefined })}
        w={200}
      />
      <TextInput
        label="Tag"
        placeholder="e.g. vip"
        defaultValue={search.tag ?? ''}
        onBlur={(e) => tag(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && tag(e.currentTarget.value)}
        w={140}
      />
    </Group>
  );
}

/**
 * Cursor paging: the cursors that led to the current page, per filter (a new filter starts at
 * page 1). Returns the cursor to ask for and the pager's moves.
 */
export function useCursorPages(filterKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (cursor: string) => setPaging({ key: filterKey, cursors: [...cursors, cursor] }),
    previous: () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) }),
  };
}

export function Pager(props: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  const { pages, nextCursor } = props;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        Page {pages.page}
      </Text>
      <Group>
        <Button variant="default" disabled={pages.page === 1} onClick={pages.previous}>
          Previous
        </Button>
        <Button variant="default" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
