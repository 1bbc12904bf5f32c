import { logInteraction } from '../interactions/interactions.service.ts';
import { createOrders, listOrders, orderIdsByExternalIds, refundOrder } from '../orders/orders.service.ts';
import { ensureProducts } from '../products/products.service.ts';
import { CURRENCIES, minorDigits } from '../shared/fields.ts';
import type { InteractionEventRule } from '../sources/sources.schema.ts';
import type { Run } from './tracking.run.ts';
import type { Message } from './tracking.schema.ts';
import { TraitProblem } from './tracking.traits.ts';

/** Segment's e-commerce spec (v2): the track events that are orders. */
export const ORDER_COMPLETED = 'Order Completed';
export const ORDER_REFUNDED = 'Order Refunded';

type Raw = Record<string, unknown>;

function orderIdOf(p: Raw): string {
  const value = p.order_id ?? p.orderId;
  if ((typeof value !== 'string' && typeof value !== 'number') || value === '')
    throw new TraitProblem('properties.order_id', 'is required: the order’s id in your shop');
  const text = String(value);
  if (text.length > 200) throw new TraitProblem('properties.order_id', 'must be at most 200 characters');
  return text;
}

function currencyOf(p: Raw): string {
  const value = p.currency ?? 'USD';
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!CURRENCIES.has(code))
    throw new TraitProblem('properties.currency', 'must be an ISO 4217 currency code like EUR');
  return code;
}

/** An amount in major units (19.99, or "19.99") in the currency's minor units (1999). */
function minor(value: unknown, currency: string, path: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new TraitProblem(path, 'must be an amount like 19.99');
  return Math.round(number * 10 ** minorDigits(currency));
}

function productsOf(p: Raw): Raw[] {
  if (p.products === undefined || p.products === null) return [];
  if (!Array.isArray(p.products) || p.products.some((item) => typeof item !== 'object' || item === null))
    throw new TraitProblem('properties.products', 'must be a list of products');
  return p.products as Raw[];
}

const skuOf = (item: Raw) => {
  const value = item.sku ?? item.product_id ?? item.productId;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

/** A service's field path on the order (lines.2.unitPriceMinor) as the message's (properties.products.2.price). */
function orderPath(path: string): string {
  const line = /^lines\.(\d+)\.?(\w*)/.exec(path);
  if (line) {
    const field = { unitPriceMinor: 'price', quantity: 'quantity', name: 'name' }[line[2]!] ?? 'sku';
    return `properties.products.${line[1]}.${field}`;
  }
  const fields: Record<string, string> = {
    totalMinor: 'properties.total',
    discountMinor: 'properties.discount',
    taxMinor: 'properties.tax',
    shippingMinor: 'properties.shipping',
    currency: 'properties.currency',
    externalId: 'properties.order_id',
    personId: 'userId',
  };
  return fields[path] ?? path;
}

/** An Order Completed as the order to create (its lines' SKUs, names and prices as sent). */
function orderOf(run: Run, m: Message) {
  const p = m.properties;
  const externalId = orderIdOf(p);
  const currency = currencyOf(p);
  const personId = run.personOf(m);
  if (!personId) {
    throw new TraitProblem(
      m.userId ? 'userId' : 'anonymousId',
      'no person is known by this id yet: identify them (with an email or a name) before their orders',
    );
  }
  const lines = productsOf(p).map((item, index) => {
    const at = `properties.products.${index}`;
    const raw = item.quantity ?? 1;
    const quantity = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity === 0)
      throw new TraitProblem(`${at}.quantity`, 'must be a whole number other than 0');
    return {
      sku: skuOf(item),
      name: typeof item.name === 'string' && item.name.trim() ? item.name.trim().slice(0, 300) : undefined,
      category: typeof item.category === 'string' ? item.category.slice(0, 100) : null,
      quantity,
      unitPriceMinor: minor(item.price, currency, `${at}.price`),
    };
  });
  const total = minor(p.total, currency, 'properties.total');
  return {
    externalId,
    currency,
    lines,
    input: {
      externalId,
      personId,
      status: 'paid' as const,
      orderedAt: m.occurredAt,
      currency,
      lines: lines.map(({ category: _, ...line }) => line),
      discountMinor: Math.abs(minor(p.discount, currency, 'properties.discount') ?? 0),
      taxMinor: minor(p.tax, currency, 'properties.tax') ?? 0,
      shippingMinor: minor(p.shipping, currency, 'properties.shipping') ?? 0,
      totalMinor: lines.length
        ? total
        : (total ?? minor(p.revenue ?? p.value, currency, 'properties.revenue')),
      channel: 'online',
    },
  };
}

