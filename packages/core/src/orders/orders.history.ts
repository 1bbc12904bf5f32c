import type { AuditEntry } from '../audit/audit.schema.ts';
import { ORDER_STATUSES, type Order, type OrderStatusChange } from './orders.schema.ts';

type Status = (typeof ORDER_STATUSES)[number];
const isStatus = (value: unknown): value is Status => ORDER_STATUSES.includes(value as Status);

/**
 * How an order's status went, oldest first, from its audit entries: when it was recorded (its
 * `createdAt`, with the status it had then) and every change after (paid → fulfilled → refunded).
 */
export function statusHistory(order: Order, audit: AuditEntry[]): OrderStatusChange[] {
  const changes = audit.flatMap((entry) => {
    const status = entry.action === 'update' ? entry.changes?.status : undefined;
    if (!Array.isArray(status) || !isStatus(status[0]) || !isStatus(status[1])) return [];
    return [{ at: entry.at, from: status[0], to: status[1], actor: entry.actor }];
  });
  const created = audit.find((entry) => entry.action === 'create');
  const recorded: OrderStatusChange = {
    at: order.createdAt,
    from: null,
    to: changes[0]?.from ?? order.status,
    actor: created?.actor ?? null,
  };
  return [recorded, ...changes];
}
