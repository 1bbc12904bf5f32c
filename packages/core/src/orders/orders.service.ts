import type { OrdersTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { historyOf } from '../audit/audit.service.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { decodeCursor, type Page, parseSort, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { queueValueRecompute } from '../value/value.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import { createOrders } from './orders.create.ts';
import { statusHistory } from './orders.history.ts';
import { getOrders, presentRows } from './orders.present.ts';
import * as repo from './orders.repo.ts';
import {
  ORDER_SORTS,
  type Order,
  type OrderCreate,
  type OrderDetail,
  type OrdersQuery,
  type OrderTotals,
  type OrderUpdate,
  ordersQuery,
  orderUpdate,
} from './orders.schema.ts';

export async function createOrder(ctx: Ctx, input: OrderCreate): Promise<Order> {
  const [created] = await createOrders(ctx, [input]);
  if (!created || 'error' in created) throw created?.error;
  return getOrder(ctx, created.id);
}

export async function getOrder(ctx: Ctx, id: string): Promise<Order> {
  const [found] = await getOrders(ctx, [id]);
  if (!found) throw notFound('order', id);
  return found;
}

/** An order for its own page: with how its status went (recorded, paid, refunded, …). */
export async function getOrderDetail(ctx: Ctx, id: string): Promise<OrderDetail> {
  const found = await getOrder(ctx, id);
  return { ...found, statusHistory: statusHistory(found, await historyOf(ctx, 'orders', id)) };
}

export async function updateOrder(ctx: Ctx, id: string, input: OrderUpdate): Promise<OrderDetail> {
  const patch = parseInput(orderUpdate, input);
  const set: Updateable<OrdersTable> = {};
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.channel !== undefined) set.channel = patch.channel;
  if (!Object.keys(set).length) return getOrderDetail(ctx, id);
  if (!(await repo.updateOrder(ctx, id, set))) throw notFound('order', id);
  if (set.status !== undefined) await queueValueRecompute(ctx);
  const detail = await getOrderDetail(ctx, id);
  const { statusHistory: _, ...order } = detail;
  await emitEvent(ctx, 'order.updated', order);
  return detail;
}

export async function listOrders(ctx: Ctx, input: OrdersQuery): Promise<Page<Order>> {
  const query = parseInput(ordersQuery, input);
  const sort = parseSort(query.sort ?? '-orderedAt', ORDER_SORTS, 'orderedAt');
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await repo.listOrders(ctx, query, sort, query.limit, cursor);
  const key = sort.column as keyof repo.OrderRow;
  const page = toPage(
    rows,
    query.limit,
    (row) => row[key],
    (row) => row.id,
    (row) => row,
  );
  return { data: await presentRows(ctx, page.data), nextCursor: page.nextCursor };
}

/** What a person or company bought: counts and totals per currency, first and last order. */
export async function orderTotals(
  ctx: Ctx,
  by: { personId?: string; companyId?: string },
): Promise<OrderTotals> {
  const rows = await repo.totals(ctx, by);
  const first = rows.map((r) => r.first).filter(Boolean) as Date[];
  const last = rows.map((r) => r.last).filter(Boolean) as Date[];
  return {
    count: rows.reduce((n, r) => n + Number(r.count), 0),
    byCurrency: rows.map((r) => ({
      currency: r.currency,
      totalMinor: Number(r.total),
      count: Number(r.count),
    })),
    firstOrderedAt: first.length ? new Date(Math.min(...first.map(Number))).toISOString() : null,
    lastOrderedAt: last.length ? new Date(Math.max(...last.map(Number))).toISOString() : null,
  };
}

/**
 * Where a customer stands among the workspace's buyers by order value: the smallest share of
 * buyers (0–1) who spent more, over the currencies the customer bought in; null if they never
 * bought. 0 is the biggest spender; below 0.2, the top 20%.
 */
export async function orderValueShare(
  ctx: Ctx,
  by: { personId: string } | { companyId: string },
): Promise<number | null> {
  const ranks =
    'personId' in by
      ? await repo.valueRanks(ctx, 'person_id', by.personId)
      : await repo.valueRanks(ctx, 'company_id', by.companyId);
  if (!ranks.length) return null;
  return Math.min(...ranks.map((r) => r.above / r.customers));
}

/** For merges. */
export function moveOrdersOfPerson(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveOrders(ctx, 'person_id', fromId, toId);
}

export function moveOrdersOfCompany(ctx: Ctx, fromId: string, toId: string) {
  return repo.moveOrders(ctx, 'company_id', fromId, toId);
}

/** The orders with these external ids (an order number in the shop): external id → order id. */
export async function orderIdsByExternalIds(ctx: Ctx, externalIds: string[]): Promise<Map<string, string>> {
  const rows = await repo.idsByExternalIds(ctx, externalIds);
  return new Map(rows.map((row) => [row.external_id!, row.id]));
}

/** For search: orders by id or by the start of their external id (an order number). */
export async function findOrdersByReference(ctx: Ctx, text: string, limit = 5): Promise<Order[]> {
  const reference = text.trim();
  if (!reference) return [];
  const byId = reference.startsWith('ord_') ? await getOrders(ctx, [reference]) : [];
  return byId.length ? byId : presentRows(ctx, await repo.ordersByReference(ctx, reference, limit));
}

export { createOrders } from './orders.create.ts';
export { importOrders, type OrderImportRow } from './orders.import.ts';
export { getOrders } from './orders.present.ts';
export { type RefundInput, refundOrder } from './orders.refund.ts';

/** For exports: a page of orders (by id) with their lines. */
export async function ordersPage(ctx: Ctx, afterId: string | null, limit: number): Promise<Order[]> {
  return presentRows(ctx, await repo.ordersAfter(ctx, afterId, limit));
}
