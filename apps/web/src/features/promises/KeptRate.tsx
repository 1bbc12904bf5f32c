import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../shared/format';
import { PanelStatus } from '../admin/PanelStatus';
import { useKeptRate } from './promises';

type By = 'owner' | 'team' | 'month';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Promise-kept rate per owner, team or month over the last 180 days: a table and a bar chart. */
export function KeptRate() {
  const [by, setBy] = useState<By>('owner');
  const rate = useKeptRate(by);
  const rows = rate.data?.data ?? [];
  const name = (key: string | null, n: string | null) => n ?? key ?? (by === 'owner' ? 'Nobody' : 'None');
  const chart = rows
    .filter((r) => r.keptRate !== null)
    .map((r) => ({ name: name(r.key, r.name), 'Kept on time': Math.round((r.keptRate ?? 0) * 100) }));
  return (
    <Card withBorder component="section" aria-label="Kept rate">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} size="h4">
            Kept rate
          </Title>
          {rate.data && (
            <Text size="xs" c="dimmed">
              Promises due {formatDate(rate.data.from)} – {formatDate(rate.data.to)}; kept on time ÷ settled.
            </Text>
          )}
        </div>
        <SegmentedControl
          aria-label="Kept rate by"
          value={by}
          onChange={(v) => setBy(v as By)}
          data={[
            { value: 'owner', label: 'Owner' },
            { value: 'team', label: 'Team' },
            { value: 'month', label: 'Month' },
          ]}
        />
      </Group>
      <PanelStatus
        error={rate.error}
        pending={rate.isPending}
        empty={rate.data && rows.length === 0 && 'No promise was due in this period.'}
      />
      {rows.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Table aria-label={`Kept rate per ${by}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{by === 'owner' ? 'Owner' : by === 'team' ? 'Team' : 'Month'}</Table.Th>
                <Table.Th ta="right">Promises</Table.Th>
                <Table.Th ta="right">Kept on time</Table.Th>
                <Table.Th ta="right">Late</Table.Th>
                <Table.Th ta="right">Broken</Table.Th>
                <Table.Th ta="right">Open</Table.Th>
                <Table.Th ta="right">Kept rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key ?? 'none'}>
                  <Table.Td>{name(r.key, r.name)}</Table.Td>
                  <Table.Td ta="right">{r.promises}</Table.Td>
                  <Table.Td ta="right">{r.keptOnTime}</Table.Td>
                  <Table.Td ta="right">{r.keptLate}</Table.Td>
                  <Table.Td ta="right">{r.broken}</Table.Td>
                  <Table.Td ta="right">{r.open}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {percent(r.keptRate)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {chart.length > 0 && (
            <figure aria-label="Kept rate, percent" style={{ margin: 0 }}>
              <BarChart
                h={Math.max(120, chart.length * 36)}
                data={chart}
                dataKey="name"
                orientation="vertical"
                series={[{ name: 'Kept on time', color: 'teal.6' }]}
                xAxisProps={{ domain: [0, 100] }}
                unit="%"
                withLegend={false}
                barProps={{ isAnimationActive: false }}
              />
            </figure>
          )}
        </SimpleGrid>
      )}
    </Card>
  );
}
