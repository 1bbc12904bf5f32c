import type { OrderLinesTable, OrdersTable } from '@rapport/db';
import type { Insertable } from 'kysely';
import { companiesByIds } from '../companies/companies.service.ts';
import { peopleByIds } from '../people/people.service.ts';
import type { Product } from '../products/products.schema.ts';
import { productsById, productsBySku } from '../products/products.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, type ErrorDetail, fromZod, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { queueValueRecompute } from '../value/value.service.ts';
import { emitEvents } from '../webhooks/webhooks.service.ts';
import { getOrders } from './orders.present.ts';
import * as repo from './orders.repo.ts';
import { type OrderCreate, orderCreate } from './orders.schema.ts';

type Value = ReturnType<typeof orderCreate.parse>;
type LineInput = Value['lines'][number];

interface Products {
  byId: Map<string, Product>;
  bySku: Map<string, Product>;
}

/** Fills names and prices from the products, computes line totals; every problem with its path. */
function buildLines(ctx: Ctx, orderId: string, currency: string, lines: LineInput[], products: Products) {
  const errors: ErrorDetail[] = [];
  const rows: Insertable<OrderLinesTable>[] = [];
  for (const [index, line] of lines.entries()) {
    const product = line.productId
      ? products.byId.get(line.productId)
      : line.sku
        ? products.bySku.get(line.sku)
        : undefined;
    if (line.productId && !product)
      errors.push({ path: `lines.${index}.productId`, message: `no product ${line.productId}` });
    else if (!line.productId && line.sku && !product && !line.name) {
      errors.push({
        path: `lines.${index}.sku`,
        message: `no product with SKU ${line.sku}; give a name to sell it anyway`,
      });
    }
    let unit = line.unitPriceMinor;
    if (unit === undefined) {
      if (product?.priceMinor != null && product.currency === currency) unit = product.priceMinor;
      else
        errors.push({
          path: `lines.${index}.unitPriceMinor`,
          message: `needed: the product has no ${currency} price`,
        });
    }
    if (unit === undefined) continue;
    rows.push({
      workspace_id: ctx.workspaceId,
      order_id: orderId,
      line_no: index + 1,
      product_id: product?.id ?? null,
      sku: line.sku ?? product?.sku ?? null,
      name: line.name ?? product?.name ?? line.sku ?? '',
      quantity: line.quantity,
      unit_price_minor: unit,
      discount_minor: line.discountMinor,
      total_minor: line.quantity * unit - line.discountMinor,
    });
  }
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `Invalid order line: ${errors[0]!.path}: ${errors[0]!.message}.`,
      errors,
    );
  return rows;
}

/** The customer must exist in this workspace and not be merged away. */
function checkReference(
  found: Map<string, { mergedIntoId: string | null }>,
  entity: 'person' | 'company',
  id: string | null | undefined,
) {
  if (!id) return;
  const record = found.get(id);
  const path = entity === 'person' ? 'personId' : 'companyId';
  if (!record) throw notFound(entity, id, path);
  if (record.mergedIntoId) {
    const name = entity === 'person' ? 'Person' : 'Company';
    throw new AppError('merged', `${name} ${id} was merged into ${record.mergedIntoId}.`, [], {
      mergedIntoId: record.mergedIntoId,
    });
  }
}

function orderRow(ctx: Ctx, id: string, value: Value, lines: Insertable<OrderLinesTable>[]) {
  const subtotal = lines.reduce((sum, line) => sum + line.total_minor, 0);
  const computed = subtotal - value.discountMinor + value.taxMinor + value.shippingMinor;
  if (lines.length && value.totalMinor !== undefined && value.totalMinor !== computed) {
    throw new AppError(
      'validation_failed',
      `totalMinor ${value.totalMinor} does not match the lines (${computed}).`,
      [{ path: 'totalMinor', message: `lines - discount + tax + shipping = ${computed}` }],
    );
  }
  const now = ctx.clock.now();
  const row: Insertable<OrdersTable> = {
    id,
    workspace_id: ctx.workspaceId,
    external_id: value.externalId ?? null,
    person_id: value.personId ?? null,
    company_id: value.companyId ?? null,
    status: value.status,
    ordered_at: value.orderedAt ? new Date(value.orderedAt) : now,
    currency: value.currency,
    subtotal_minor: lines.length ? subtotal : (value.totalMinor ?? 0),
    discount_minor: value.discountMinor,
    tax_minor: value.taxMinor,
    shipping_minor: value.shippingMinor,
    total_minor: lines.length ? computed : value.totalMinor!,
    channel: value.channel ?? null,
    created_at: now,
    updated_at: now,
  };
  return row;
}

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/**
 * Creates several orders at once, set-based: their customers and products are read in one query
 * each, the orders and their lines written in one insert each. Each answer is the new order's id,
 * or why that order was refused (checked as createOrder checks one); the others are written,
 * and an `order.created` webhook event is emitted for each.
 */
export async function createOrders(
  ctx: Ctx,
  inputs: OrderCreate[],
): Promise<({ id: string } | { error: AppError })[]> {
  const values = inputs.map((input) => {
    const parsed = orderCreate.safeParse(input);
    return parsed.success ? parsed.data : fromZod(parsed.error);
  });
  const valid = values.filter((v): v is Value => !(v instanceof AppError));
  const lines = valid.flatMap((v) => v.lines);
  const [people, companies, byId, bySku] = await Promise.all([
    peopleByIds(ctx, unique(valid.map((v) => v.personId))),
    companiesByIds(ctx, unique(valid.map((v) => v.companyId))),
    productsById(ctx, unique(lines.map((l) => l.productId))),
    productsBySku(ctx, unique(lines.map((l) => (l.productId ? null : l.sku)))),
  ]);
  const found = {
    person: new Map(people.map((p) => [p.id, p])),
    company: new Map(companies.map((c) => [c.id, c])),
  };
  const orders: Insertable<OrdersTable>[] = [];
  const allLines: Insertable<OrderLinesTable>[] = [];
  const answers = values.map((value) => {
    if (value instanceof AppError) return { error: value };
    try {
      checkReference(found.person, 'person', value.personId);
      checkReference(found.company, 'company', value.companyId);
      const id = newId('order');
      const orderLines = buildLines(ctx, id, value.currency, value.lines, { byId, bySku });
      orders.push(orderRow(ctx, id, value, orderLines));
      allLines.push(...orderLines);
      return { id };
    } catch (error) {
      if (error instanceof AppError) return { error };
      throw error;
    }
  });
  await repo.insertOrders(ctx, orders, allLines);
  if (orders.length) await queueValueRecompute(ctx);
  await emitEvents(
    ctx,
    'order.created',
    orders.map((order) => order.id!),
    (ids) => getOrders(ctx, ids),
  );
  return answers;
}
