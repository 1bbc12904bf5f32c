import type { Account, B2BContext } from './demo.b2b.records.ts';
import { FX } from './demo.b2b.world.ts';
import type { B2BProduct } from './demo.catalog.ts';
import { DAY, iso, officeTime } from './demo.text.ts';

export interface B2BOrder {
  id: string;
  account: Account;
  at: number;
  po: string;
  customerPo: string;
  batch: string;
  main: B2BProduct;
}

/** The dates of Helvetia's two price increases, and their size. */
export function priceIncreases(now: number) {
  return [
    { at: now - 790 * DAY, pct: 6 },
    { at: now - 82 * DAY, pct: 4.5 },
  ];
}

/** Products that are never the heart of an order, only an addition to it. */
const ADD_ONS = new Set([
  'FF-MEDIAFILL',
  'FF-VISINSP',
  'FF-LYO',
  'MT-ETO',
  'MT-PACK-VAL',
  'OSD-SERIAL',
  'OSD-TAB-COAT',
]);

const MONTHLY: Record<string, number> = { A: 2.2, B: 1.0, C: 0.45 };
const TIER_PRICE: Record<string, number> = { A: 0.9, B: 0.95, C: 1 };

/** How busy an account is at time `t`, relative to its normal rate. */
export function activity(account: Account, t: number, now: number): number {
  if (t < account.since || (account.until !== null && t > account.until)) return 0;
  const { story } = account.seed;
  if (story === 'recovered' && t > now - 1000 * DAY && t < now - 640 * DAY) return 0.5;
  if (story === 'churned' && account.until !== null && t > account.until - 180 * DAY) return 0.6;
  return 1;
}

/** Orders and their lines for every customer and distributor, with Helvetia's order numbers. */
export function orders(
  ctx: B2BContext,
  accounts: Account[],
  productIds: Map<string, { id: string }>,
): B2BOrder[] {
  const { rng, now } = ctx;
  const increases = priceIncreases(now);
  const drafts: { account: Account; at: number; lines: { product: B2BProduct; qty: number }[] }[] = [];
  for (const account of accounts) {
    const { seed } = account;
    if (!(seed.type === 'customer' || seed.type === 'distributor') || account.products.length === 0) continue;
    const base = seed.type === 'distributor' ? 0.9 : MONTHLY[seed.tier]!;
    const growth = rng.float(-0.1, 0.25);
    const core = account.products.filter(
      (p) => p.family !== 'services' && p.family !== 'tooling' && !ADD_ONS.has(p.sku),
    );
    const programme = rng.sample(core.length ? core : account.products, rng.int(1, 3));
    const extras = account.products.filter((p) => !programme.includes(p) && p.family !== 'tooling');
    const tooling = account.products.filter((p) => p.family === 'tooling');
    for (let month = account.since; month < now; month += 30.4 * DAY) {
      const years = (month - ctx.start) / (365 * DAY);
      const rate = base * Math.exp(growth * years) * activity(account, month, now);
      for (let n = rng.poisson(rate); n > 0; n--) {
        const at = officeTime(rng, month + rng.float(0, 30) * DAY, account.info.utcOffset);
        if (at >= now || activity(account, at, now) === 0) continue;
        if (tooling.length && rng.chance(0.05)) {
          drafts.push({ account, at, lines: [{ product: rng.pick(tooling), qty: 1 }] });
          continue;
        }
        const lines = [{ product: rng.pick(programme), qty: 0 }];
        const more = rng.weighted([0, 1, 2], (k) => [55, 30, 15][k]!);
        for (const product of rng.sample(extras, more)) lines.push({ product, qty: 0 });
        for (const line of lines) line.qty = rng.int(line.product.qty[0], line.product.qty[1]);
        drafts.push({ account, at, lines });
      }
    }
  }
  drafts.sort((a, b) => a.at - b.at);
  const seq = new Map<number, number>();
  const poBase = new Map<Account, number>();
  return drafts.map((draft) => {
    const { account, at } = draft;
    const year = new Date(at).getUTCFullYear() % 100;
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const po = (poBase.get(account) ?? rng.int(4_500_000_000, 4_599_000_000)) + rng.int(1, 40);
    poBase.set(account, po);
    const order: B2BOrder = {
      id: ctx.ids.make('order', at),
      account,
      at,
      po: `SO-${year}-${String(n).padStart(4, '0')}`,
      customerPo: `PO ${po}`,
      batch: `L${year}-${String(rng.int(100, 9999)).padStart(4, '0')}`,
      main: draft.lines[0]!.product,
    };
    const currency = account.info.currency;
    const index = increases.reduce((f, inc) => (at >= inc.at ? f * (1 + inc.pct / 100) : f), 1);
    let subtotal = 0;
    draft.lines.forEach((line, i) => {
      const unit = Math.round(line.product.chf * FX[currency] * index * TIER_PRICE[account.seed.tier]!) * 100;
      subtotal += unit * line.qty;
      ctx.rows.order_lines.push({
        order_id: order.id,
        line_no: i + 1,
        product_id: productIds.get(line.product.sku)?.id ?? null,
        sku: line.product.sku,
        name: line.product.name,
        quantity: line.qty,
        unit_price_minor: unit,
        discount_minor: 0,
        total_minor: unit * line.qty,
      });
    });
    const age = (now - at) / DAY;
    const status = rng.chance(0.02) ? 'cancelled' : age < 14 ? 'pending' : age < 40 ? 'paid' : 'fulfilled';
    const tax = account.seed.country === 'CH' ? Math.round(subtotal * 0.081) : 0;
    const shipping = order.main.family === 'rtu' ? Math.round(350 * FX[currency]) * 100 : 0;
    const channel =
      account.seed.type === 'distributor' ? 'portal' : account.seed.tier === 'A' ? 'edi' : 'email';
    ctx.rows.orders.push({
      id: order.id,
      external_id: order.po,
      person_id: null,
      company_id: account.id,
      status,
      ordered_at: iso(at),
      currency,
      subtotal_minor: subtotal,
      discount_minor: 0,
      tax_minor: tax,
      shipping_minor: shipping,
      total_minor: subtotal + tax + shipping,
      channel,
      created_at: iso(at),
      updated_at: iso(status === 'fulfilled' ? at + 21 * DAY : at),
    });
    return order;
  });
}
