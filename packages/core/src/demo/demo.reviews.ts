import type { ReviewsTable } from '@rapport/db';
import type { Insertable } from 'kysely';
import type { Account, B2BContext } from './demo.b2b.records.ts';
import type { B2CContext, Customer } from './demo.b2c.customers.ts';
import { SHOP_PRODUCTS } from './demo.catalog.ts';
import type { Rng } from './demo.random.ts';
import {
  CAFE_REVIEWS,
  type ReviewText,
  SHOP_MENTIONS,
  SHOP_REVIEWS,
  SUPPLIER_MENTIONS,
  SUPPLIER_REVIEWS,
} from './demo.reviews.texts.ts';
import { asciiName, DAY, fill, iso } from './demo.text.ts';

type Row = Omit<Insertable<ReviewsTable>, 'workspace_id'>;
type Stars = 1 | 2 | 3 | 4 | 5;
type Context = B2CContext | B2BContext;

/** Mostly happy, a long tail of angry: how public ratings of a well-run business look. */
const STAR_WEIGHTS: [Stars, number][] = [
  [5, 46],
  [4, 24],
  [3, 9],
  [2, 8],
  [1, 13],
];

interface Written {
  kind: 'review' | 'mention';
  source: string;
  at: number;
  stars: Stars | null;
  text: ReviewText;
  vars: Record<string, string | number>;
  author: { name: string | null; handle: string | null; email: string | null };
  personId: string | null;
  companyId: string | null;
  productId: string | null;
  url: (external: string) => string;
}

function push(ctx: Context, rng: Rng, w: Written, n: number) {
  const at = Math.min(w.at, ctx.now - 3_600_000);
  const external = `${w.source}-${n.toString(36)}${rng.int(1000, 9999)}`;
  const row: Row = {
    id: ctx.ids.make('review', at),
    kind: w.kind,
    source: w.source,
    external_id: external,
    rating: w.stars,
    rating_scale: 5,
    title: w.text.title ? fill(rng, w.text.title, w.vars) : null,
    text: fill(rng, w.text.text, w.vars),
    url: w.url(external),
    author_handle: w.author.handle,
    author_name: w.author.name,
    author_email: w.author.email,
    language: 'en',
    person_id: w.personId,
    company_id: w.personId ? w.companyId : null,
    product_id: w.productId,
    occurred_at: iso(at),
    created_by: ctx.staff.marketing!,
    created_at: iso(at + DAY),
    updated_at: iso(at + DAY),
  };
  ctx.rows.reviews.push(row);
}

/** A handle made of a name ("mia.keller", "miak_brews"), unique among those given out. */
function handleFor(rng: Rng, first: string, last: string, taken: Set<string>): string {
  const f = asciiName(first)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const l = asciiName(last)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  let handle = rng.pick([`${f}.${l}`, `${f}${l[0] ?? ''}_brews`, `${f}_${l}`, `${f}loves.coffee`]);
  while (taken.has(handle)) handle = `${handle}${rng.int(1, 9)}`;
  taken.add(handle);
  return handle;
}

/** How a post names its author: "@handle", or the profile URL. */
const shown = (rng: Rng, network: string, handle: string) =>
  rng.chance(0.7) ? `@${handle}` : `https://www.${network === 'x' ? 'x' : network}.com/${handle}`;

/** Every people row gets its handles (an empty map for most), as the column is written whole. */
function setHandles(ctx: Context, handles: Map<string, Record<string, string>>) {
  for (const person of ctx.rows.people) person.social_handles = handles.get(person.id as string) ?? {};
}

/**
 * Bean & Leaf in public: Trustpilot and app store reviews of the shop and the app, Google reviews
 * of the cafés, Instagram, X and Reddit posts. Some shoppers gave their handles, so their posts
 * are matched; Trustpilot invitations carry the buyer's email; the rest stay unmatched.
 */
