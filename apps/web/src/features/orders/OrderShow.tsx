import { Alert, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from '@tanstack/react-router';
import { canWrite, useMe } from '../../session/session';
import { formatDateTime, formatMoney, label } from '../../shared/format';
import { AnchorLink } from '../../shared/links';
import { Notes } from '../notes/Notes';
import { OrderContext } from './OrderContext';
import { OrderForm } from './OrderForm';
import { OrderLines } from './OrderLines';
import { OrderHistory, OrderStatusSelect } from './OrderStatus';
import { orderNumber, STATUS_COLOR, statusLabel, useOrder } from './order';

/** One order: number, status, dates, customer, lines and totals, refunds, history and context. */
export function OrderShow() {
  const { orderId } = useParams({ from: '/orders/$orderId' });
  const order = useOrder(orderId);
  const me = useMe();
  const o = order.data;
  const [editing, edit] = useDisclosure();
  if (order.isPending) return <Loader aria-label="Loading" />;
  if (!o) {
    return (
      <Alert color="red" role="alert" title="This order could not be shown">
        {order.error?.message}
      </Alert>
    );
  }
  const writable = canWrite(me.data);
  const refund = o.status === 'refunded' ? o.statusHistory.findLast((s) => s.to === 'refunded') : undefined;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            Order {orderNumber(o)}
          </Title>
          <Text c="dimmed" size="sm">
            Ordered <time dateTime={o.orderedAt}>{formatDateTime(o.orderedAt)}</time>
            {o.externalId && ` · ${o.id}`}
          </Text>
          <Group gap={6} mt={6}>
            <Badge variant="light" color={STATUS_COLOR[o.status]}>
              {statusLabel(o.status)}
            </Badge>
            {o.channel && <Badge variant="light">Channel: {label(o.channel)}</Badge>}
            <Text size="sm" fw={600}>
              {formatMoney(o.totalMinor, o.currency)}
            </Text>
          </Group>
        </div>
        {writable && (
          <Group align="end" gap="sm">
            <OrderStatusSelect order={o} />
            <Button variant="default" onClick={edit.open}>
              Edit
            </Button>
          </Group>
        )}
      </Group>
      {o.status === 'refunded' && (
        <Alert color="red" title="Refunded">
          {formatMoney(o.totalMinor, o.currency)} went back to the customer
          {refund && refund.from !== null ? ` on ${formatDateTime(refund.at)}` : ''}.
        </Alert>
      )}
      {o.status === 'cancelled' && (
        <Alert color="gray" title="Cancelled">
          This order does not count in the customer's totals.
        </Alert>
      )}
      {writable && <OrderForm order={o} opened={editing} onClose={edit.close} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <OrderLines order={o} />
            <OrderContext order={o} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder component="section" aria-label="Customer">
              <Title order={2} size="h5" mb="xs">
                Customer
              </Title>
              {o.personId && (
                <Text size="sm">
                  <AnchorLink to="/people/$personId" params={{ personId: o.personId }} fw={600}>
                    {o.personName}
                  </AnchorLink>
                </Text>
              )}
              {o.companyId && (
                <Text size="sm">
                  <AnchorLink to="/companies/$companyId" params={{ companyId: o.companyId }} fw={600}>
                    {o.companyName}
                  </AnchorLink>
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                Recorded {formatDateTime(o.createdAt)} · changed {formatDateTime(o.updatedAt)}
              </Text>
            </Card>
            <OrderHistory order={o} />
            <Notes
              about={{ orderId: o.id, personId: o.personId, companyId: o.companyId }}
              writable={writable}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
