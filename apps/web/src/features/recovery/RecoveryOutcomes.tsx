import { BarChart } from '@mantine/charts';
import { Box, List, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../../shared/format';
import type { OutcomeWindow, RecoveryOutcomes } from './recovery';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10}%`);
const interval = (ci: { low: number; high: number } | null, show: (v: number) => string) =>
  ci ? `${show(ci.low)} to ${show(ci.high)}` : '–';

interface Measure {
  title: string;
  unit: string;
  value: (w: OutcomeWindow) => number | null;
  ci: (w: OutcomeWindow) => { low: number; high: number } | null;
  n: (w: OutcomeWindow) => number;
}

/** The four groups side by side for each measure, with the 95% intervals in the table below. */
export function OutcomesSection({ outcomes: o }: { outcomes: RecoveryOutcomes }) {
  const [days, setDays] = useState('90');
  const k = days === '90' ? 0 : 1;
  const money = (minor: number) => formatMoney(minor, o.currency ?? 'USD');
  const measures: Measure[] = [
    {
      title: 'Repurchase rate',
      unit: '%',
      value: (w) => (w.repurchase.rate === null ? null : Math.round(w.repurchase.rate * 1000) / 10),
      ci: (w) => w.repurchase.ci && { low: 100 * w.repurchase.ci.low, high: 100 * w.repurchase.ci.high },
      n: (w) => w.repurchase.n,
    },
    { title: 'NPS', unit: '', value: (w) => w.nps.score, ci: (w) => w.nps.ci, n: (w) => w.nps.n },
    {
      title: 'Mean CLV change',
      unit: '',
      value: (w) => (w.clvChange.meanMinor === null ? null : w.clvChange.meanMinor / 100),
      ci: (w) => w.clvChange.ci && { low: w.clvChange.ci.low / 100, high: w.clvChange.ci.high / 100 },
      n: (w) => w.clvChange.n,
    },
  ];
  return (
    <Box component="section" aria-label="Outcomes after a complaint">
      <Title order={2} size="h4" mb="xs">
        Outcomes after a complaint
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Each complainer's first complaint of the period, against customers who bought in the period and never
        complained (from their first order of it). A window counts once it has ended. Bars: the estimate; the
        table gives each 95% interval and its n.
      </Text>
      <SegmentedControl
        aria-label="Window"
        value={days}
        onChange={setDays}
        data={[
          { value: '90', label: 'Following 90 days' },
          { value: '180', label: 'Following 180 days' },
        ]}
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="sm">
        {measures.map((m) => (
          <figure key={m.title} aria-label={`${m.title} by group, ${days} days`} style={{ margin: 0 }}>
            <Text size="sm" fw={600} component="figcaption">
              {m.title}
            </Text>
            <BarChart
              h={200}
              data={o.groups.map((g) => ({ group: g.label, [m.title]: m.value(g.windows[k]!) ?? 0 }))}
              dataKey="group"
              series={[{ name: m.title, color: 'blue.6' }]}
              unit={m.unit}
              tickLine="y"
              xAxisProps={{ interval: 0, tick: { fontSize: 10 } }}
              barProps={{ isAnimationActive: false }}
            />
          </figure>
        ))}
      </SimpleGrid>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={`Outcomes over ${days} days`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Customers (measured)</Table.Th>
              <Table.Th>Repurchase (95% interval)</Table.Th>
              <Table.Th>NPS (95% interval), n</Table.Th>
              <Table.Th>CLV change: mean (95% interval), median, n</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.groups.map((g) => {
              const w = g.windows[k]!;
              return (
                <Table.Tr key={g.group}>
                  <Table.Td>{g.label}</Table.Td>
                  <Table.Td>
                    {g.customers.toLocaleString()} ({w.customers.toLocaleString()} with the window ended)
                  </Table.Td>
                  <Table.Td>
                    {pct(w.repurchase.rate)} ({interval(w.repurchase.ci, pct)})
                  </Table.Td>
                  <Table.Td>
                    {w.nps.score ?? '–'} ({interval(w.nps.ci, (v) => String(Math.round(v)))}), {w.nps.n}
                  </Table.Td>
                  <Table.Td>
                    {w.clvChange.meanMinor === null ? '–' : money(w.clvChange.meanMinor)} (
                    {interval(w.clvChange.ci, money)}),{' '}
                    {w.clvChange.medianMinor === null ? '–' : money(w.clvChange.medianMinor)}, {w.clvChange.n}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {o.excluded.unrated > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {o.excluded.unrated.toLocaleString()} complainers resolved on time without a CSAT answer are in
          neither resolved group.
        </Text>
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        What the intervals say
      </Title>
      {o.findings.length ? (
        <List size="sm" aria-label="Findings">
          {o.findings.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          Not enough data yet: the groups need customers whose window has ended.
        </Text>
      )}
    </Box>
  );
}