export function shopReviews(ctx: B2CContext, rng: Rng, all: Customer[], productIds: Map<string, string>) {
  const buyers = all.filter((c) => !c.companyId && c.orders.length > 0 && c.email);
  const taken = new Set<string>();
  const handles = new Map<string, Record<string, string>>();
  const social = buyers.filter(() => rng.chance(0.06));
  for (const c of social) {
    const map: Record<string, string> = { instagram: handleFor(rng, c.first, c.last, taken) };
    if (rng.chance(0.35)) map.x = handleFor(rng, c.first, c.last, taken);
    handles.set(c.personId, map);
  }
  setHandles(ctx, handles);
  const recent = ctx.now - 730 * DAY;
  const coffees = SHOP_PRODUCTS.filter((p) => p.category === 'coffee' || p.category === 'tea');
  let n = 0;
  // A review follows a purchase of the last two years by a few days.
  const reviewers = buyers.filter((c) => c.orders.some((o) => o.at > recent));
  for (let i = 0; i < 220; i++) {
    const c = rng.pick(reviewers);
    const order = rng.pick(c.orders.filter((o) => o.at > recent));
    const stars = rng.weighted(STAR_WEIGHTS, ([, w]) => w)[0];
    const product = c.favourites.find((p) => coffees.includes(p)) ?? rng.pick(coffees);
    const vars = { product: product.name, city: c.city, days: rng.int(6, 14), first: c.first };
    const where =
      c.home === 'store'
        ? 'google'
        : c.home === 'app'
          ? rng.pick(['app-store', 'google-play'])
          : 'trustpilot';
    const invited = where === 'trustpilot' && rng.chance(0.6);
    const name = `${c.first} ${c.last.charAt(0)}.`;
    const text = rng.pick((where === 'google' ? CAFE_REVIEWS : SHOP_REVIEWS)[stars]);
    push(
      ctx,
      rng,
      {
        kind: 'review',
        source: where,
        at: order.at + rng.int(2, 12) * DAY + rng.int(0, 86_000) * 1000,
        stars,
        text,
        vars,
        author: {
          name: where === 'app-store' || where === 'google-play' ? null : name,
          handle:
            where === 'app-store' || where === 'google-play'
              ? `${asciiName(c.first)}${rng.int(1, 99)}`
              : null,
          email: invited ? c.email : null,
        },
        personId: invited ? c.personId : null,
        companyId: null,
        productId:
          where === 'trustpilot' && text.text.includes('{product}')
            ? (productIds.get(product.sku) ?? null)
            : null,
        url: (id) => `https://reviews.${where}.example/bean-and-leaf/${id}`,
      },
      n++,
    );
  }
  for (let i = 0; i < 130; i++) {
    const known = social.length > 0 && rng.chance(0.65);
    const c = known ? rng.pick(social) : rng.pick(buyers);
    const map = handles.get(c.personId);
    const network =
      known && map ? rng.pick(Object.keys(map)) : rng.pick(['instagram', 'x', 'reddit', 'tiktok']);
    const stranger = `${asciiName(c.first).toLowerCase()}${rng.int(10, 999)}`;
    const handle =
      known && map
        ? shown(rng, network, map[network]!)
        : network === 'reddit'
          ? `u/${stranger}`
          : `@${stranger}`;
    const product = rng.pick(coffees);
    push(
      ctx,
      rng,
      {
        kind: 'mention',
        source: network,
        at: recent + rng.int(0, 729) * DAY + rng.int(0, 86_000) * 1000,
        stars: null,
        text: rng.pick(SHOP_MENTIONS),
        vars: { product: product.name, city: c.city, days: rng.int(3, 9), first: c.first },
        author: { name: known ? `${c.first} ${c.last}` : null, handle, email: null },
        personId: known ? c.personId : null,
        companyId: null,
        productId: null,
        url: (id) => `https://${network}.example/posts/${id}`,
      },
      n++,
    );
  }
}

/**
 * Helvetia in public: G2-style reviews by its customers' engineers and buyers (their work email
 * matches them) and LinkedIn posts by contacts who gave their profile.
 */
export function supplierReviews(ctx: B2BContext, rng: Rng, all: Account[]) {
  const emails = new Map(ctx.rows.people.map((p) => [p.id as string, (p.email as string | null) ?? null]));
  const seats = all.flatMap((account) =>
    account.contacts.filter((c) => c.to === null).map((contact) => ({ account, contact })),
  );
  const taken = new Set<string>();
  const handles = new Map<string, Record<string, string>>();
  const posters = seats.filter(() => rng.chance(0.12));
  for (const { contact } of posters) {
    const base = `${asciiName(contact.first)}-${asciiName(contact.last)}`
      .toLowerCase()
      .replace(/[^a-z-]/g, '');
    let handle = `${base}-${rng.int(10, 99)}${rng.pick(['a', 'b', 'c', 'k', 'x'])}`;
    while (taken.has(handle)) handle = `${handle}1`;
    taken.add(handle);
    handles.set(contact.personId, { linkedin: handle });
  }
  setHandles(ctx, handles);
  const recent = ctx.now - 900 * DAY;
  let n = 0;
  for (let i = 0; i < Math.min(28, seats.length); i++) {
    const { account, contact } = rng.pick(seats);
    const stars = rng.weighted(STAR_WEIGHTS, ([, w]) => w)[0];
    // Some reviewers stay anonymous ("Verified user"): nothing to match them by.
    const email = rng.chance(0.7) ? (emails.get(contact.personId) ?? null) : null;
    push(
      ctx,
      rng,
      {
        kind: 'review',
        source: 'g2',
        at: Math.max(contact.from, recent) + rng.int(0, 880) * DAY,
        stars,
        text: rng.pick(SUPPLIER_REVIEWS[stars]),
        vars: {},
        author: {
          name: email
            ? `${contact.first} ${contact.last}, ${contact.title}`
            : `Verified user, ${contact.title}`,
          handle: null,
          email,
        },
        personId: email ? contact.personId : null,
        companyId: account.id,
        productId: null,
        url: (id) => `https://reviews.g2.example/helvetia/${id}`,
      },
      n++,
    );
  }
  for (let i = 0; i < Math.min(18, posters.length * 2); i++) {
    const { account, contact } = rng.pick(posters);
    push(
      ctx,
      rng,
      {
        kind: 'mention',
        source: 'linkedin',
        at: recent + rng.int(0, 899) * DAY,
        stars: null,
        text: rng.pick(SUPPLIER_MENTIONS),
        vars: {},
        author: {
          name: `${contact.first} ${contact.last}`,
          handle: handles.get(contact.personId)!.linkedin!,
          email: null,
        },
        personId: contact.personId,
        companyId: account.id,
        productId: null,
        url: (id) => `https://linkedin.example/posts/${id}`,
      },
      n++,
    );
  }
}
