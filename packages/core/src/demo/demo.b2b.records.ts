import { CORE, EXTRA_FUNCTIONS, LANGUAGES, SEGMENTS, type Seat, TITLES } from './demo.b2b.roles.ts';
import { COMPANIES, type CompanySeed, type CountryInfo, countryInfo } from './demo.b2b.world.ts';
import { B2B_PRODUCTS, type B2BProduct } from './demo.catalog.ts';
import type { Fn, Level } from './demo.kinds.ts';
import { namesFor } from './demo.names.ts';
import type { DemoIds, Rng } from './demo.random.ts';
import type { DemoRows } from './demo.rows.ts';
import type { StaffIds } from './demo.staff.ts';
import { asciiName, DAY, iso, isoDay } from './demo.text.ts';

/** One person's seat at one company, with when it was held. */
export interface Contact {
  personId: string;
  first: string;
  last: string;
  title: string;
  level: Level;
  fn: Fn;
  from: number;
  to: number | null;
  /** How often this person is in the conversation; the champion is high. */
  weight: number;
  emailConsent: boolean;
}

export interface Account {
  seed: CompanySeed;
  id: string;
  short: string;
  info: CountryInfo;
  contacts: Contact[];
  since: number;
  until: number | null;
  products: B2BProduct[];
}

export interface B2BContext {
  rng: Rng;
  ids: DemoIds;
  now: number;
  start: number;
  staff: StaffIds;
  /** Every email given out so far: addresses are unique in a workspace. */
  emails: Set<string>;
  /** Staff keys to first names, so that a contact never shares a name with their owner. */
  staffNames: Readonly<Record<string, string>>;
  rows: DemoRows;
}

function shortName(name: string): string {
  return name.replace(
    /,?\s+(AG|GmbH|Inc\.|Ltd|S\.p\.A\.|SA|SAS|BV|NV|AB|A\/S|AS|Kft\.|S\.L\.|S\.r\.l\.|K\.K\.|LLC|S\.A\.S\.|S\.A\.|Pvt\. Ltd\.|UAB)$/,
    '',
  );
}

function phone(rng: Rng, prefix: string): string {
  const d = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  return prefix === '+1'
    ? `+1 ${rng.int(201, 989)} ${d(3)} ${d(4)}`
    : `${prefix} ${rng.int(20, 99)} ${d(3)} ${d(2)} ${d(2)}`;
}

/** Companies with their contacts (people and memberships); the returned accounts drive the timeline. */
export function accounts(ctx: B2BContext): Account[] {
  const { rng, now, start } = ctx;
  const emails = ctx.emails;
  const out: Account[] = [];
  for (const seed of COMPANIES) {
    const info = countryInfo(seed.country, seed.city);
    const newSince = seed.type === 'prospect' ? now - rng.int(60, 270) * DAY : now - rng.int(380, 1100) * DAY;
    const since = seed.story === 'new' ? newSince : start;
    const until = seed.story === 'churned' ? now - rng.int(300, 420) * DAY : null;
    const id = ctx.ids.make('company', since);
    const account: Account = {
      seed,
      id,
      short: shortName(seed.name),
      info,
      contacts: [],
      since,
      until,
      products: [],
    };
    account.products = B2B_PRODUCTS.filter((p) => seed.families.includes(p.family));
    out.push(account);
    companyRow(ctx, account);
    const core = CORE[seed.type] ?? CORE.customer!;
    const size =
      seed.type === 'customer'
        ? { A: [12, 15], B: [8, 12], C: [5, 8] }[seed.tier]
        : [core.length, core.length + 2];
    const pool =
      seed.families.includes('device') || seed.families.includes('tooling')
        ? EXTRA_FUNCTIONS.device!
        : EXTRA_FUNCTIONS.pharma!;
    const seats: Seat[] = [...core];
    for (let n = rng.int(size[0]!, size[1]!); seats.length < n; ) {
      const level = rng.weighted(
        ['executive', 'functional_lead', 'end_user'] as const,
        (l) => ({ executive: 0.15, functional_lead: 0.4, end_user: 0.45 })[l],
      );
      seats.push([level, rng.pick(pool)]);
    }
    seats.forEach(([level, fn], index) => {
      const isCore = index < core.length;
      const from = isCore || rng.chance(0.75) ? since : rng.float(since, now - 60 * DAY);
      const to = !isCore && rng.chance(0.18) ? rng.float(from + 200 * DAY, now - 20 * DAY) : null;
      account.contacts.push(
        person(ctx, account, level, fn, from, to !== null && to > from ? to : null, emails),
      );
    });
    const leads = account.contacts.filter((c) => c.level === 'functional_lead' && c.to === null);
    const champion = rng.pick(leads.length ? leads : account.contacts);
    champion.weight = seed.story === 'single' ? 14 : 3;
    if (seed.type === 'customer') {
      const row = ctx.rows.people.find((p) => p.id === champion.personId)!;
      row.custom = { ...(row.custom as Record<string, unknown>), decision_role: 'Champion' };
      row.tags = [...(row.tags ?? []), 'champion'];
    }
    if (seed.story === 'single') for (const c of account.contacts) if (c !== champion) c.weight = 0.25;
  }
  return out;
}

