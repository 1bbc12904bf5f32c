import { SHOP_PRODUCTS, type ShopProduct, type Taste } from './demo.catalog.ts';
import { namesFor } from './demo.names.ts';
import type { DemoIds, Rng } from './demo.random.ts';
import type { DemoRows } from './demo.rows.ts';
import type { StaffIds } from './demo.staff.ts';
import { asciiName, DAY, iso, isoDay } from './demo.text.ts';

export interface B2CContext {
  rng: Rng;
  ids: DemoIds;
  now: number;
  start: number;
  staff: StaffIds;
  rows: DemoRows;
  customers: number;
}

export type Home = 'web' | 'store' | 'app';

/** A shopper and the hidden traits that drive their buying (BG/NBD and Gamma-Gamma style). */
export interface Customer {
  personId: string;
  first: string;
  last: string;
  email: string | null;
  city: string;
  acquiredAt: number;
  taste: Taste;
  home: Home;
  favourites: ShopProduct[];
  /** Purchases per week while active. */
  rate: number;
  /** Chance of dropping out after each repeat purchase. */
  dropout: number;
  /** Mean spend per order in euros. */
  spend: number;
  subscription: { product: ShopProduct; from: number; to: number | null } | null;
  companyId: string | null;
  emailConsent: boolean;
  smsConsent: boolean;
  doNotContact: boolean;
  tags: string[];
  orders: { id: string; at: number; skus: string[]; web: boolean; number: string; total: number }[];
}

