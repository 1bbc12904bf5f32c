/**
 * SDK-shaped tracking traffic for the ingestion benchmark: batches of about 100 messages as
 * @segment/analytics-node and analytics.js send them (about 1 KB each, ASCII), mostly track and
 * page, some identify, a few `Order Completed`, from many distinct users and anonymous visitors.
 *
 * Batches are made once as templates (JSON text) with two tokens that each send replaces: a
 * fresh messageId per message and a fresh order_id per order, so no two sends store the same
 * message or order and building a request costs one string join.
 */
export const MESSAGE_TOKEN = '@@MID@@';
export const ORDER_TOKEN = '@@OID@@';

export { random } from '../../packages/models/src/random.ts';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Linus',
  'Margaret',
  'Dennis',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Torvalds',
  'Hamilton',
  'Ritchie',
];
const EVENTS = [
  'Product Viewed',
  'Product Added',
  'Products Searched',
  'Cart Viewed',
  'Checkout Started',
  'Signed In',
  'Video Played',
  'Product Clicked',
];
const PAGES = ['Home', 'Product', 'Category', 'Search', 'Cart', 'Account', 'Blog Post', 'Pricing'];
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36 Edg/127.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
];
const SOURCES = ['google', 'newsletter', 'facebook', 'direct', 'partner'];

export interface TrafficShape {
  /** Identified users (`user-0` … `user-{users-1}`), each with a device (`anon-{n}`). */
  users: number;
  /** Anonymous visitors who never sign in (`visitor-{n}`). */
  visitors: number;
  /** Messages per batch, and of them identifies and orders. */
  batchSize: number;
  identifies: number;
  orders: number;
  /** Share of track/page messages from anonymous visitors. */
  anonymousShare: number;
}

export const DEFAULT_SHAPE: TrafficShape = {
  users: 50_000,
  visitors: 200_000,
  batchSize: 100,
  identifies: 6,
  orders: 2,
  anonymousShare: 0.15,
};

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

function context(rand: Rand, path: string, title: string) {
  const source = pick(rand, SOURCES);
  const search = `?utm_source=${source}&utm_medium=cpc`;
  return {
    library: { name: 'analytics.js', version: 'next-1.70.0' },
    ip: `203.0.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
    locale: 'de-CH',
    timezone: 'Europe/Zurich',
    userAgent: pick(rand, AGENTS),
    page: {
      path,
      referrer: 'https://www.google.com/',
      search,
      title,
      url: `https://shop.example${path}${search}`,
    },
    campaign: { source, medium: 'cpc', name: 'spring-sale' },
  };
}

function identity(rand: Rand, shape: TrafficShape) {
  if (rand() < shape.anonymousShare) return { anonymousId: `visitor-${Math.floor(rand() * shape.visitors)}` };
  const n = Math.floor(rand() * shape.users);
  return { userId: `user-${n}`, anonymousId: `anon-${n}` };
}

const common = (at: string) => ({ timestamp: at, integrations: {}, messageId: MESSAGE_TOKEN });

function track(rand: Rand, shape: TrafficShape, at: string) {
  const item = Math.floor(rand() * 500);
  const path = `/products/widget-${item}`;
  return {
    ...common(at),
    type: 'track',
    event: pick(rand, EVENTS),
    ...identity(rand, shape),
    properties: {
      product_id: `p-${item}`,
      sku: `SKU-${item}`,
      category: 'Tools',
      name: `Widget ${item}`,
      brand: 'Acme',
      variant: pick(rand, ['blue', 'red', 'green']),
      price: 19.99,
      quantity: 1,
      currency: 'EUR',
      position: Math.floor(rand() * 20),
      url: `https://shop.example${path}`,
    },
    context: context(rand, path, `Widget ${item} - Acme Shop`),
  };
}

