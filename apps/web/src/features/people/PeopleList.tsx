import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { canWrite, useMe } from '../../session/session';
import { formatDate, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { ListFilters, type ListSearch, Pager, useCursorPages } from '../../shared/list';
import { SortHeader } from '../../shared/SortHeader';
import { Tags } from '../../shared/Tags';
import { useUserNames } from '../users/users';
import { PersonForm } from './PersonForm';

export function PeopleList() {
  const search = useSearch({ from: '/people' });
  const navigate = useNavigate({ from: '/people' });
  const set = (patch: Partial<ListSearch>) =>
    navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true });
  const pages = useCursorPages(JSON.stringify(search));
  const sort = search.sort ?? 'name';
  const query = useQuery({
    queryKey: ['people', search, pages.cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/people', {
          params: {
            query: {
              q: search.q,
              relationshipType: search.type,
              ownerId: search.owner,
              tag: search.tag,
              sort,
              limit: 50,
              cursor: pages.cursor,
            },
          },
        }),
      ),
  });
  const names = useUserNames();
  const me = useMe();
  const [opened, creating] = useDisclosure();
  const rows = query.data?.data ?? [];
  const sortBy = (field: string, title: string) => (
    <SortHeader field={field} label={title} sort={sort} onSort={(s) => set({ sort: s })} />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          People
        </Title>
        {canWrite(me.data) && <Button onClick={creating.open}>New person</Button>}
      </Group>
      {canWrite(me.data) && (
        <PersonForm
          opened={opened}
          onClose={creating.close}
          onSaved={(personId) => navigate({ to: '/people/$personId', params: { personId } })}
        />
      )}
      <ListFilters search={search} set={set} placeholder="Name, email, company, note" />
      {query.error && (
        <Text c="red" role="alert">
          {query.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              {sortBy('name', 'Name')}
              <Table.Th>Email</Table.Th>
              <Table.Th>Relationship</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Owner</Table.Th>
              {sortBy('updatedAt', 'Updated')}
              {sortBy('createdAt', 'Created')}
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
                  <Tags tags={p.tags} />
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
      <Pager pages={pages} nextCursor={query.data?.nextCursor} />
    </Stack>
  );
}