type Prepared = { m: Message; order: ReturnType<typeof orderOf> };

/**
 * Order Completed → orders with their lines, once per order_id, set-based through the orders
 * domain (products new to the catalogue are added by SKU first). An order the orders domain
 * refuses rejects its message alone.
 */
async function ordersCompleted(run: Run, orders: Prepared[]): Promise<void> {
  const existing = await orderIdsByExternalIds(
    run.ctx,
    orders.map((o) => o.order.externalId),
  );
  const seen = new Set(existing.keys());
  const fresh = orders.filter(({ order }) => !seen.has(order.externalId) && seen.add(order.externalId));
  if (fresh.length === 0) return;
  await ensureProducts(
    run.ctx,
    fresh.flatMap(({ order }) =>
      order.lines.flatMap((line) =>
        line.sku
          ? [
              {
                sku: line.sku,
                name: line.name ?? line.sku,
                category: line.category,
                priceMinor: line.unitPriceMinor,
                currency: order.currency,
              },
            ]
          : [],
      ),
    ),
  );
  const created = await createOrders(
    run.ctx,
    fresh.map(({ order }) => order.input),
  );
  created.forEach((answer, index) => {
    if (!('error' in answer)) return;
    const detail = answer.error.details[0];
    run.reject(
      fresh[index]!.m,
      orderPath(detail?.path ?? '(message)'),
      detail?.message ?? answer.error.message,
    );
  });
}

/** Order Refunded → the order refunded, whole or the products listed. */
async function orderRefunded(run: Run, m: Message): Promise<void> {
  const externalId = orderIdOf(m.properties);
  const order = (await listOrders(run.ctx, { externalId, limit: 1 })).data[0];
  if (!order) {
    throw new TraitProblem(
      'properties.order_id',
      'no order has this order_id: send its Order Completed first',
    );
  }
  const lines = productsOf(m.properties).map((item, index) => {
    const sku = skuOf(item);
    if (!sku) throw new TraitProblem(`properties.products.${index}.sku`, 'is required to refund a product');
    const quantity = typeof item.quantity === 'string' ? Number(item.quantity) : item.quantity;
    return { sku, quantity: typeof quantity === 'number' ? quantity : undefined };
  });
  await refundOrder(run.ctx, order.id, { lines });
}

function describe(properties: Raw): string | null {
  const lines = Object.entries(properties).map(
    ([key, value]) =>
      `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
  );
  return lines.length ? lines.join('\n').slice(0, 5000) : null;
}

/** A track event the source marks as an interaction → onto the person's timeline (once known). */
async function interaction(run: Run, m: Message, rule: InteractionEventRule): Promise<void> {
  const personId = run.personOf(m);
  if (!personId) return;
  await logInteraction(run.ctx, {
    channel: rule.channel,
    direction: rule.direction,
    occurredAt: m.occurredAt,
    subject: m.name,
    body: describe(m.properties),
    people: [{ personId, role: 'participant' }],
    externalId: run.eventIdOf.get(m) ?? null,
  });
}

/** The effect of a track event beyond being stored, if it has one (orders are done together). */
export function trackEffect(run: Run, m: Message): (() => Promise<void>) | null {
  if (m.name === ORDER_REFUNDED) return () => orderRefunded(run, m);
  const rule = run.source.interactionEvents.find((r) => r.event === m.name);
  return rule ? () => interaction(run, m, rule) : null;
}

/** Every Order Completed of a request: together, or (when that fails) one at a time, so only the culprit is rejected. */
export async function completeOrders(run: Run, messages: Message[]): Promise<void> {
  const orders: Prepared[] = [];
  for (const m of messages) {
    try {
      orders.push({ m, order: orderOf(run, m) });
    } catch (error) {
      if (!(error instanceof TraitProblem)) throw error;
      run.reject(m, error.path, error.message);
    }
  }
  if (orders.length === 0) return;
  if (await run.guarded(null, () => ordersCompleted(run, orders))) return;
  for (const order of orders) await run.guarded(order.m, () => ordersCompleted(run, [order]), orderPath);
}

export { orderPath };
