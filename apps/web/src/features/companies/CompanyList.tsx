import { Table } from '@mantine/core';
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
import { CompanyForm } from './CompanyForm';

export function CompanyList() {
  const search = useSearch({ from: '/companies' });
  const navigate = useNavigate({ from: '/companies' });
  const names = useUserNames();
  return (
    <RecordList
      kind="companies"
      title="Companies"
      newLabel="New company"
      placeholder="Name, domain, industry, note"
      empty="No company matches these filters."
      queryKey="companies"
      search={search}
      set={(patch) => navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true })}
      fetchPage={(query) =>
        call(api.GET('/api/v1/companies', { params: { query }, querySerializer: listQueryString }))
      }
      createForm={(opened, close) => (
        <CompanyForm
          opened={opened}
          onClose={close}
          onSaved={(companyId) => navigate({ to: '/companies/$companyId', params: { companyId } })}
        />
      )}
      head={(sortBy) => (
        <>
          {sortBy('name', 'Name')}
          <Table.Th>Domain</Table.Th>
          <Table.Th>Relationship</Table.Th>
          <Table.Th>Industry</Table.Th>
          <Table.Th>Tags</Table.Th>
          <Table.Th>Owner</Table.Th>
          {sortBy('health', 'Health')}
          {sortBy('clv', 'CLV')}
          {sortBy('updatedAt', 'Updated')}
        </>
      )}
      name={(c) => c.name}
      cells={(c) => (
        <>
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
          <ValueCells value={c.value} />
          <Table.Td>{formatDate(c.updatedAt)}</Table.Td>
        </>
      )}
    />
  );
}
