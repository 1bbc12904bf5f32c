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
import { CompanyForm } from './CompanyForm';

export function CompanyList() {
  const search = useSearch({ from: '/companies' });
  const navigate = useNavigate({ from: '/companies' });
  const set = (patch: Partial<ListSearch>) =>
    navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true });
  const pages = useCursorPages(JSON.stringify(search));
  const sort = search.sort ?? 'name';
  const query = useQuery({
    queryKey: ['companies', search, pages.cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/companies', {
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
          Companies
        </Title>
        {canWrite(me.data) && <Button onClick={creating.open}>New company</Button>}
      </Group>
      {canWrite(me.data) && (
        <CompanyForm
          opened={opened}
          onClose={creating.close}
          onSaved={(companyId) => navigate({ to: '/companies/$companyId', params: { companyId } })}
        />
      )}
      <ListFilters search={search} set={set} placeholder="Name, domain, industry, note" />
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
              <Table.Th>Domain</Table.Th>
              <Table.Th>Relationship</Table.Th>
              <Table.Th>Industry</Table.Th>
              <Table.Th>Tags</Table.Th>
              <Table.Th>Owner</Table.Th>
              {sortBy('updatedAt', 'Updated')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <AnchorLink to="/companies/$companyId" params={{ companyId: c.id }}>
                    {c.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{c.domain}</Table.Td>
                <Table.Td>{label(c.relationshipType)}</Table.Td>
                <Table.Td>{c.industry}</Table.Td>
                <Table.Td>
                  <Tags tags={c.tags} />
                </Table.Td>
                <Table.Td>{c.ownerId ? (names.get(c.ownerId) ?? '') : ''}</Table.Td>
                <Table.Td>{formatDate(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!query.isPending && rows.length === 0 && <Text c="dimmed">No company matches these filters.</Text>}
      <Pager pages={pages} nextCursor={query.data?.nextCursor} />
    </Stack>
  );
}