function page(rand: Rand, shape: TrafficShape, at: string) {
  const name = pick(rand, PAGES);
  const path = `/${name.toLowerCase().replace(' ', '-')}/${Math.floor(rand() * 1000)}`;
  const title = `${name} - Acme Shop`;
  const search = '?utm_source=newsletter';
  return {
    ...common(at),
    type: 'page',
    name,
    ...identity(rand, shape),
    properties: {
      path,
      referrer: 'https://www.google.com/',
      search,
      title,
      url: `https://shop.example${path}${search}`,
    },
    context: context(rand, path, title),
  };
}

/** The identify of user `n`: always the same traits, as an app sends it at every sign-in. */
export function identify(n: number, at: string, rand: Rand) {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  return {
    ...common(at),
    type: 'identify',
    userId: `user-${n}`,
    anonymousId: `anon-${n}`,
    traits: {
      email: `user${n}@shop.example`,
      firstName: first,
      lastName: last,
      phone: `+41 44 ${String(100 + (n % 900))} ${String(10 + (n % 90))} ${String(10 + (n % 89))}`,
      plan: n % 3 === 0 ? 'pro' : 'free',
      createdAt: '2024-03-01T10:00:00.000Z',
      address: { city: 'Zurich', country: 'CH', postalCode: '8001' },
    },
    context: context(rand, '/account', 'Account - Acme Shop'),
  };
}

function order(rand: Rand, shape: TrafficShape, at: string) {
  const n = Math.floor(rand() * shape.users);
  const products = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
    const item = Math.floor(rand() * 500);
    return {
      product_id: `p-${item}`,
      sku: `SKU-${item}`,
      name: `Widget ${item}`,
      price: 19.99 + i,
      quantity: 1 + (i % 2),
    };
  });
  const revenue = products.reduce((sum, p) => sum + Math.round(p.price * 100) * p.quantity, 0);
  const tax = Math.round(revenue * 0.077);
  const shipping = 590;
  const discount = revenue > 5000 ? 500 : 0;
  return {
    ...common(at),
    type: 'track',
    event: 'Order Completed',
    userId: `user-${n}`,
    anonymousId: `anon-${n}`,
    properties: {
      order_id: ORDER_TOKEN,
      affiliation: 'Acme Shop',
      total: (revenue - discount + tax + shipping) / 100,
      revenue: revenue / 100,
      tax: tax / 100,
      shipping: shipping / 100,
      discount: discount / 100,
      currency: 'CHF',
      products,
    },
    context: context(rand, '/checkout/done', 'Thank you - Acme Shop'),
  };
}

/** One batch template of the mixed traffic: orders, identifies, then track (3/4) and page (1/4) messages, shuffled. */
export function mixedBatch(rand: Rand, shape: TrafficShape, at: string): unknown[] {
  const messages: unknown[] = [];
  for (let i = 0; i < shape.orders; i++) messages.push(order(rand, shape, at));
  for (let i = 0; i < shape.identifies; i++)
    messages.push(identify(Math.floor(rand() * shape.users), at, rand));
  while (messages.length < shape.batchSize)
    messages.push(rand() < 0.75 ? track(rand, shape, at) : page(rand, shape, at));
  for (let i = messages.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [messages[i], messages[j]] = [messages[j], messages[i]];
  }
  return messages;
}

/** A batch body cut at its tokens: `parts[0] id parts[1] id …`, with the kind of each token. */
export interface Template {
  parts: string[];
  tokens: ('message' | 'order')[];
  messages: number;
}

export function template(messages: unknown[]): Template {
  const text = JSON.stringify({ batch: messages, sentAt: new Date().toISOString() });
  const pieces = text.split(/(@@MID@@|@@OID@@)/);
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const tokens: Template['tokens'] = pieces
    .filter((_, i) => i % 2 === 1)
    .map((t) => (t === MESSAGE_TOKEN ? 'message' : 'order'));
  return { parts, tokens, messages: messages.length };
}

/** The body of one send: every token replaced by a fresh id. */
export function fill(t: Template, next: (kind: 'message' | 'order') => string): string {
  let body = t.parts[0]!;
  for (let i = 0; i < t.tokens.length; i++) body += next(t.tokens[i]!) + t.parts[i + 1]!;
  return body;
}
