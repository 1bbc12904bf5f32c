import { Box, Group, Table, Text } from '@mantine/core';
import { Section } from './ValueCharts';
import { percent, type ValueDashboard } from './value';

/** Monthly cohorts by first order: the share of each buying again 1, 2, … months later. */
export function Cohorts({ dashboard: d }: { dashboard: ValueDashboard }) {
  const months = Math.min(12, Math.max(0, ...d.cohorts.map((c) => c.retention.length)));
  const r = d.repeatRate;
  return (
    <Section title="Cohort retention and repeat purchases">
      <Group gap="xl" mb="xs">
        <Text size="sm">
          <Text span fw={700}>
            {percent(r.rate)}
          </Text>{' '}
          of {r.customers.toLocaleString()} customers bought again ({r.repeaters.toLocaleString()} repeat
          customers).
        </Text>
      </Group>
      {d.cohorts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No cohort yet.
        </Text>
      ) : (
        // A region one can scroll with the keyboard when the months do not fit.
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Cohorts, month by month">
          <Table aria-label="Cohort retention" withTableBorder fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>First order</Table.Th>
                <Table.Th ta="right">Customers</Table.Th>
                {Array.from({ length: months }, (_, m) => (
                  <Table.Th key={m} ta="right">
                    {m === 0 ? 'Month 0' : `+${m}`}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.cohorts.map((c) => (
                <Table.Tr key={c.cohort}>
                  <Table.Th scope="row">{c.cohort}</Table.Th>
                  <Table.Td ta="right">{c.customers.toLocaleString()}</Table.Td>
                  {Array.from({ length: months }, (_, m) => {
                    const share = c.retention[m];
                    return (
                      <Table.Td
                        key={m}
                        ta="right"
                        style={
                          share === undefined
                            ? undefined
                            : {
                                // at most 60% blue, so the dark figure stays readable on it
                                background: `color-mix(in srgb, var(--mantine-color-blue-3) ${Math.round(share * 60)}%, transparent)`,
                              }
                        }
                      >
                        {share === undefined ? '' : percent(share)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Section>
  );
}
