import type { OrdersTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { decodeCursor, type Page, parseSort, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { createOrders } from './orders.create.ts';
import * as repo from './orders.repo.ts';
import {
  ORDER_SORTS,
  type Order,
  type OrderCreate,
  type OrdersQuery,
  type OrderTotals,
  type OrderUpdate,
  ordersQuery,
  orderUpdate,
} from './orders.schema.ts';

function present(row: repo.OrderRow, lines: repo.LineRow[]): Order {
  return {
    id: row.id,
    externalId: row.external_id,
    personId: row.person_id,
    companyId: row.company_id,
    status: row.status,
    orderedAt: row.ordered_at.toISOString(),
    currency: row.currency,
    subtotalMinor: row.subtotal_minor,
    discountMinor: row.discount_minor,
    taxMinor: row.tax_minor,
    shippingMinor: row.shipping_minor,
    totalMinor: row.total_minor,
    channel: row.channel,
    lines: lines.map((line) => ({
      lineNo: line.line_no,
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unit_price_minor,
      discountMinor: line.discount_minor,
      totalMinor: line.total_minor,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function withLines(ctx: Ctx, rows: repo.OrderRow[]): Promise<Order[]> {
  const lines = await repo.linesOf(
    ctx,
    rows.map((row) => row.id),
  );
  const byOrder = new Map<string, repo.LineRow[]>();
  for (const line of lines) byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
  return rows.map((row) => present(row, byOrder.get(row.id) ?? []));
}

export async function createOrder(ctx: Ctx, input: OrderCreate): Promise<Order> {
  const [created] = await createOrders(ctx, [input]);
  if (!created || 'error' in created) throw created?.error;
  return getOrder(ctx, created.id);
}

export async function getOrder(ctx: Ctx, id: string): Promise<Order> {
  const [row] = await repo.findOrders(ctx, [id]);
  if (!row) throw notFound('order', id);
  return (await withLines(ctx, [row]))[0]!;
}

export async function getOrders(ctx: Ctx, ids: string[]): Promise<Order[]> {
  const rows = await repo.findOrdersWithLines(ctx, ids);
  const byId = new Map(rows.map((row) => [row.id, present(row, row.lines)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function updateOrder(ctx: Ctx, id: string, input: OrderUpdate): Promise<Order> {
  const patch = parseInput(orderUpdate, input);
  const set: Updateable<OrdersTable> = {};
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.channel !== undefined) set.channel = patch.channel;
  const row = Object.keys(set).length
    ? await repo.updateOrder(ctx, id, set)
    : (await repo.findOrders(ctx, [id]))[0];
  if (!row) throw notFound('order', id);
  return (await withLines(ctx, [row]))[0]!;
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
  return { data: await withLines(ctx, page.data), nextCursor: page.nextCursor };
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
  const byId = reference.startsWith('ord_') ? await repo.findOrders(ctx, [reference]) : [];
  const rows = byId.length ? byId : await repo.ordersByReference(ctx, reference, limit);
  return withLines(ctx, rows);
}

export { createOrders } from './orders.create.ts';
export { importOrders, type OrderImportRow } from './orders.import.ts';
export { type RefundInput, refundOrder } from './orders.refund.ts';

/** For exports: a page of orders (by id) with their lines. */
export async function ordersPage(ctx: Ctx, afterId: string | null, limit: number): Promise<Order[]> {
  return withLines(ctx, await repo.ordersAfter(ctx, afterId, limit));
}