function companyRow(ctx: B2BContext, account: Account) {
  const { rng, now } = ctx;
  const { seed } = account;
  const customer = seed.type === 'customer';
  const pharma = seed.families.some((f) => f === 'sterile' || f === 'osd');
  const tags = [
    seed.type === 'customer' && seed.tier === 'A' ? 'key-account' : '',
    ...seed.families.map(
      (f) =>
        ({
          sterile: 'sterile',
          osd: 'oral-solids',
          device: 'med-tech',
          tooling: 'tooling',
          services: 'services',
          rtu: 'readyfill',
        })[f],
    ),
    seed.country === 'US' ? 'fda' : '',
  ].filter(Boolean);
  const custom: Record<string, unknown> = {};
  if (customer || seed.type === 'distributor') {
    custom.segment = rng.pick(SEGMENTS[seed.tier]!);
    custom.contract_renewal = isoDay(now + rng.int(-25, 420) * DAY);
    custom.annual_forecast_chf =
      Math.round(({ A: 9_000_000, B: 3_000_000, C: 900_000 }[seed.tier] * rng.float(0.6, 1.5)) / 10_000) *
      10_000;
  }
  if (customer || seed.type === 'supplier')
    custom.gmp_certified = pharma || seed.type === 'supplier' ? rng.chance(0.95) : rng.chance(0.3);
  const what =
    seed.type === 'customer'
      ? `Helvetia manufactures ${seed.brand} for them.`
      : seed.type === 'supplier'
        ? `Supplies ${seed.brand}.`
        : seed.type === 'partner'
          ? `Partner for ${seed.brand}.`
          : seed.type === 'distributor'
            ? `Distributes ${seed.brand}.`
            : `Evaluating Helvetia for ${seed.brand}.`;
  const at = iso(account.since + rng.int(0, 10) * DAY);
  ctx.rows.companies.push({
    id: account.id,
    external_id:
      seed.type === 'prospect'
        ? null
        : `HCM-${seed.type.slice(0, 1).toUpperCase()}-${1000 + ctx.rows.companies.length}`,
    name: seed.name,
    domain: seed.domain,
    relationship_type: seed.type,
    industry: seed.industry,
    phone: phone(rng, account.info.phone),
    address: { city: seed.city, country: seed.country },
    employee_count: seed.employees,
    description: `${seed.industry} company based in ${seed.city}. ${what}`,
    owner_id: ctx.staff[seed.owner] ?? null,
    tags,
    custom,
    merged_into_id: null,
    created_at: at,
    updated_at: at,
  });
}

