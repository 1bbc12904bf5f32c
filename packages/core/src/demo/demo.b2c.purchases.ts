import { type B2CContext, type Customer, consumables, type Home } from './demo.b2c.customers.ts';
import { SHOP_PRODUCTS, type ShopProduct, SOLD_OUT } from './demo.catalog.ts';
import type { Rng } from './demo.random.ts';
import { DAY, iso } from './demo.text.ts';

/** A purchase before it gets its id and number: who, when, what, through which channel. */
export interface Draft {
  customer: Customer;
  at: number;
  lines: { product: ShopProduct; qty: number }[];
  channel: Home | 'subscription' | 'wholesale';
  first: boolean;
}

const SEASON = [0.85, 0.9, 1, 1, 1, 0.95, 0.85, 0.85, 1, 1.05, 1.3, 1.8];
const SEASON_MAX = 1.8;

export function season(at: number): number {
  return SEASON[new Date(at).getUTCMonth()]!;
}

export function shopProducts(ctx: B2CContext): Map<string, string> {
  const ids = new Map<string, string>();
  for (const product of SHOP_PRODUCTS) {
    const id = ctx.ids.make('product', ctx.start);
    ids.set(product.sku, id);
    ctx.rows.products.push({
      id,
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category,
      price_minor: product.cents,
      currency: 'EUR',
      active: product.sku !== SOLD_OUT,
      created_at: iso(ctx.start),
      updated_at: iso(ctx.start),
    });
  }
  return ids;
}

/**
 * When a customer buys: the first purchase at acquisition; then, while still active, repeat
 * purchases as a Poisson process (thinned by the season), dropping out after each repeat
 * purchase with the customer's dropout probability: the BG/NBD story, by construction.
 */
function purchaseTimes(rng: Rng, c: Customer, now: number): number[] {
  const times = [c.acquiredAt];
  if (c.rate <= 0) return times;
  let t = c.acquiredAt;
  for (;;) {
    t += rng.exponential(c.rate * SEASON_MAX) * 7 * DAY;
    if (t >= now) return times;
    if (rng.next() * SEASON_MAX > season(t)) continue;
    times.push(t);
    if (rng.chance(c.dropout)) return times;
  }
}

const inSeason = (month: number) => (p: ShopProduct) => p.months.length === 0 || p.months.includes(month);

function closest(rng: Rng, pool: ShopProduct[], cents: number): ShopProduct | undefined {
  const fitting = pool.filter((p) => p.cents <= cents * 1.25);
  if (!fitting.length) return undefined;
  return rng.weighted(fitting, (p) => 1 / (1 + Math.abs(cents - p.cents) / 500));
}

/** What is on the shelf for one taste in one month (computed once per pair). */
interface Shelf {
  month: number;
  all: ShopProduct[];
  gifts: ShopProduct[];
  gear: ShopProduct[];
  winter: ShopProduct | null;
}

const shelves = new Map<string, Shelf>();

function shelf(taste: Customer['taste'], month: number, soldOut: boolean): Shelf {
  const key = `${taste}/${month}/${soldOut}`;
  let found = shelves.get(key);
  if (!found) {
    const seasonal = inSeason(month);
    const winter = SHOP_PRODUCTS.find(
      (p) => p.sku === (taste === 'tea' ? 'TE-WINTER-100' : 'CF-BL-WINTER-250'),
    )!;
    found = {
      month,
      all: consumables(taste).filter((p) => seasonal(p) && !(soldOut && p.sku === SOLD_OUT)),
      gifts: SHOP_PRODUCTS.filter(
        (p) => (p.category === 'gift' || p.category === 'gift_card') && seasonal(p),
      ),
      gear: SHOP_PRODUCTS.filter(
        (p) =>
          (p.category === 'equipment' || p.category === 'merch') &&
          (p.tastes.length === 0 || p.tastes.includes(taste)),
      ),
      winter: seasonal(winter) ? winter : null,
    };
    shelves.set(key, found);
  }
  return found;
}

