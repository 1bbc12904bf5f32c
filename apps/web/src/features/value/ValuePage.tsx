import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useMe } from '../../session/session';
import { formatDateTime, formatMoney, label } from '../../shared/format';
import { PanelStatus } from '../admin/PanelStatus';
import { useSavedViews } from '../views/views';
import { Cohorts } from './Cohorts';
import { Quadrants } from './Quadrants';
import { ClvDistribution, HealthOverTime, Section, TrackingCharts } from './ValueCharts';
import { ValueSettingsDrawer } from './ValueSettingsDrawer';
import { fitText, useRecompute, useValueDashboard, useValueSettings, type ValueDashboard } from './value';

/** Customer value: lifetime value, who to save first, retention, the model's track record, health. */
export function ValuePage() {
  const me = useMe();
  const admin = me.data?.role === 'admin';
  const settings = useValueSettings();
  const unit = settings.data?.customerUnit ?? 'person';
  const [viewId, setViewId] = useState<string | null>(null);
  const views = useSavedViews(unit === 'person' ? 'people' : 'companies');
  const dashboard = useValueDashboard(viewId);
  const recompute = useRecompute();
  const [editing, edit] = useDisclosure();
  const d = dashboard.data;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            Customer value
          </Title>
          <Text c="dimmed">
            Lifetime value from each {unit === 'person' ? 'person' : 'company'}'s purchases (BG/NBD or
            Pareto/NBD with Gamma-Gamma), recomputed after new orders and nightly.
          </Text>
        </div>
        {admin && (
          <Group>
            <Button variant="default" onClick={edit.open} disabled={!settings.data}>
              Settings
            </Button>
            <Button onClick={() => recompute.mutate(undefined)} loading={recompute.isPending}>
              Recompute now
            </Button>
          </Group>
        )}
      </Group>
      {recompute.error && (
        <Alert color="red" role="alert">
          {recompute.error.message}
        </Alert>
      )}
      <Select
        label="Segment"
        placeholder="Every customer"
        clearable
        data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        value={viewId}
        onChange={setViewId}
        w={260}
      />
      <PanelStatus
        error={dashboard.error}
        pending={dashboard.isPending}
        empty={d && d.customers === 0 && 'No figures yet: they come with the first paid orders.'}
      />
      {d && d.customers > 0 && <DashboardBody dashboard={d} />}
      {settings.data && (
        <ValueSettingsDrawer settings={settings.data} opened={editing} onClose={edit.close} />
      )}
    </Stack>
  );
}

function DashboardBody({ dashboard: d }: { dashboard: ValueDashboard }) {
  return (
    <>
      {d.fit && (
        <Text size="sm" c="dimmed">
          {fitText(d.fit)}, {formatDateTime(d.fit.computedAt)}.
        </Text>
      )}
      {d.fit && d.fit.warnings.length > 0 && (
        <Alert color="yellow" title="Read these figures with care">
          {d.fit.warnings.map((w) => (
            <Text key={w.code} size="sm">
              {w.message}
            </Text>
          ))}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <ClvDistribution dashboard={d} />
        <Quadrants dashboard={d} />
        {d.tracking ? (
          <TrackingCharts tracking={d.tracking} />
        ) : (
          <Section title="Model tracking: actual against predicted">
            <Text size="sm" c="dimmed">
              Not enough history yet to hold some out and check the model against it.
            </Text>
          </Section>
        )}
        <HealthOverTime points={d.healthOverTime} />
        <Segments dashboard={d} />
      </SimpleGrid>
      <Cohorts dashboard={d} />
    </>
  );
}

/** Lifetime value by segment (saved views) and by relationship type. */
function Segments({ dashboard: d }: { dashboard: ValueDashboard }) {
  const currency = d.currency ?? 'USD';
  const money = (minor: number) => formatMoney(minor, currency);
  const rows = [
    ...d.clvBySegment.views.map((v) => ({ ...v, key: v.viewId })),
    ...d.clvBySegment.relationshipTypes.map((t) => ({
      ...t,
      key: t.relationshipType,
      name: label(t.relationshipType),
    })),
  ];
  return (
    <Section title="Lifetime value by segment">
      <Table striped aria-label="Lifetime value by segment">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Segment</Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
            <Table.Th ta="right">Mean CLV</Table.Th>
            <Table.Th ta="right">Median</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ta="right">{r.customers.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{money(r.meanMinor)}</Table.Td>
              <Table.Td ta="right">{money(r.medianMinor)}</Table.Td>
              <Table.Td ta="right">{money(r.totalMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
