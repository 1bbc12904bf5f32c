import { Card, SimpleGrid, Table, Text } from '@mantine/core';
import { formatMoney } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { Section } from './ValueCharts';
import { percent, type ValueDashboard } from './value';

type Quadrant = ValueDashboard['quadrants']['cells'][number]['quadrant'];
const ORDER: Quadrant[] = ['save', 'keep', 'let_go', 'grow'];
const COLOR: Record<Quadrant, string> = { save: 'red', keep: 'teal', let_go: 'gray', grow: 'blue' };
const MEANING: Record<Quadrant, string> = {
  save: 'valuable, but likely drifting away: call them first',
  keep: 'valuable and active: look after them',
  let_go: 'little value, likely gone',
  grow: 'active, not yet valuable: help them buy more',
};

/** Who to save first: value (spend to date) against the chance of still being a customer. */
export function Quadrants({ dashboard: d }: { dashboard: ValueDashboard }) {
  const q = d.quadrants;
  const currency = d.currency ?? 'USD';
  const money = (minor: number) => formatMoney(minor, currency);
  const cells = new Map(q.cells.map((c) => [c.quadrant, c]));
  const person = d.customerUnit === 'person';
  return (
    <Section title="Value against chance still active">
      <Text size="sm" c="dimmed" mb="xs">
        High value is spend to date of at least {money(q.valueThresholdMinor)} (the median); active is a
        chance of at least {percent(q.pAliveThreshold)} of still being a customer. Save first: valuable
        customers slipping away but not yet gone (a chance of 5% or more), largest value at risk first.
      </Text>
      <SimpleGrid cols={2} spacing="xs" mb="sm" aria-label="Quadrants">
        {ORDER.map((key) => {
          const cell = cells.get(key);
          return (
            <Card
              key={key}
              withBorder
              padding="sm"
              style={{ borderLeft: `4px solid var(--mantine-color-${COLOR[key]}-6)` }}
            >
              <Text fw={600}>{cell?.label ?? key}</Text>
              <Text fz={24} fw={700}>
                {(cell?.customers ?? 0).toLocaleString()}
              </Text>
              <Text size="xs" c="dimmed">
                {MEANING[key]}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
      {q.saveFirst.length > 0 && (
        <Table striped aria-label="Save first">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Save first</Table.Th>
              <Table.Th ta="right">Spent</Table.Th>
              <Table.Th ta="right">CLV</Table.Th>
              <Table.Th ta="right">Chance active</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.saveFirst.map((c) => (
              <Table.Tr key={c.subjectId}>
                <Table.Td>
                  {person ? (
                    <AnchorLink to="/people/$personId" params={{ personId: c.subjectId }}>
                      {c.name}
                    </AnchorLink>
                  ) : (
                    <AnchorLink to="/companies/$companyId" params={{ companyId: c.subjectId }}>
                      {c.name}
                    </AnchorLink>
                  )}
                </Table.Td>
                <Table.Td ta="right">{money(c.monetaryMinor)}</Table.Td>
                <Table.Td ta="right">{money(c.clvMinor)}</Table.Td>
                <Table.Td ta="right">
                  {percent(c.pAlive)}
                  {c.pAliveBefore !== null && c.pAliveBefore > c.pAlive && (
                    <Text span size="xs" c="red">
                      {' '}
                      (was {percent(c.pAliveBefore)})
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
