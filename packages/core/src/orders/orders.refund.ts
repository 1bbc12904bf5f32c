import type { OrderLinesTable, OrdersTable } from '@rapport/db';
import type { Insertable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError, type ErrorDetail, notFound } from '../shared/errors.ts';
import { queueValueRecompute } from '../value/value.service.ts';
import { emitEvents } from '../webhooks/webhooks.service.ts';
import { getOrders } from './orders.present.ts';
import * as repo from './orders.repo.ts';

/** What is refunded: the whole order, or some of its products (by SKU, default the whole quantity left). */
export interface RefundInput {
  lines?: { sku: string; quantity?: number | undefined }[] | undefined;
}

/**
 * Refunds an order. Whole: its status becomes `refunded`. Some products: a line with the negative
 * quantity is added for each (the order's history stays as it was) and the totals drop by their
 * value; once nothing is left to refund, the status becomes `refunded` too. Refunding a refunded
 * order changes nothing. Emits `order.updated` with the order as it is after the refund.
 */
export async function refundOrder(ctx: Ctx, id: string, input: RefundInput): Promise<void> {
  const [order] = await repo.findOrdersWithLines(ctx, [id]);
  if (!order) throw notFound('order', id);
  if (order.status === 'refunded') return;
  await queueValueRecompute(ctx);
  if (!input.lines?.length) {
    await repo.updateOrder(ctx, id, { status: 'refunded' });
    return emitEvents(ctx, 'order.updated', [id], (ids) => getOrders(ctx, ids));
  }
  const lines = order.lines;
  const left = new Map<string, { line: repo.LineRow; quantity: number }>();
  for (const line of lines) {
    const key = line.sku ?? line.name;
    const entry = left.get(key) ?? { line, quantity: 0 };
    entry.quantity += line.quantity;
    if (line.quantity > 0) entry.line = line;
    left.set(key, entry);
  }
  const errors: ErrorDetail[] = [];
  const added: Insertable<OrderLinesTable>[] = [];
  let next = Math.max(0, ...lines.map((l) => l.line_no));
  for (const [index, wanted] of input.lines.entries()) {
    const entry = left.get(wanted.sku);
    if (!entry || entry.quantity <= 0) {
      errors.push({
        path: `lines.${index}.sku`,
        message: `${wanted.sku} is not on order ${id}, or is refunded already`,
      });
      continue;
    }
    const quantity = wanted.quantity ?? entry.quantity;
    if (!Number.isInteger(quantity) || quantity <= 0 || quantity > entry.quantity) {
      errors.push({
        path: `lines.${index}.quantity`,
        message: `must be a whole number from 1 to ${entry.quantity}`,
      });
      continue;
    }
    entry.quantity -= quantity;
    const unit = entry.line.unit_price_minor;
    added.push({
      workspace_id: ctx.workspaceId,
      order_id: id,
      line_no: ++next,
      product_id: entry.line.product_id,
      sku: entry.line.sku,
      name: entry.line.name,
      quantity: -quantity,
      unit_price_minor: unit,
      discount_minor: 0,
      total_minor: -quantity * unit,
    });
  }
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      `Cannot refund: ${errors[0]!.path}: ${errors[0]!.message}.`,
      errors,
    );
  }
  await repo.insertLines(ctx, added);
  const refunded = added.reduce((sum, line) => sum - line.total_minor, 0);
  const set: Updateable<OrdersTable> = {
    subtotal_minor: order.subtotal_minor - refunded,
    total_minor: order.total_minor - refunded,
  };
  if ([...left.values()].every((entry) => entry.quantity <= 0)) set.status = 'refunded';
  await repo.updateOrder(ctx, id, set);
  await emitEvents(ctx, 'order.updated', [id], (ids) => getOrders(ctx, ids));
}
