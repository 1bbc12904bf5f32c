import { Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { AnchorLink } from '../../shared/links';
import { TimelineEntries } from '../timeline/TimelineItem';
import type { Order } from './order';

const DAY = 86_400_000;
/** How far after the order the context reaches: the delivery, the questions, the complaint. */
const AFTER_DAYS = 30;

/**
 * The order where it sits in the customer's history: what happened in the month after it and
 * just before it (newest first), this order marked; the whole timeline is a link away.
 */
export function OrderContext({ order }: { order: Order }) {
  const customer = order.personId
    ? ({ personId: order.personId } as const)
    : order.companyId
      ? ({ companyId: order.companyId } as const)
      : null;
  const id = customer?.personId ?? customer?.companyId ?? '';
  const until = new Date(new Date(order.orderedAt).getTime() + AFTER_DAYS * DAY).toISOString();
  const entries = useQuery({
    queryKey: ['timeline', id, 'until', until],
    enabled: !!customer,
    queryFn: () => {
      const params = { path: { id }, query: { until, limit: 10 } };
      return call(
        customer?.personId
          ? api.GET('/api/v1/people/{id}/timeline', { params })
          : api.GET('/api/v1/companies/{id}/timeline', { params }),
      );
    },
  });
  if (!customer) return null;
  return (
    <Card withBorder component="section" aria-label="Around this order">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Around this order
        </Title>
        {customer.personId ? (
          <AnchorLink to="/people/$personId" params={{ personId: customer.personId }} size="sm">
            Whole timeline of {order.personName}
          </AnchorLink>
        ) : (
          <AnchorLink to="/companies/$companyId" params={{ companyId: id }} size="sm">
            Whole timeline of {order.companyName}
          </AnchorLink>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        The customer's history up to {AFTER_DAYS} days after the order, newest first.
      </Text>
      <TimelineEntries entries={entries.data?.data ?? []} error={entries.error} currentId={order.id} />
    </Card>
  );
}
