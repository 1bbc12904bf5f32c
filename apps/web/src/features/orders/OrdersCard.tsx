import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import type { About } from '../../shared/about';
import { formatDate, formatMoney, plural } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { orderNumber, STATUS_COLOR, statusLabel, useOrders } from './order';

/**
 * What a person or a company bought: how many orders, since when, how much per currency, then
 * the orders themselves, newest first, each a link to its page; more on request.
 */
export function OrdersCard({ about, totals }: { about: About; totals: Schemas['OrderTotals'] }) {
  const orders = useOrders(about);
  const list = orders.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder component="section" aria-label="Orders">
      <Title order={2} size="h5" mb="xs">
        Orders
      </Title>
      {totals.count > 0 && (
        <Stack gap={2} mb="xs">
          <Text size="sm">
            {plural(totals.count, 'order')}
            {totals.firstOrderedAt &&
              `, ${formatDate(totals.firstOrderedAt)} to ${formatDate(totals.lastOrderedAt ?? totals.firstOrderedAt)}`}
          </Text>
          {totals.byCurrency.map((t) => (
            <Text key={t.currency} size="sm" fw={600}>
              {formatMoney(t.totalMinor, t.currency)} in {plural(t.count, 'order')}
            </Text>
          ))}
        </Stack>
      )}
      {orders.error && (
        <Text c="red" role="alert">
          {orders.error.message}
        </Text>
      )}
      {!orders.isPending && list.length === 0 && <Text c="dimmed">No orders.</Text>}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map((o) => (
          <Group key={o.id} component="li" gap={6} wrap="wrap" justify="space-between">
            <Text size="sm">
              <AnchorLink to="/orders/$orderId" params={{ orderId: o.id }}>
                Order {orderNumber(o)}
              </AnchorLink>{' '}
              <Text span size="xs" c="dimmed">
                {formatDate(o.orderedAt)}
              </Text>
            </Text>
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color={STATUS_COLOR[o.status]}>
                {statusLabel(o.status)}
              </Badge>
              <Text size="sm">{formatMoney(o.totalMinor, o.currency)}</Text>
            </Group>
          </Group>
        ))}
      </Stack>
      {orders.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          onClick={() => orders.fetchNextPage()}
          loading={orders.isFetchingNextPage}
        >
          More orders
        </Button>
      )}
    </Card>
  );
}
