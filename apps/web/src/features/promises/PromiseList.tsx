import { Badge, Drawer, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { PROMISE_STATUSES } from '../../api/enums';
import { canWrite, useMe } from '../../session/session';
import { Field } from '../../shared/Field';
import { formatDateTime, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { Pager, useCursorPages } from '../../shared/list';
import { PanelStatus } from '../admin/PanelStatus';
import { CustomerLink } from '../cases/CaseList';
import { CustomerFilter } from '../cases/CustomerFilter';
import { promiseEventText } from '../cases/events';
import { useUsers } from '../users/users';
import { KeptRate } from './KeptRate';
import { PromiseActions } from './PromiseActions';
import { PromiseTable } from './PromiseTable';
import { DUE_WINDOWS, PROMISE_COLOR, type PromiseSearch, usePromise, usePromises } from './promises';

/**
 * The promise ledger: what was promised to whom, by whom, by when; open ones first by due date
 * (overdue in red), filtered by status, owner, due window and customer; kept rate per owner below.
 */
export function PromiseList() {
  const search = useSearch({ from: '/promises' }) as PromiseSearch;
  const navigate = useNavigate({ from: '/promises' });
  const set = (patch: Partial<PromiseSearch>) =>
    navigate({ search: (prev: PromiseSearch) => ({ ...prev, ...patch }), replace: true });
  const { promise: open, ...filters } = search;
  const pages = useCursorPages(JSON.stringify(filters));
  const list = usePromises(filters, pages.cursor);
  const users = useUsers();
  const writable = canWrite(useMe().data);
  const rows = list.data?.data ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        Promises
      </Title>
      <Group align="end" wrap="wrap">
        <Select
          label="Status"
          allowDeselect={false}
          data={[
            { value: 'pending', label: 'To keep (open or renegotiated)' },
            ...PROMISE_STATUSES.map((s) => ({ value: s, label: label(s) })),
            { value: 'all', label: 'Any status' },
          ]}
          value={search.status ?? 'pending'}
          onChange={(v) => set({ status: v === 'pending' ? undefined : (v ?? undefined) })}
          w={240}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          searchable
          data={[
            { value: 'me', label: 'Me' },
            ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          value={search.owner ?? null}
          onChange={(v) => set({ owner: v ?? undefined })}
          w={200}
        />
        <Select
          label="Due"
          placeholder="Any time"
          clearable
          data={DUE_WINDOWS.map((w) => ({ value: w.value, label: w.label }))}
          value={search.due ?? null}
          onChange={(v) => set({ due: v ?? undefined })}
          w={170}
        />
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
      <PromiseTable label="Promises" rows={rows} writable={writable} busy={list.isFetching} />
      {!list.isPending && rows.length === 0 && <Text c="dimmed">No promise matches these filters.</Text>}
      <Pager pages={pages} nextCursor={list.data?.nextCursor} />
      <KeptRate />
      <PromiseDrawer id={open} onClose={() => set({ promise: undefined })} />
    </Stack>
  );
}

/** One promise with its history: made, moved (with the reasons), reminded, kept or broken. */
function PromiseDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const query = usePromise(id);
  const writable = canWrite(useMe().data);
  const p = query.data;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title={p ? p.what : 'Promise'}>
      {query.isPending && id && <Loader size="sm" aria-label="Loading" />}
      <PanelStatus error={query.error} pending={false} />
      {p && (
        <Stack>
          <Group gap="xs">
            <Badge variant="light" color={PROMISE_COLOR[p.status]}>
              {label(p.status)}
            </Badge>
            {p.atRisk && p.status === 'open' && (
              <Badge variant="light" color="yellow">
                At risk
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Field name="Customer">
              <CustomerLink c={p} />
            </Field>
            <Field name="Owner">{p.ownerName ?? '—'}</Field>
            <Field name="Due">{formatDateTime(p.dueAt)}</Field>
            <Field name="First promised for">{formatDateTime(p.originalDueAt)}</Field>
            {p.caseId && (
              <Field name="Case">
                <AnchorLink to="/cases/$caseId" params={{ caseId: p.caseId }}>
                  Open the case
                </AnchorLink>
              </Field>
            )}
          </SimpleGrid>
          {writable && <PromiseActions p={p} />}
          <Title order={3} size="h5">
            History
          </Title>
          <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {p.history.map((e) => (
              <li key={e.id}>
                <Text size="sm">{promiseEventText(e)}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at)}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
