import type { Ctx } from '../shared/context.ts';
import * as repo from './orders.repo.ts';
import type { Order } from './orders.schema.ts';

function present(row: repo.OrderFull): Order {
  return {
    id: row.id,
    externalId: row.external_id,
    personId: row.person_id,
    personName: row.person_name,
    companyId: row.company_id,
    companyName: row.company_name,
    status: row.status,
    orderedAt: row.ordered_at.toISOString(),
    currency: row.currency,
    subtotalMinor: row.subtotal_minor,
    discountMinor: row.discount_minor,
    taxMinor: row.tax_minor,
    shippingMinor: row.shipping_minor,
    totalMinor: row.total_minor,
    channel: row.channel,
    lines: row.lines.map((line) => ({
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

/** Rows (in their order) as the API shows them: with lines and the customer's names. */
export function presentRows(ctx: Ctx, rows: repo.OrderRow[]): Promise<Order[]> {
  return getOrders(
    ctx,
    rows.map((row) => row.id),
  );
}

/** Orders by id, in the order of `ids` (unknown ids left out). */
export async function getOrders(ctx: Ctx, ids: string[]): Promise<Order[]> {
  const rows = await repo.findOrdersWithLines(ctx, ids);
  const byId = new Map(rows.map((row) => [row.id, present(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