function person(
  ctx: B2BContext,
  account: Account,
  level: Level,
  fn: Fn,
  from: number,
  to: number | null,
  emails: Set<string>,
): Contact {
  const { rng } = ctx;
  const pool = rng.pick(namesFor(account.seed.country));
  const owner = ctx.staffNames[account.seed.owner];
  // Nobody shares a first name with their account owner or with a colleague in the account.
  const taken = new Set([owner, ...account.contacts.map((c) => c.first)]);
  let first = rng.pick(pool.first);
  for (let tries = 0; taken.has(first) && tries < 20; tries++) first = rng.pick(pool.first);
  const last = rng.pick(pool.last);
  let email = `${asciiName(first)}.${asciiName(last)}@${account.seed.domain}`;
  for (let n = 2; emails.has(email); n++)
    email = `${asciiName(first)}.${asciiName(last)}${n}@${account.seed.domain}`;
  emails.add(email);
  const used = new Set(account.contacts.map((c) => c.title));
  const titles = TITLES[level][fn].filter((t) => !used.has(t));
  const title = rng.pick(titles.length ? titles : TITLES[level][fn]);
  const personId = ctx.ids.make('person', from);
  const emailConsent = rng.chance(0.88);
  const at = iso(Math.max(from, account.since) + rng.int(0, 5) * DAY);
  const decision =
    level === 'executive'
      ? 'Decision maker'
      : fn === 'purchasing'
        ? rng.pick(['Gatekeeper', 'Influencer'])
        : level === 'functional_lead'
          ? 'Influencer'
          : 'User';
  const language = LANGUAGES[account.info.locale.slice(0, 2)];
  ctx.rows.people.push({
    id: personId,
    external_id: null,
    first_name: first,
    last_name: last,
    email,
    additional_emails: [],
    phone: rng.chance(0.8) ? phone(rng, account.info.phone) : null,
    title,
    relationship_type: account.seed.type,
    owner_id: ctx.staff[account.seed.owner] ?? null,
    tags: [level === 'executive' ? 'decision-maker' : '', emailConsent ? 'newsletter' : ''].filter(Boolean),
    custom: {
      decision_role: decision,
      preferred_language: language && rng.chance(0.6) ? language : 'English',
    },
    consent: {
      email: {
        status: emailConsent ? 'granted' : 'denied',
        at: at,
        source: emailConsent ? 'business relationship' : 'unsubscribe link',
      },
      phone: { status: 'granted', at, source: 'business relationship' },
      ...(rng.chance(0.3) ? { sms: { status: rng.chance(0.5) ? 'granted' : 'denied', at } } : {}),
    },
    preferred_channel: rng.weighted(
      ['email', 'phone', 'meeting'] as const,
      (c) => ({ email: 6, phone: 3, meeting: 1 })[c],
    ),
    do_not_contact: false,
    timezone: account.info.timezone,
    locale: account.info.locale,
    address: { city: account.seed.city, country: account.seed.country },
    birthday: null,
    merged_into_id: null,
    created_at: at,
    updated_at: at,
  });
  membership(ctx, account, personId, title, level, fn, from, to);
  return {
    personId,
    first,
    last,
    title,
    level,
    fn,
    from,
    to,
    weight: level === 'executive' ? 0.5 : 1,
    emailConsent,
  };
}

export function membership(
  ctx: B2BContext,
  account: Account,
  personId: string,
  title: string,
  level: Level,
  fn: Fn,
  from: number,
  to: number | null,
) {
  const started = from > ctx.start ? from : from - ctx.rng.int(200, 4000) * DAY;
  const at = iso(Math.max(from, account.since));
  ctx.rows.memberships.push({
    id: ctx.ids.make('membership', Math.max(from, account.since)),
    person_id: personId,
    company_id: account.id,
    role: title,
    level,
    function: fn,
    is_primary: to === null,
    started_on: isoDay(started),
    ended_on: to === null ? null : isoDay(to),
    created_at: at,
    updated_at: iso(to ?? Math.max(from, account.since)),
  });
}
