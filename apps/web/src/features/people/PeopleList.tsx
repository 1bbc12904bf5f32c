import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { RELATIONSHIP_TYPES } from '../../api/enums';
import { formatDate, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { SortHeader } from '../../shared/SortHeader';
import { useUserNames, useUsers } from '../users/users';

export interface PeopleSearch {
  q?: string;
  type?: string;
  owner?: string;
  tag?: string;
  sort?: string;
}

const SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'];

/** The list's state lives in the address, so a filtered list can be bookmarked and shared. */
export function peopleSearch(search: Record<string, unknown>): PeopleSearch {
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

const PAGE = 50;

export function PeopleList() {
  const search = useSearch({ from: '/people' });
  const navigate = useNavigate({ from: '/people' });
  const set = (patch: Partial<PeopleSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 250);
  useEffect(() => {
    if ((debouncedQ || undefined) !== search.q) set({ q: debouncedQ || undefined });
  });
  // Cursor paging: the cursors that led to this page, per filter (a new filter starts at page 1).
  const filterKey = JSON.stringify(search);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = paging.key === filterKey ? paging.cursors : [];
  const setCursors = (next: (c: string[]) => string[]) =>
    setPaging({ key: filterKey, cursors: next(cursors) });
  const cursor = cursors.at(-1);
  const sort = search.sort ?? 'name';
  const query = useQuery({
    queryKey: ['people', search, cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/people', {
          params: {
            query: {
              q: search.q,
              relationshipType: search.type as (typeof RELATIONSHIP_TYPES)[number] | undefined,
              ownerId: search.owner,
              tag: search.tag,
              sort,
              limit: PAGE,
              cursor,
            },
          },
        }),
      ),
  });
  const users = useUsers();
  const names = useUserNames();
  const rows = query.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          People
        </Title>
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name, email, company, note"
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
          onChange={(value) => set({ type: value ?? undefined })}
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
          onBlur={(e) => set({ tag: e.currentTarget.value.trim() || undefined })}
          onKeyDown={(e) => e.key === 'Enter' && set({ tag: e.currentTarget.value.trim() || undefined })}
          w={140}
        />
      </Group>
      {query.error && (
        <Text c="red" role="alert">
          {query.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="name" label="Name" sort={sort} onSort={(s) => set({ sort: s })} />
              <Table.Th>Email</Table.Th>
              <Table.Th>Relationship</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Owner</Table.Th>
              <SortHeader field="updatedAt" label="Updated" sort={sort} onSort={(s) => set({ sort: s })} />
              <SortHeader field="createdAt" label="Created" sort={sort} onSort={(s) => set({ sort: s })} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <AnchorLink to="/people/$personId" params={{ personId: p.id }}>
                    {p.name}
                  </AnchorLink>
                  {p.title && (
                    <Text size="xs" c="dimmed">
                      {p.title}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{p.email}</Table.Td>
                <Table.Td>{label(p.relationshipType)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.tags.map((t) => (
                      <Badge key={t} size="sm" variant="light">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{p.ownerId ? (names.get(p.ownerId) ?? '') : ''}</Table.Td>
                <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
                <Table.Td>{formatDate(p.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!query.isPending && rows.length === 0 && <Text c="dimmed">No one matches these filters.</Text>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Page {cursors.length + 1}
        </Text>
        <Group>
          <Button
            variant="default"
            disabled={cursors.length === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            variant="default"
            disabled={!query.data?.nextCursor}
            onClick={() => query.data?.nextCursor && setCursors((c) => [...c, query.data.nextCursor!])}
          >
            Next
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
