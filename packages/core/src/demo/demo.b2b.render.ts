import { POOLS, VARIABLE_LINES } from './demo.b2b.lines.ts';
import type { B2BOrder } from './demo.b2b.orders.ts';
import type { Account, B2BContext, Contact } from './demo.b2b.records.ts';
import type { Kind, Who } from './demo.kinds.ts';
import type { Rng } from './demo.random.ts';
import { B2B_STAFF, firstName, staffMember } from './demo.staff.ts';
import {
  addWorkdays,
  compose,
  DAY,
  dayMonth,
  fill,
  iso,
  monthName,
  one,
  type Vars,
  weekdayName,
} from './demo.text.ts';

/** One interaction to write: when, what kind, with which account, and its particular facts. */
export interface B2BEvent {
  at: number;
  kind: Kind;
  account: Account;
  order?: B2BOrder | undefined;
  /** The person the conversation is with, kept across the steps of an episode. */
  lead?: Contact | undefined;
  mood: number;
  vars?: Vars;
}

export function active(account: Account, at: number): Contact[] {
  return account.contacts.filter((c) => c.from <= at && (c.to === null || c.to >= at));
}

/** People who fit `who` at time `at`; loosens the preference when nobody fits. */
export function pickContacts(rng: Rng, account: Account, at: number, who: Who, lead?: Contact): Contact[] {
  const [min, max] = who.count ?? [1, 1];
  const count = rng.int(min, max);
  if (count === 0) return [];
  const here = active(account, at).filter((c) => !who.consent || c.emailConsent);
  const fits = (c: Contact, useLevel: boolean, useFn: boolean) =>
    (!useLevel || !who.levels || who.levels.includes(c.level)) &&
    (!useFn || !who.functions || who.functions.includes(c.fn));
  let pool = here.filter((c) => fits(c, true, true));
  if (!pool.length) pool = here.filter((c) => fits(c, false, true));
  if (!pool.length && who.strict) return [];
  if (!pool.length) pool = here.filter((c) => fits(c, true, false));
  if (!pool.length) pool = here;
  const chosen: Contact[] = lead && here.includes(lead) ? [lead] : [];
  while (chosen.length < count && chosen.length < pool.length) {
    const next = rng.weighted(
      pool.filter((c) => !chosen.includes(c)),
      (c) => c.weight,
    );
    chosen.push(next);
  }
  return chosen;
}

function site(account: Account): string {
  return account.seed.families.some((f) => f === 'device' || f === 'tooling') ? 'Schaffhausen' : 'Liestal';
}

function isoWeek(ms: number): number {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * DAY));
}

function familyPools(account: Account) {
  const f = account.seed.families;
  if (f.includes('device') || f.includes('tooling'))
    return { defects: POOLS.deviceDefects, topics: POOLS.deviceTopics };
  if (f.includes('osd')) return { defects: POOLS.osdDefects, topics: POOLS.osdTopics };
  return { defects: POOLS.sterileDefects, topics: POOLS.sterileTopics };
}

/** The facts of one episode: they stay the same in every message of it. */
export function episodeFacts(rng: Rng, account: Account, at: number): Record<string, string> {
  const yy = new Date(at).getUTCFullYear() % 100;
  const pools = familyPools(account);
  return {
    complaint: `CMP-${yy}-${rng.int(100, 999)}`,
    dev: `DEV-${yy}-${rng.int(1000, 9999)}`,
    defect: rng.pick(pools.defects),
    rootCause: rng.pick(POOLS.rootCauses),
    issue: rng.pick(POOLS.issues),
  };
}

/** Every value a template may ask for; `extra` (episode facts) wins over the defaults. */
function variables(rng: Rng, ev: B2BEvent, people: Contact[], users: string[]): Vars {
  const { account, at, order } = ev;
  const them = people[0] ?? rng.pick(active(account, at).length ? active(account, at) : account.contacts);
  const us = staffMember(B2B_STAFF, users[0]!);
  const product = order?.main ?? (account.products.length ? rng.pick(account.products) : null);
  const ahead = at + rng.int(14, 42) * DAY;
  const quarterAt = new Date(at + 60 * DAY);
  const promise = addWorkdays(at, 3);
  const due = addWorkdays(at - 7 * DAY, rng.int(0, 3));
  const yy = new Date(at).getUTCFullYear() % 100;
  const mood = ev.mood > 0.25 ? 'positive' : ev.mood < -0.15 ? 'negative' : 'neutral';
  const pools = familyPools(account);
  const base: Record<string, string | number> = {
    company: account.short,
    companyFull: account.seed.name,
    city: account.seed.city,
    brand: account.seed.brand,
    site: site(account),
    product: product?.spoken ?? account.seed.brand,
    productName: product?.name ?? account.seed.brand,
    po: order?.po ?? 'the open order',
    customerPo: order?.customerPo ?? 'our last PO',
    batch: order?.batch ?? `L${yy}-${rng.int(1000, 9999)}`,
    week: isoWeek(ahead),
    quarter: `Q${Math.floor(quarterAt.getUTCMonth() / 3) + 1} ${quarterAt.getUTCFullYear()}`,
    year: new Date(at).getUTCFullYear(),
    monthName: monthName(at + 30 * DAY),
    today: weekdayName(at),
    promiseDay: weekdayName(promise),
    promiseDate: dayMonth(promise),
    dueDay: weekdayName(due),
    dueDate: dayMonth(due),
    days: rng.int(3, 12),
    pct: 4.5,
    pct2: 3,
    effective: dayMonth(at + 60 * DAY),
    them: them?.first ?? 'the customer',
    themFull: them ? `${them.first} ${them.last}` : account.short,
    themTitle: them?.title ?? '',
    themList: people.length
      ? people.map((p) => `${p.first} ${p.last} (${p.title})`).join(', ')
      : account.short,
    us: firstName(us),
    usFull: us.name,
    usTitle: us.title,
    headName: firstName(staffMember(B2B_STAFF, 'head')),
    otd: mood === 'positive' ? rng.int(95, 99) : mood === 'neutral' ? rng.int(88, 95) : rng.int(71, 86),
    rft: mood === 'positive' ? rng.int(97, 100) : mood === 'neutral' ? rng.int(92, 97) : rng.int(80, 91),
    defect: rng.pick(pools.defects),
    topic: rng.pick(account.seed.type === 'partner' ? POOLS.partnerTopics : pools.topics),
    rootCause: rng.pick(POOLS.rootCauses),
    change: rng.pick(POOLS.changes),
    issue: rng.pick(POOLS.issues),
    newsTopic: rng.pick(POOLS.news),
    complaint: `CMP-${yy}-${rng.int(100, 999)}`,
    dev: `DEV-${yy}-${rng.int(1000, 9999)}`,
    invoice: `INV-${yy}${rng.int(10000, 99999)}`,
    supplyItem: account.seed.brand,
    repeatLine: '',
    auditOutcome: '',
    priceReaction: '',
    priceThreat: '',
    priceOutcome: '',
  };
  const vars = { ...base, ...ev.vars };
  vars.moodLine = one(rng, VARIABLE_LINES[mood], vars);
  return vars;
}