/** What goes into one order: spend varies around the customer's own mean (Gamma-Gamma style). */
export function basket(rng: Rng, c: Customer, at: number, first: boolean, soldOut: boolean): Draft['lines'] {
  const { month, all, gifts, gear, winter } = shelf(c.taste, new Date(at).getUTCMonth() + 1, soldOut);
  const target = rng.gamma(5, c.spend / 5) * 100;
  const lines: Draft['lines'] = [];
  let remaining = target;
  const add = (product: ShopProduct, qty: number) => {
    lines.push({ product, qty });
    remaining -= product.cents * qty;
  };
  const favourites = c.favourites.filter((p) => inSeason(month)(p) && !(soldOut && p.sku === SOLD_OUT));
  const main =
    winter && rng.chance(0.3)
      ? winter
      : favourites.length && rng.chance(0.7)
        ? rng.pick(favourites)
        : rng.pick(all);
  add(main, Math.min(4, Math.max(1, Math.round((target * 0.55) / main.cents))));
  if (month >= 11 && rng.chance(month === 12 ? 0.3 : 0.12)) {
    const gift = closest(rng, gifts, Math.max(remaining, 2500));
    if (gift) add(gift, 1);
  }
  if (remaining > 1500 && rng.chance(first ? 0.35 : 0.12)) {
    const item = closest(rng, gear, remaining);
    if (item) add(item, 1);
  }
  while (remaining > 700 && lines.length < 5) {
    const next = closest(
      rng,
      all.filter((p) => !lines.some((l) => l.product === p)),
      remaining,
    );
    if (!next) break;
    add(next, remaining > next.cents * 2.4 && rng.chance(0.4) ? 2 : 1);
  }
  return lines;
}

export function customerDrafts(ctx: B2CContext, list: Customer[]): Draft[] {
  const { rng, now } = ctx;
  const drafts: Draft[] = [];
  for (const c of list) {
    if (!c.subscription && rng.chance(0.04)) continue; // signed up for the newsletter, never bought
    purchaseTimes(rng, c, now).forEach((at, i) => {
      const other: Home[] = (['web', 'store', 'app'] as const).filter((h) => h !== c.home);
      const channel = rng.chance(0.8) ? c.home : rng.pick(other);
      const lines = basket(rng, c, at, i === 0, at > now - 120 * DAY);
      drafts.push({ customer: c, at, lines, channel, first: i === 0 });
    });
    const sub = c.subscription;
    if (sub) {
      for (let at = sub.from; at < (sub.to ?? now); at += rng.int(28, 32) * DAY) {
        drafts.push({
          customer: c,
          at,
          lines: [{ product: sub.product, qty: 1 }],
          channel: 'subscription',
          first: false,
        });
      }
    }
  }
  return drafts;
}

const VAT: Record<string, number> = { coffee: 0.07, tea: 0.07, subscription: 0.07, gift_card: 0 };

/** Numbers, ids, statuses and money for every order, in time order. */
export function writeOrders(ctx: B2CContext, drafts: Draft[], productIds: Map<string, string>) {
  const { rng, now } = ctx;
  const priceChange = now - 420 * DAY;
  drafts.sort((a, b) => a.at - b.at);
  drafts.forEach((draft, n) => {
    const { customer, at } = draft;
    const id = ctx.ids.make('order', at);
    const number = `BL-${200000 + n}`;
    let subtotal = 0;
    let tax = 0;
    draft.lines.forEach((line, i) => {
      const unit = at < priceChange ? Math.round((line.product.cents * 0.93) / 10) * 10 : line.product.cents;
      const total = unit * line.qty;
      subtotal += total;
      const rate = VAT[line.product.category] ?? 0.19;
      tax += Math.round((total * rate) / (1 + rate));
      ctx.rows.order_lines.push({
        order_id: id,
        line_no: i + 1,
        product_id: productIds.get(line.product.sku) ?? null,
        sku: line.product.sku,
        name: line.product.name,
        quantity: line.qty,
        unit_price_minor: unit,
        discount_minor: 0,
        total_minor: total,
      });
    });
    const discount =
      draft.channel === 'wholesale'
        ? Math.round(subtotal * 0.15)
        : draft.first && customer.emailConsent && rng.chance(0.3)
          ? Math.round(subtotal * 0.1)
          : 0;
    const shipped = draft.channel === 'web' || draft.channel === 'app';
    const shipping = shipped && subtotal - discount < 3900 ? 490 : 0;
    const age = (now - at) / DAY;
    const status = rng.chance(0.012)
      ? 'refunded'
      : rng.chance(0.008)
        ? 'cancelled'
        : age < 3
          ? 'paid'
          : 'fulfilled';
    ctx.rows.orders.push({
      id,
      external_id: number,
      person_id: customer.personId,
      company_id: customer.companyId,
      status,
      ordered_at: iso(at),
      currency: 'EUR',
      subtotal_minor: subtotal,
      discount_minor: discount,
      tax_minor: Math.round(tax * (1 - discount / Math.max(1, subtotal))),
      shipping_minor: shipping,
      total_minor: subtotal - discount + shipping,
      channel: draft.channel,
      created_at: iso(at),
      updated_at: iso(status === 'fulfilled' ? at + 2 * DAY : at),
    });
    customer.orders.push({
      id,
      at,
      skus: draft.lines.map((l) => l.product.sku),
      web: shipped,
      number,
      total: subtotal - discount,
    });
  });
}
