import { Badge, Table, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatMoney } from '../../shared/format';
import { HEALTH_COLOR } from './value';

/** A list row's health and lifetime value (empty cells for a customer without figures). */
export function ValueCells({ value }: { value: Schemas['ValueBrief'] | null }) {
  if (!value) {
    return (
      <>
        <Table.Td />
        <Table.Td />
      </>
    );
  }
  return (
    <>
      <Table.Td>
        <Badge
          variant="light"
          color={HEALTH_COLOR[value.healthBand]}
          aria-label={`Health ${value.health}, ${value.healthBand}`}
        >
          {value.health}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{formatMoney(value.clvMinor, value.currency)}</Text>
      </Table.Td>
    </>
  );
}
