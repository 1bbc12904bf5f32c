import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { type About, aboutId } from '../../shared/about';
import { formatDateTime, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { PanelStatus } from '../admin/PanelStatus';
import { MakePromiseButton } from '../promises/PromiseCreate';
import { overdue, usePromisesOf } from '../promises/promises';
import { OpenCaseButton } from './CaseCreate';
import { SlaBadge } from './SlaClock';

/** A customer's open cases (with the SLA clock that matters now) and open promises (with due dates). */
export function OpenWorkPanel({ about }: { about: About }) {
  const id = aboutId(about);
  const filter = about.personId ? { personId: about.personId } : { companyId: about.companyId };
  const cases = useQuery({
    queryKey: ['open-work', 'cases', id],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/cases', {
            params: { query: { ...filter, status: ['open'], sort: 'resolveDueAt', limit: 20 } },
          }),
        )
      ).data,
  });
  const promises = usePromisesOf({ ...filter, open: true });
  const openCases = cases.data ?? [];
  const openPromises = promises.data ?? [];
  const search = about.personId ? { person: about.personId } : { company: about.companyId };
  return (
    <Card withBorder component="section" aria-label="Open cases and promises">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Open cases and promises
        </Title>
        <Group gap={4}>
          <OpenCaseButton about={about} />
          <MakePromiseButton context={{ about }} />
        </Group>
      </Group>
      <PanelStatus error={cases.error ?? promises.error} pending={cases.isPending || promises.isPending} />
      <Stack gap="xs">
        {openCases.map((c) => (
          <div key={c.id}>
            <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} size="sm" fw={600}>
              {c.subject}
            </AnchorLink>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {label(c.status)} · {c.severity}
              </Text>
              <SlaBadge c={c} />
            </Group>
          </div>
        ))}
        {openPromises.map((p) => (
          <div key={p.id}>
            <AnchorLink to="/promises" search={{ promise: p.id, status: 'all' }} size="sm">
              {p.what}
            </AnchorLink>
            <Text size="xs" c={overdue(p) ? 'red.9' : 'dimmed'}>
              Promise{overdue(p) ? ', overdue' : ''}: due {formatDateTime(p.dueAt)}
              {p.ownerName && ` · ${p.ownerName}`}
            </Text>
          </div>
        ))}
        {!cases.isPending && !promises.isPending && openCases.length + openPromises.length === 0 && (
          <Text size="sm" c="dimmed">
            No open case and no open promise.
          </Text>
        )}
        <Group gap="md">
          <AnchorLink to="/cases" search={{ ...search, status: 'all' }} size="xs">
            All cases
          </AnchorLink>
          <AnchorLink to="/promises" search={{ ...search, status: 'all' }} size="xs">
            All promises
          </AnchorLink>
          {openPromises.length > 0 && (
            <Badge size="sm" variant="light">
              {openPromises.length} open
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
