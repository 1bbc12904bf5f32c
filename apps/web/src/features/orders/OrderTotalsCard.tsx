import { Card, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatDate, formatMoney } from '../../shared/format';

/** What a person or a company bought: how many orders, since when, how much per currency. */
export function OrderTotalsCard({ totals }: { totals: Schemas['OrderTotals'] }) {
  return (
    <Card withBorder component="section" aria-label="Orders">
      <Title order={2} size="h5" mb="xs">
        Orders
      </Title>
      {totals.count === 0 ? (
        <Text c="dimmed">No orders.</Text>
      ) : (
        <Stack gap={2}>
          <Text size="sm">
            {totals.count} orders
            {totals.firstOrderedAt &&
              `, ${formatDate(totals.firstOrderedAt)} to ${formatDate(totals.lastOrderedAt ?? totals.firstOrderedAt)}`}
          </Text>
          {totals.byCurrency.map((t) => (
            <Text key={t.currency} size="sm" fw={600}>
              {formatMoney(t.totalMinor, t.currency)} in {t.count} orders
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
