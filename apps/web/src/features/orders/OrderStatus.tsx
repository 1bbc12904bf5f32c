import { Card, Select, Text, Timeline, Title } from '@mantine/core';
import { ORDER_STATUSES } from '../../api/enums';
import { formatDateTime } from '../../shared/format';
import { useUserNames } from '../users/users';
import { type Order, type OrderDetail, type OrderStatus, statusLabel, useUpdateOrder } from './order';

/** For those who may write: change the status in place (the server records who and when). */
export function OrderStatusSelect({ order }: { order: Order }) {
  const save = useUpdateOrder(order);
  return (
    <Select
      label="Status"
      w={180}
      allowDeselect={false}
      data={ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      value={order.status}
      onChange={(value) => value && value !== order.status && save.mutate({ status: value as OrderStatus })}
      disabled={save.isPending}
      error={save.error?.message}
    />
  );
}

const actorName = (actor: string | null, names: Map<string, string>) => {
  if (!actor) return null;
  if (actor === 'system') return 'Rapport';
  if (actor.startsWith('key_')) return 'an API key';
  return names.get(actor) ?? actor;
};

/** How the status went: when the order was recorded, then every change, with who made it. */
export function OrderHistory({ order }: { order: OrderDetail }) {
  const names = useUserNames();
  return (
    <Card withBorder component="section" aria-label="Status history">
      <Title order={2} size="h5" mb="sm">
        Status history
      </Title>
      <Timeline active={order.statusHistory.length - 1} bulletSize={14} lineWidth={2}>
        {order.statusHistory.map((step) => {
          const who = actorName(step.actor, names);
          return (
            <Timeline.Item
              key={`${step.at}-${step.to}`}
              title={
                step.from
                  ? `${statusLabel(step.from)} → ${statusLabel(step.to)}`
                  : `Recorded as ${statusLabel(step.to).toLowerCase()}`
              }
            >
              <Text size="xs" c="dimmed">
                <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                {who && ` · ${who}`}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
