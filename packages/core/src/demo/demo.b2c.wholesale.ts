import type { B2CContext, Customer } from './demo.b2c.customers.ts';
import type { Draft } from './demo.b2c.purchases.ts';
import { SHOP_PRODUCTS } from './demo.catalog.ts';
import { namesFor } from './demo.names.ts';
import { asciiName, DAY, iso } from './demo.text.ts';

/** Cafés, offices and hotels that buy coffee by the 5 kg bag. */

// biome-ignore format: a data table
const BUSINESSES: readonly [name: string, city: string, country: string, type: string][] = [
  ['Café Morgenrot', 'Berlin', 'DE', 'Café'], ['Kaffeebar Elbblick', 'Hamburg', 'DE', 'Café'],
  ['Brunch Club Neubau', 'Vienna', 'AT', 'Restaurant'], ['Koffiehuis De Jordaan', 'Amsterdam', 'NL', 'Café'],
  ['Bäckerei Sonnenkorn', 'Leipzig', 'DE', 'Deli'], ['Coworking Spreewerk', 'Berlin', 'DE', 'Office'],
  ['Praxisgemeinschaft Lindenhof', 'Munich', 'DE', 'Office'], ['Hotel Alte Post', 'Salzburg', 'AT', 'Hotel'],
  ['Bistro Nordlicht', 'Hamburg', 'DE', 'Restaurant'], ['Studio Kanal 7', 'Amsterdam', 'NL', 'Office'],
  ['Tee & Tafel', 'Cologne', 'DE', 'Deli'], ['Café Fernweh', 'Vienna', 'AT', 'Café'],
  ['Buchcafé Seitenweise', 'Berlin', 'DE', 'Café'], ['Rösterei-Bar Kiez', 'Berlin', 'DE', 'Café'],
  ['Yoga Loft Mitte', 'Berlin', 'DE', 'Office'], ['Holm & Partner Architekten', 'Hamburg', 'DE', 'Office'],
  ['Café Zeitlos', 'Graz', 'AT', 'Café'], ['Feinkost Rosenthal', 'Frankfurt', 'DE', 'Deli'],
  ['Kantine Werk 3', 'Stuttgart', 'DE', 'Office'], ['Hostel Sternschnuppe', 'Hamburg', 'DE', 'Hotel'],
  ['Lunchroom De Kade', 'Rotterdam', 'NL', 'Restaurant'], ['Café Grünschnabel', 'Düsseldorf', 'DE', 'Café'],
  ['Agentur Blaupause', 'Cologne', 'DE', 'Office'], ['Gasthaus Zum Hirschen', 'Linz', 'AT', 'Restaurant'],
];

const DOMAIN_SUFFIX = 'example';

/** Companies, their buyers (as customers) and the buyers' wholesale orders. */
export function wholesale(ctx: B2CContext, all: Customer[]): Draft[] {
  const { rng, now, start } = ctx;
  const drafts: Draft[] = [];
  const bags = SHOP_PRODUCTS.filter((p) => p.sku.startsWith('WS-'));
  const extras = SHOP_PRODUCTS.filter((p) =>
    [
      'CF-BRA-CER-1K',
      'CF-COL-HUI-1K',
      'CF-BL-VELVET-1K',
      'EQ-DESCALER',
      'EQ-FILTER-100',
      'TE-ASS-BRK-100',
      'TE-EARL-100',
    ].includes(p.sku),
  );
  BUSINESSES.forEach(([name, city, country, type], n) => {
    const since = start + rng.int(0, 700) * DAY;
    const until = rng.chance(0.1) ? since + rng.int(200, 600) * DAY : null;
    const domain = `${asciiName(name)}.${DOMAIN_SUFFIX}`;
    const companyId = ctx.ids.make('company', since);
    ctx.rows.companies.push({
      id: companyId,
      external_id: `W${300 + n}`,
      name,
      domain,
      relationship_type: 'customer',
      industry: type === 'Office' ? 'Office catering' : 'Hospitality',
      phone: null,
      address: { city, country },
      employee_count: rng.int(4, 60),
      description: `${type} in ${city}, buying coffee wholesale since ${new Date(since).getUTCFullYear()}.`,
      owner_id: ctx.staff.wholesale ?? null,
      tags: ['wholesale'],
      custom: { wholesale_type: type },
      merged_into_id: null,
      created_at: iso(since),
      updated_at: iso(since),
    });
    const pool = rng.pick(namesFor(country));
    const first = rng.pick(pool.first);
    const last = rng.pick(pool.last);
    const personId = ctx.ids.make('person', since);
    const email = `${asciiName(first)}@${domain}`;
    ctx.rows.people.push({
      id: personId,
      external_id: `C9${String(n).padStart(4, '0')}`,
      first_name: first,
      last_name: last,
      email,
      additional_emails: [],
      phone: null,
      title: type === 'Office' ? 'Office Manager' : 'Owner',
      relationship_type: 'customer',
      owner_id: ctx.staff.wholesale ?? null,
      tags: ['wholesale'],
      custom: {},
      consent: { email: { status: 'granted', at: iso(since), source: 'wholesale agreement' } },
      preferred_channel: 'email',
      do_not_contact: false,
      timezone: country === 'AT' ? 'Europe/Vienna' : country === 'NL' ? 'Europe/Amsterdam' : 'Europe/Berlin',
      locale: country === 'NL' ? 'nl-NL' : `de-${country}`,
      address: { city, country },
      birthday: null,
      merged_into_id: null,
      created_at: iso(since),
      updated_at: iso(since),
    });
    ctx.rows.memberships.push({
      id: ctx.ids.make('membership', since),
      person_id: personId,
      company_id: companyId,
      role: type === 'Office' ? 'Office Manager' : 'Owner',
      level: 'executive',
      function: 'purchasing',
      is_primary: true,
      started_on: null,
      ended_on: null,
      created_at: iso(since),
      updated_at: iso(since),
    });
    const buyer: Customer = {
      personId,
      first,
      last,
      email,
      city,
      acquiredAt: since,
      taste: 'espresso',
      home: 'web',
      favourites: [],
      rate: 0,
      dropout: 0,
      spend: 0,
      subscription: null,
      companyId,
      emailConsent: true,
      smsConsent: false,
      doNotContact: false,
      tags: ['wholesale'],
      orders: [],
    };
    all.push(buyer);
    const cadence = rng.int(7, 21);
    const main = rng.pick(bags);
    const end = Math.min(until ?? now, now - DAY);
    for (let at = since; at < end; at += (cadence + rng.int(-3, 3)) * DAY) {
      const lines = [{ product: main, qty: rng.int(1, type === 'Office' ? 2 : 4) }];
      for (const extra of rng.sample(
        extras,
        rng.weighted([0, 1, 2], (k) => [5, 3, 1][k]!),
      ))
        lines.push({ product: extra, qty: rng.int(1, 3) });
      drafts.push({
        customer: buyer,
        at: at + rng.int(7, 16) * 3_600_000,
        lines,
        channel: 'wholesale',
        first: at === since,
      });
    }
  });
  return drafts;
}