// biome-ignore format: a data table
const COUNTRIES = [
  { code: 'DE', weight: 45, locale: 'de-DE', tz: 'Europe/Berlin', phone: '+49 15', cities: ['Berlin', 'Berlin', 'Hamburg', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Leipzig', 'Stuttgart', 'Düsseldorf'], zip: 5 },
  { code: 'AT', weight: 12, locale: 'de-AT', tz: 'Europe/Vienna', phone: '+43 66', cities: ['Vienna', 'Vienna', 'Graz', 'Salzburg', 'Linz'], zip: 4 },
  { code: 'NL', weight: 14, locale: 'nl-NL', tz: 'Europe/Amsterdam', phone: '+31 6', cities: ['Amsterdam', 'Amsterdam', 'Rotterdam', 'Utrecht', 'The Hague'], zip: 4 },
  { code: 'CH', weight: 7, locale: 'de-CH', tz: 'Europe/Zurich', phone: '+41 79', cities: ['Zurich', 'Basel', 'Bern'], zip: 4 },
  { code: 'FR', weight: 8, locale: 'fr-FR', tz: 'Europe/Paris', phone: '+33 6', cities: ['Paris', 'Lyon', 'Strasbourg'], zip: 5 },
  { code: 'GB', weight: 7, locale: 'en-GB', tz: 'Europe/London', phone: '+44 7', cities: ['London', 'Manchester', 'Bristol'], zip: 0 },
  { code: 'IT', weight: 4, locale: 'it-IT', tz: 'Europe/Rome', phone: '+39 3', cities: ['Milan', 'Bolzano', 'Turin'], zip: 5 },
  { code: 'BE', weight: 3, locale: 'nl-BE', tz: 'Europe/Brussels', phone: '+32 47', cities: ['Antwerp', 'Ghent', 'Brussels'], zip: 4 },
] as const;

const STORE_CITIES = ['Berlin', 'Hamburg', 'Vienna', 'Amsterdam'];
const MAIL_DOMAINS = [
  'example.com',
  'example.net',
  'example.org',
  'mail.example',
  'post.example',
  'inbox.example',
];
const TASTES: readonly [Taste, number][] = [
  ['espresso', 34],
  ['filter', 30],
  ['press', 18],
  ['tea', 18],
];
const ROASTS: Record<Taste, readonly string[]> = {
  espresso: ['Espresso', 'Dark'],
  filter: ['Light', 'Medium'],
  press: ['Medium', 'Dark'],
  tea: ['Decaf', 'Light'],
};
const METHODS: Record<Taste, readonly string[]> = {
  espresso: ['Espresso machine', 'Moka pot'],
  filter: ['Pour-over', 'AeroPress'],
  press: ['French press', 'Cold brew'],
  tea: ['Tea'],
};

export function consumables(taste: Taste | null): ShopProduct[] {
  return SHOP_PRODUCTS.filter(
    (p) =>
      (p.category === 'coffee' || p.category === 'tea') &&
      !p.sku.startsWith('WS-') &&
      (taste === null ||
        (taste === 'tea'
          ? p.category === 'tea'
          : p.category === 'coffee' && (p.tastes.length === 0 || p.tastes.includes(taste)))),
  );
}

export function shopCustomFields(ctx: B2CContext) {
  const at = iso(ctx.start);
  const def = (
    entity: 'person' | 'company',
    key: string,
    label: string,
    type: 'select' | 'multi_select' | 'text' | 'boolean',
    options: string[],
    position: number,
  ) =>
    ctx.rows.custom_field_defs.push({
      id: ctx.ids.make('customField', ctx.start),
      entity,
      key,
      label,
      type,
      options,
      required: false,
      position,
      created_at: at,
      updated_at: at,
    });
  def(
    'person',
    'favorite_roast',
    'Favourite roast',
    'select',
    ['Light', 'Medium', 'Dark', 'Espresso', 'Decaf'],
    0,
  );
  def(
    'person',
    'brew_method',
    'Brew methods',
    'multi_select',
    ['Espresso machine', 'Pour-over', 'French press', 'Moka pot', 'AeroPress', 'Cold brew', 'Tea'],
    1,
  );
  def(
    'person',
    'acquisition_channel',
    'Acquisition channel',
    'select',
    ['Instagram', 'Google search', 'Walk-in', 'Friend referral', 'Market stall', 'Gift recipient'],
    2,
  );
  def('person', 'loyalty_card', 'Loyalty card', 'text', [], 3);
  def(
    'company',
    'wholesale_type',
    'Wholesale type',
    'select',
    ['Café', 'Office', 'Restaurant', 'Hotel', 'Deli'],
    0,
  );
}

/** When a shopper first bought: the shop grew over the three years, with a bump every December. */
function acquisition(rng: Rng, start: number, now: number): number {
  for (;;) {
    const at = rng.float(start, now - DAY);
    const month = new Date(at).getUTCMonth();
    const weight = (1 + (0.8 * (at - start)) / (now - start)) * (month === 11 ? 1.8 : month === 10 ? 1.3 : 1);
    if (rng.next() * 2.6 < weight) return at;
  }
}

export function customers(ctx: B2CContext): Customer[] {
  const { rng, now, start } = ctx;
  const emails = new Set<string>();
  const out: Customer[] = [];
  for (let n = 0; n < ctx.customers; n++) {
    const country = rng.weighted(COUNTRIES, (c) => c.weight);
    const pool = rng.pick(namesFor(country.code));
    const first = rng.pick(pool.first);
    const last = rng.pick(pool.last);
    const city = rng.pick(country.cities);
    const acquiredAt = acquisition(rng, start, now);
    const taste = rng.weighted(TASTES, ([, w]) => w)[0];
    const home: Home =
      STORE_CITIES.includes(city) && rng.chance(0.55) ? 'store' : rng.chance(0.16) ? 'app' : 'web';
    let email: string | null = null;
    if (home !== 'store' || rng.chance(0.75)) {
      const [f, l] = [asciiName(first), asciiName(last)];
      const local = rng.pick([
        `${f}.${l}`,
        `${f}${l}`,
        `${f[0]}.${l}`,
        `${f}_${l}`,
        `${f}.${l}${rng.int(1, 99)}`,
        `${l}.${f}`,
      ]);
      const domain = rng.pick(MAIL_DOMAINS);
      email = `${local}@${domain}`;
      for (let k = 2; emails.has(email); k++) email = `${local}${k}@${domain}`;
      emails.add(email);
    }
    const doNotContact = rng.chance(0.02);
    const emailConsent = email !== null && !doNotContact && rng.chance(0.64);
    const smsConsent = !doNotContact && rng.chance(0.18);
    const loyal = rng.chance(0.03);
    const subscriber = taste !== 'press' && rng.chance(0.06);
    const subFrom = acquiredAt + rng.int(0, 120) * DAY;
    const subTo = rng.chance(0.45) ? subFrom + rng.int(60, 700) * DAY : null;
    const customer: Customer = {
      personId: ctx.ids.make('person', acquiredAt),
      first,
      last,
      email,
      city,
      acquiredAt,
      taste,
      home,
      favourites: rng.sample(consumables(taste), rng.int(2, 3)),
      rate: loyal ? rng.float(0.25, 0.45) : rng.gamma(0.85, 1 / 8.5),
      dropout: loyal ? rng.float(0.005, 0.02) : rng.beta(0.75, 3.2),
      spend: Math.min(180, Math.max(9, 5 / rng.gamma(3.5, 1 / 16))),
      subscription:
        subscriber && subFrom < now - 20 * DAY
          ? {
              product: SHOP_PRODUCTS.find((p) => p.sku === (taste === 'tea' ? 'SUB-TEA' : 'SUB-MONTHLY'))!,
              from: subFrom,
              to: subTo !== null && subTo < now ? subTo : null,
            }
          : null,
      companyId: null,
      emailConsent,
      smsConsent,
      doNotContact,
      tags: [emailConsent ? 'newsletter' : '', loyal ? 'regular' : ''].filter(Boolean),
      orders: [],
    };
    if (customer.subscription)
      customer.tags.push(customer.subscription.to === null ? 'subscriber' : 'former-subscriber');
    if (rng.chance(0.04)) customer.rate = 0;
    out.push(customer);
    const birthday = rng.chance(0.55) ? isoDay(now - rng.int(20 * 365, 75 * 365) * DAY) : null;
    const source = rng.pick(['checkout', 'newsletter form', 'in store', 'app sign-up']);
    const consent: Record<string, unknown> = {};
    if (email !== null)
      consent.email = {
        status: emailConsent ? 'granted' : doNotContact || rng.chance(0.5) ? 'denied' : 'unknown',
        at: iso(acquiredAt),
        source,
      };
    if (smsConsent || doNotContact)
      consent.sms = { status: smsConsent ? 'granted' : 'denied', at: iso(acquiredAt), source };
    const custom: Record<string, unknown> = {};
    if (rng.chance(0.6)) custom.favorite_roast = rng.pick(ROASTS[taste]);
    if (rng.chance(0.5)) custom.brew_method = rng.sample(METHODS[taste], rng.int(1, 2));
    if (rng.chance(0.7))
      custom.acquisition_channel =
        home === 'store'
          ? 'Walk-in'
          : rng.pick(['Instagram', 'Google search', 'Friend referral', 'Market stall', 'Gift recipient']);
    if (home !== 'web' || rng.chance(0.3))
      custom.loyalty_card = `BL-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
    const digits = String(rng.int(10 ** (country.zip - 1), 10 ** country.zip - 1));
    const zip =
      country.code === 'GB'
        ? `${rng.pick(['E1', 'M4', 'BS1', 'SW9', 'N16'])} ${rng.int(1, 9)}${rng.pick(['AB', 'HT', 'QX', 'DN'])}`
        : country.code === 'NL'
          ? `${digits} ${rng.pick(['AB', 'CK', 'GH', 'LM', 'RT', 'VX'])}`
          : digits;
    ctx.rows.people.push({
      id: customer.personId,
      external_id: `C${100000 + n}`,
      first_name: first,
      last_name: last,
      email,
      additional_emails: [],
      phone: rng.chance(0.4) ? `${country.phone}${rng.int(1, 9)} ${rng.int(1000000, 9999999)}` : null,
      title: null,
      relationship_type: 'customer',
      owner_id: null,
      tags: customer.tags,
      custom,
      consent,
      preferred_channel: rng.weighted(
        ['email', 'sms', 'chat', null] as const,
        (c) => ({ email: 6, sms: 1, chat: 0.5, null: 2.5 })[c ?? 'null'],
      ),
      do_not_contact: doNotContact,
      timezone: country.tz,
      locale: country.locale,
      address: rng.chance(0.7) ? { city, postalCode: zip, country: country.code } : null,
      birthday,
      merged_into_id: null,
      created_at: iso(acquiredAt - rng.int(0, 3600) * 1000),
      updated_at: iso(acquiredAt),
    });
  }
  return out;
}
