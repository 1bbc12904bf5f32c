import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ViewBar } from '../features/views/ViewBar';
import { canWrite, useMe } from '../session/session';
import { ActiveFilters } from './ActiveFilters';
import { BulkBar } from './BulkBar';
import { type ListKind, toListQuery } from './filters';
import { ListFilters, type ListSearch, Pager, useCursorPages } from './list';
import { MoreFilters } from './MoreFilters';
import { SelectPageCell, SelectRowCell } from './SelectBox';
import { SortHeader } from './SortHeader';
import { useSelection } from './selection';

/** What a record list asks the API for: the filters in the address, the sort, one page. */
export type ListQuery = ReturnType<typeof toListQuery> & { sort: string; limit: number; cursor?: string };

type SortBy = (field: string, title: string) => ReactNode;

/**
 * The people and companies lists: title and "New …" (for those who may write), saved views,
 * filters (in force ones shown, each removable), a sortable table fed page by page from the
 * API, and the pager. Each list gives its columns. Those who may write tick rows (or all
 * matching) for bulk actions (BulkBar).
 */
export function RecordList<T extends { id: string }>(props: {
  kind: ListKind;
  title: string;
  newLabel: string;
  placeholder: string;
  empty: string;
  queryKey: string;
  search: ListSearch;
  set: (patch: Partial<ListSearch>) => void;
  fetchPage: (query: ListQuery) => Promise<{ data: T[]; nextCursor: string | null }>;
  head: (sortBy: SortBy) => ReactNode;
  /** A row's cells; the name is the label of its checkbox ("Select Mia Keller"). */
  cells: (record: T) => ReactNode;
  name: (record: T) => string;
  createForm: (opened: boolean, close: () => void) => ReactNode;
}) {
  const { search, set } = props;
  const pages = useCursorPages(JSON.stringify(search));
  const sort = search.sort ?? 'name';
  // The filters (no sort, no page): what the list shows, and what "all matching" means.
  const { sort: _sort, ...filter } = toListQuery(search, props.kind);
  const query = useQuery({
    queryKey: [props.queryKey, search, pages.cursor],
    placeholderData: keepPreviousData,
    queryFn: () => props.fetchPage({ ...filter, sort, limit: 50, cursor: pages.cursor }),
  });
  const writable = canWrite(useMe().data);
  const [opened, creating] = useDisclosure();
  const rows = query.data?.data ?? [];
  const selection = useSelection(
    JSON.stringify(filter),
    rows.map((row) => row.id),
  );
  const sortBy: SortBy = (field, title) => (
    <SortHeader field={field} label={title} sort={sort} onSort={(s) => set({ sort: s })} />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {writable && <Button onClick={creating.open}>{props.newLabel}</Button>}
      </Group>
      {writable && props.createForm(opened, creating.close)}
      <ViewBar kind={props.kind} allLabel={`All ${props.title.toLowerCase()}`} search={search} set={set} />
      <ListFilters search={search} set={set} placeholder={props.placeholder}>
        <MoreFilters kind={props.kind} search={search} set={set} />
      </ListFilters>
      <ActiveFilters kind={props.kind} search={search} set={set} />
      {writable && (
        <BulkBar
          kind={props.kind}
          filter={filter}
          selection={selection}
          morePages={pages.page > 1 || !!query.data?.nextCursor}
        />
      )}
      {query.error && (
        <Text c="red" role="alert">
          {query.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              {writable && <SelectPageCell selection={selection} />}
              {props.head(sortBy)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((record) => (
              <Table.Tr
                key={record.id}
                bg={selection.isSelected(record.id) ? 'var(--mantine-primary-color-0)' : undefined}
              >
                {writable && (
                  <SelectRowCell selection={selection} id={record.id} label={props.name(record)} />
                )}
                {props.cells(record)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!query.isPending && rows.length === 0 && <Text c="dimmed">{props.empty}</Text>}
      <Pager pages={pages} nextCursor={query.data?.nextCursor} />
    </Stack>
  );
}
