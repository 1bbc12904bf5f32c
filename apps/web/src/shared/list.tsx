import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { RELATIONSHIP_TYPES } from '../api/enums';
import { useUsers } from '../features/users/users';
import { type MoreFilters, moreFilters } from './filters';
import { label } from './format';

/** The state of a record list, kept in the address so a filtered list can be bookmarked and shared. */
export interface ListSearch extends MoreFilters {
  q?: string;
  type?: (typeof RELATIONSHIP_TYPES)[number];
  owner?: string;
  tag?: string;
  sort?: string;
}

const SORTS = ['name', 'updatedAt', 'createdAt', 'health', 'clv', 'pAlive', 'churnRisk'].flatMap((s) => [
  s,
  `-${s}`,
]);

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
    ...moreFilters(search),
  };
}

/**
 * A text field's own state that follows the address when it changes from elsewhere (a saved
 * view applied, a filter removed), and not when it only echoes what was typed.
 */
function useFollowingText(value: string | undefined, onOutsideChange?: () => void) {
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if ((text.trim() || undefined) !== (value?.trim() || undefined)) {
      setText(value ?? '');
      onOutsideChange?.();
    }
  }
  return [text, setText] as const;
}

/** A text filter that applies when one leaves it or presses Enter (trimmed; empty clears it). */
export function FilterText(props: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  w: number;
}) {
  const [text, setText] = useFollowingText(props.value);
  const commit = (value: string) => props.onCommit(value.trim() || undefined);
  return (
    <TextInput
      label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      w={props.w}
    />
  );
}

/** One of a closed list of values (relationship type, level), or any. */
export function ChoiceFilter<T extends string>(props: {
  label: string;
  placeholder: string;
  values: readonly T[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      clearable
      data={props.values.map((value) => ({ value, label: label(value) }))}
      value={props.value ?? null}
      onChange={(value) => props.onChange(props.values.find((v) => v === value))}
      w={170}
    />
  );
}

/** Search box (debounced), relationship type, owner and tag filters, then the list's own. */
export function ListFilters(props: {
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
  placeholder: string;
  /** The list's own filters (company, level, industry, custom fields). */
  children?: ReactNode;
}) {
  const { search, set } = props;
  const users = useUsers();
  const pushQ = useDebouncedCallback((value: string) => set({ q: value.trim() ? value : undefined }), 250);
  const [q, setQ] = useFollowingText(search.q, pushQ.cancel);
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder={props.placeholder}
        value={q}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setQ(value);
          pushQ(value);
        }}
        w={280}
        type="search"
      />
      <ChoiceFilter
        label="Relationship"
        placeholder="Any"
        values={RELATIONSHIP_TYPES}
        value={search.type}
        onChange={(type) => set({ type })}
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
      <FilterText
        label="Tag"
        placeholder="e.g. vip"
        value={search.tag}
        onCommit={(tag) => set({ tag })}
        w={140}
      />
      {props.children}
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
