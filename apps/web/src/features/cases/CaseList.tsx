import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { CASE_STATUSES, CASE_TYPES, SEVERITIES } from '../../api/enums';
import { canWrite, useMe } from '../../session/session';
import { formatDate, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { FilterText, Pager, useCursorPages } from '../../shared/list';
import { SortHeader } from '../../shared/SortHeader';
import { useUsers } from '../users/users';
import { CaseCreate } from './CaseCreate';
import { CustomerFilter } from './CustomerFilter';
import { type CaseSearch, SEVERITY_COLOR, useCases, useRootCauses } from './cases';
import { SlaBadge } from './SlaClock';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: label(value) }));

/**
 * Cases, newest first or by resolve deadline: filter by status (open ones unless told), type,
 * severity, owner, team, SLA state, root cause and customer; the SLA column shows the clock that
 * matters now in business time.
 */
export function CaseList() {
  const search = useSearch({ from: '/cases' }) as CaseSearch;
  const navigate = useNavigate({ from: '/cases' });
  const set = (patch: Partial<CaseSearch>) =>
    navigate({ search: (prev: CaseSearch) => ({ ...prev, ...patch }), replace: true });
  const pages = useCursorPages(JSON.stringify(search));
  const list = useCases(search, pages.cursor);
  const users = useUsers();
  const causes = useRootCauses();
  const writable = canWrite(useMe().data);
  const [creating, create] = useDisclosure();
  const sort = search.sort ?? '-openedAt';
  const rows = list.data?.data ?? [];
  const choose = (
    name: string,
    key: keyof CaseSearch,
    data: { value: string; label: string }[],
    any: string,
  ) => (
    <Select
      label={name}
      placeholder={any}
      clearable
      searchable={data.length > 8}
      data={data}
      value={search[key] ?? null}
      onChange={(value) => set({ [key]: value ?? undefined })}
      w={170}
    />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Cases
        </Title>
        {writable && <Button onClick={create.open}>New case</Button>}
      </Group>
      <Group align="end" wrap="wrap">
        <Select
          label="Status"
          allowDeselect={false}
          data={[
            { value: 'open', label: 'Open (not resolved)' },
            { value: 'all', label: 'Any status' },
            ...options(CASE_STATUSES),
          ]}
          value={search.status ?? 'open'}
          onChange={(value) => set({ status: value === 'open' ? undefined : (value ?? undefined) })}
          w={190}
        />
        {choose('Type', 'type', options(CASE_TYPES), 'Any type')}
        {choose('Severity', 'severity', options(SEVERITIES), 'Any severity')}
        {choose(
          'Owner',
          'owner',
          [
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Nobody' },
            ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ],
          'Anyone',
        )}
        <FilterText
          label="Team"
          placeholder="e.g. billing"
          value={search.team}
          onCommit={(team) => set({ team })}
          w={140}
        />
        {choose(
          'SLA',
          'sla',
          [
            { value: 'warning', label: 'Warning' },
            { value: 'breached', label: 'Breached' },
            { value: 'ok', label: 'On time' },
            { value: 'none', label: 'No SLA' },
          ],
          'Any SLA state',
        )}
        {choose(
          'Root cause',
          'rootCause',
          (causes.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          'Any cause',
        )}
        <CustomerFilter
          person={search.person}
          company={search.company}
          rows={rows}
          onChange={(filter) => set(filter)}
        />
      </Group>
      {list.error && (
        <Text c="red" role="alert">
          {list.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label="Cases" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Case</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Severity</Table.Th>
              <SortHeader
                field="resolveDueAt"
                label="SLA (business time)"
                sort={sort}
                onSort={() => set({ sort: 'resolveDueAt' })}
              />
              <Table.Th>Owner</Table.Th>
              <SortHeader
                field="openedAt"
                label="Opened"
                sort={sort}
                onSort={(s) => set({ sort: s === '-openedAt' ? undefined : s })}
              />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td maw={360}>
                  <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} fw={600}>
                    {c.subject}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {c.reference} · {label(c.type)}
                    {c.category && ` · ${c.category}`}
                    {c.team && ` · ${c.team}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CustomerLink c={c} />
                </Table.Td>
                <Table.Td>{label(c.status)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={SEVERITY_COLOR[c.severity]}>
                    {c.severity}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <SlaBadge c={c} />
                </Table.Td>
                <Table.Td>{c.ownerName ?? '—'}</Table.Td>
                <Table.Td>{formatDate(c.openedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!list.isPending && rows.length === 0 && <Text c="dimmed">No case matches these filters.</Text>}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
      {writable && <CaseCreate opened={creating} onClose={create.close} />}
    </Stack>
  );
}

/** The person (else the company) a case is about, as a link to their page. */
export function CustomerLink({
  c,
}: {
  c: {
    personId: string | null;
    personName: string | null;
    companyId: string | null;
    companyName: string | null;
  };
}) {
  if (c.personId)
    return (
      <AnchorLink to="/people/$personId" params={{ personId: c.personId }}>
        {c.personName ?? c.personId}
      </AnchorLink>
    );
  if (c.companyId)
    return (
      <AnchorLink to="/companies/$companyId" params={{ companyId: c.companyId }}>
        {c.companyName ?? c.companyId}
      </AnchorLink>
    );
  return (
    <Text size="sm" c="dimmed">
      No customer
    </Text>
  );
}
