import { Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { listQueryString } from '../../shared/filters';
import { formatDate, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import type { ListSearch } from '../../shared/list';
import { RecordList } from '../../shared/RecordList';
import { Tags } from '../../shared/Tags';
import { useUserNames } from '../users/users';
import { ValueCells } from '../value/ValueCells';
import { PersonForm } from './PersonForm';

export function PeopleList() {
  const search = useSearch({ from: '/people' });
  const navigate = useNavigate({ from: '/people' });
  const names = useUserNames();
  return (
    <RecordList
      kind="people"
      title="People"
      newLabel="New person"
      placeholder="Name, email, company, note"
      empty="No one matches these filters."
      queryKey="people"
      search={search}
      set={(patch) => navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true })}
      fetchPage={(query) =>
        call(api.GET('/api/v1/people', { params: { query }, querySerializer: listQueryString }))
      }
      createForm={(opened, close) => (
        <PersonForm
          opened={opened}
          onClose={close}
          onSaved={(personId) => navigate({ to: '/people/$personId', params: { personId } })}
        />
      )}
      head={(sortBy) => (
        <>
          {sortBy('name', 'Name')}
          <Table.Th>Email</Table.Th>
          <Table.Th>Relationship</Table.Th>
          <Table.Th>Tags</Table.Th>
          <Table.Th>Owner</Table.Th>
          {sortBy('health', 'Health')}
          {sortBy('clv', 'CLV')}
          {sortBy('updatedAt', 'Updated')}
          {sortBy('createdAt', 'Created')}
        </>
      )}
      name={(p) => p.name}
      cells={(p) => (
        <>
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
          <ValueCells value={p.value} />
          <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
          <Table.Td>{formatDate(p.createdAt)}</Table.Td>
        </>
      )}
    />
  );
}