function frame(rng: Rng, kind: Kind, body: string, vars: Vars): string {
  if (kind.channel === 'letter') {
    return (
      one(rng, ['Dear {themFull},'], vars) +
      `\n\n${body}\n\n` +
      one(rng, ['Yours sincerely,\n{usFull}\n{usTitle}'], vars)
    );
  }
  if (kind.channel !== 'email') return body;
  const inbound = kind.direction === 'inbound';
  const greet = kind.curt
    ? ['{us},', 'Dear {usFull},']
    : inbound
      ? ['Hi {us},', 'Dear {us},', 'Hello {us},']
      : ['Dear {them},', 'Hi {them},', 'Hello {them},'];
  const sign = inbound
    ? kind.curt
      ? ['{themFull}', 'Regards,\n{themFull}']
      : [
          'Best regards,\n{themFull}',
          'Kind regards,\n{them}',
          'Thanks,\n{them}',
          'Best,\n{them}\n{themTitle}, {companyFull}',
        ]
    : [
        'Best regards,\n{usFull}\n{usTitle}, Helvetia Contract Manufacturing',
        'Kind regards,\n{us}',
        'Best,\n{us}',
      ];
  return `${one(rng, greet, vars)}\n\n${body}\n\n${one(rng, sign, vars)}`;
}

const PEOPLE_ROLE = {
  inbound: ['from', 'cc'],
  outbound: ['to', 'cc'],
  internal: ['participant', 'participant'],
} as const;
const USER_ROLE = {
  inbound: ['to', 'cc'],
  outbound: ['from', 'cc'],
  internal: ['participant', 'participant'],
} as const;

export interface Rendered {
  id: string;
  people: Contact[];
  users: string[];
  /** The follow-up the text promised (kind.task), with its due date. */
  promised: { title: string; due: number } | null;
}

/** Writes one interaction with its participants; returns who took part and what was promised. */
export function render(ctx: B2BContext, ev: B2BEvent): Rendered | null {
  const { rng } = ctx;
  const people = pickContacts(rng, ev.account, ev.at, ev.kind.who, ev.lead);
  if (ev.kind.who.strict && people.length === 0) return null;
  const users = [...new Set(ev.kind.us.map((u) => (u === 'owner' ? ev.account.seed.owner : u)))];
  const vars = variables(rng, ev, people, users);
  const { kind } = ev;
  const id = ctx.ids.make('interaction', ev.at);
  const occurred = iso(ev.at);
  const body = frame(rng, kind, compose(rng, kind.body, vars), vars);
  const promised =
    kind.task && body.includes(String(vars.promiseDay))
      ? { title: fill(rng, kind.task, vars), due: addWorkdays(ev.at, 3) }
      : null;
  const written = kind.channel === 'email' || kind.channel === 'letter';
  const conversation = kind.channel === 'phone' || written;
  ctx.rows.interactions.push({
    id,
    channel: kind.channel,
    direction: kind.direction,
    occurred_at: occurred,
    subject: one(rng, kind.subject, vars),
    body,
    company_id: ev.account.id,
    corrects_id: null,
    external_id: null,
    created_by: ctx.staff[users[0]!]!,
    created_at: iso(ev.at + (written ? 0 : rng.int(10, 180) * 60_000)),
  });
  people.forEach((person, i) => {
    const role = conversation ? PEOPLE_ROLE[kind.direction][i === 0 ? 0 : 1] : 'attendee';
    ctx.rows.interaction_people.push({
      interaction_id: id,
      person_id: person.personId,
      role: kind.channel === 'phone' ? 'participant' : role,
      occurred_at: occurred,
      channel: kind.channel,
    });
  });
  users.forEach((key, i) => {
    const role = conversation ? USER_ROLE[kind.direction][i === 0 ? 0 : 1] : 'attendee';
    ctx.rows.interaction_users.push({
      interaction_id: id,
      user_id: ctx.staff[key]!,
      role: kind.channel === 'phone' ? 'participant' : role,
    });
  });
  return { id, people, users, promised };
}
