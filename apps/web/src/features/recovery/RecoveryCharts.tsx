import { BarChart, CompositeChart } from '@mantine/charts';
import { Badge, Box, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { hoursText, type ResolutionTimes, type RootCausePareto } from './recovery';

const TREND_COLOR = { rising: 'red', falling: 'teal', steady: 'gray' } as const;

/** Root causes ranked: bars of counts and the cumulative share as a line (Pareto), with the trend. */
export function RootCausesSection({ pareto: p }: { pareto: RootCausePareto }) {
  const data = p.data.map((d) => ({
    cause: d.name,
    Cases: d.count,
    'Cumulative share': Math.round(d.cumulativeShare * 1000) / 10,
  }));
  return (
    <Box component="section" aria-label="Root causes">
      <Title order={2} size="h4" mb="xs">
        Root causes
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {p.cases.toLocaleString()} cases opened in the period, {p.withoutCause.toLocaleString()} without a
        root cause. Trend: against the previous period of the same length (exact 95% interval of the rate
        ratio).
      </Text>
      {data.length === 0 ? (
        <Text c="dimmed">No root causes recorded in the period.</Text>
      ) : (
        <>
          <figure aria-label="Cases per root cause with the cumulative share" style={{ margin: 0 }}>
            <CompositeChart
              h={260}
              data={data}
              dataKey="cause"
              withRightYAxis
              rightYAxisProps={{ domain: [0, 100] }}
              rightYAxisLabel="Cumulative %"
              series={[
                { name: 'Cases', color: 'blue.6', type: 'bar' },
                { name: 'Cumulative share', color: 'orange.6', type: 'line', yAxisId: 'right' },
              ]}
              curveType="linear"
              barProps={{ isAnimationActive: false }}
              lineProps={{ isAnimationActive: false }}
            />
          </figure>
          <Table striped mt="sm" aria-label="Root causes ranked">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Root cause</Table.Th>
                <Table.Th>Cases</Table.Th>
                <Table.Th>Cumulative share</Table.Th>
                <Table.Th>Previous period</Table.Th>
                <Table.Th>Trend</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.data.map((d) => (
                <Table.Tr key={d.rootCauseId}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.count.toLocaleString()}</Table.Td>
                  <Table.Td>{Math.round(d.cumulativeShare * 100)}%</Table.Td>
                  <Table.Td>{d.previousCount.toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Badge color={TREND_COLOR[d.trend]} variant="light">
                      {d.trend}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Box>
  );
}

/** How long cases waited to be acknowledged and to be resolved. */
export function TimesSection({ times: t }: { times: ResolutionTimes }) {
  const stages = [
    { title: 'Time to acknowledge', d: t.acknowledge },
    { title: 'Time to resolve', d: t.resolve },
  ];
  return (
    <Box component="section" aria-label="Time to acknowledge and to resolve">
      <Title order={2} size="h4" mb="xs">
        Time to acknowledge and to resolve
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Clock time from opening (waiting on the customer included); {t.open.unacknowledged.toLocaleString()}{' '}
        cases not yet acknowledged and {t.open.unresolved.toLocaleString()} not yet resolved are not in these
        figures.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {stages.map(({ title, d }) => (
          <figure key={title} aria-label={`${title}: cases per band`} style={{ margin: 0 }}>
            <Text size="sm" fw={600} component="figcaption">
              {title}: median {hoursText(d.medianHours)}, 90th percentile {hoursText(d.p90Hours)} ({d.n}{' '}
              cases)
            </Text>
            <BarChart
              h={200}
              data={d.bins.map((b) => ({ band: b.label, Cases: b.count }))}
              dataKey="band"
              series={[{ name: 'Cases', color: 'teal.6' }]}
              tickLine="y"
              barProps={{ isAnimationActive: false }}
            />
          </figure>
        ))}
      </SimpleGrid>
    </Box>
  );
}
