import type { B2CContext, Customer } from './demo.b2c.customers.ts';
import { CASES, type Case, type Message } from './demo.b2c.texts.ts';
import { SHOP_PRODUCTS, SOLD_OUT } from './demo.catalog.ts';
import type { Channel, Direction } from './demo.kinds.ts';
import type { Rng } from './demo.random.ts';
import { B2C_STAFF, firstName, staffMember } from './demo.staff.ts';
import {
  addWorkdays,
  compose,
  DAY,
  dayMonth,
  dayStart,
  fill,
  iso,
  isoDay,
  one,
  type Vars,
  weekdayName,
} from './demo.text.ts';

/** Support conversations, with the promises agents make and what became of them. */

const GEAR: Record<string, [name: string, faults: readonly string[]]> = {
  'EQ-GRIND-HAND': ['hand grinder', ['the burrs grind unevenly', 'the handle came off']],
  'EQ-GRIND-ELEC': [
    'electric grinder',
    ['the motor makes a loud clicking noise', 'it stops after a few seconds'],
  ],
  'EQ-KETTLE': ['gooseneck kettle', ['the thermometer shows nonsense', 'the base no longer heats']],
  'EQ-SCALE': ['coffee scale', ['the display went blank', 'the timer no longer starts']],
  'EQ-MOKA-6': ['moka pot', ['the gasket leaks', 'the handle melted on the stove']],
  'EQ-PRESS-1L': ['French press', ['the glass cracked after two uses', 'the plunger mesh tore']],
  'EQ-TEAPOT': ['teapot', ['the enamel chipped inside', 'the lid does not fit']],
};

/** When shoppers write: any day, from breakfast to late evening (roughly CET). */
function customerTime(rng: Rng, ms: number): number {
  return dayStart(ms) + rng.int(6 * 60, 21 * 60 + 30) * 60_000 + rng.int(0, 59) * 1000;
}

/** When the team answers: within working hours (07:00-19:00 UTC), else the next morning. */
function agentTime(rng: Rng, ms: number): number {
  const hour = new Date(ms).getUTCHours();
  if (hour >= 7 && hour < 19) return ms;
  return dayStart(hour >= 19 ? ms + DAY : ms) + (7 * 60 + rng.int(0, 150)) * 60_000;
}

const name = (sku: string) => SHOP_PRODUCTS.find((p) => p.sku === sku)?.name.split(',')[0] ?? sku;

interface Anchor {
  customer: Customer;
  at: number;
  vars: Record<string, string | number>;
}

function anchor(ctx: B2CContext, c: Customer, kase: Case): Anchor | null {
  const { rng, now } = ctx;
  const orders = c.orders;
  const coffee = (skus: string[]) =>
    skus.find((s) => s.startsWith('CF-') || s.startsWith('TE-')) ??
    c.favourites[0]?.sku ??
    'CF-BL-VELVET-250';
  const base = {
    them: c.first,
    name: `${c.first} ${c.last}`,
    city: c.city,
    weeks: rng.int(3, 30),
    days: rng.int(6, 14),
  };
  const pick = (
    filter: (o: Customer['orders'][number]) => boolean,
    from: number,
    to: number,
  ): Anchor | null => {
    const eligible = orders.filter(filter);
    if (!eligible.length) return null;
    const o = rng.pick(eligible);
    const item = coffee(o.skus);
    const other = rng.pick(
      SHOP_PRODUCTS.filter((p) => p.category === 'coffee' && p.sku !== item && !p.sku.startsWith('WS-')),
    ).sku;
    const gearSku = o.skus.find((s) => GEAR[s]);
    const gear = gearSku ? GEAR[gearSku]! : GEAR['EQ-GRIND-HAND']!;
    return {
      customer: c,
      at: o.at + rng.float(from, to) * DAY,
      vars: {
        ...base,
        order: o.number,
        orderDate: dayMonth(o.at),
        item: name(item),
        other: name(other),
        gear: gear[0],
        fault: rng.pick(gear[1]),
        roastDate: isoDay(o.at - rng.int(60, 120) * DAY),
        dueDay: weekdayName(o.at + 3 * DAY),
      },
    };
  };
  const fallback = {
    order: 'your last order',
    orderDate: '',
    item: name(c.favourites[0]?.sku ?? 'CF-BL-VELVET-250'),
    other: 'Brazil Cerrado',
    gear: 'grinder',
    fault: '',
    roastDate: '',
    dueDay: '',
  };
  const found = (() => {
    switch (kase.needs) {
      case 'web-order':
        return pick((o) => o.web, 4, 12);
      case 'equipment':
        return pick((o) => o.skus.some((s) => GEAR[s]), 14, 200);
      case 'order':
        return pick(() => true, 2, 20);
      case 'regular':
        return orders.length >= 3 ? pick((o) => o.at >= orders[2]!.at, 1, 30) : null;
      case 'course':
        return pick((o) => o.skus.includes('MR-COURSE'), 7, 14);
      case 'sold-out':
        return orders.some((o) => o.skus.includes(SOLD_OUT))
          ? { customer: c, at: now - rng.int(5, 110) * DAY, vars: { ...base, ...fallback } }
          : null;
      case 'subscriber':
        return c.subscription
          ? {
              customer: c,
              at: rng.float(c.subscription.from, c.subscription.to ?? now),
              vars: { ...base, ...fallback },
            }
          : null;
      case 'any':
        return { customer: c, at: rng.float(c.acquiredAt, now), vars: { ...base, ...fallback } };
    }
  })();
  if (found) found.at = customerTime(rng, found.at);
  return found && found.at < now - 3_600_000 ? found : null;
}

function frame(channel: Channel, direction: Direction, body: string, vars: Vars, agent: string): string {
  if (channel === 'chat') return direction === 'inbound' ? body : `${body}\n${agent}`;
  if (channel === 'social') return direction === 'inbound' ? `@beanandleaf ${body}` : `${body} ^${agent[0]}`;
  return direction === 'inbound'
    ? `Hello,\n\n${body}\n\n${vars.name}`
    : `Hi ${vars.them},\n\n${body}\n\n${agent}, Bean & Leaf customer care`;
}

export function support(ctx: B2CContext, all: Customer[]) {
  const { rng, now } = ctx;
  const shoppers = all.filter((c) => c.orders.length > 0 && !c.companyId);
  const count = Math.round(shoppers.length * 0.075);
  const write = (
    c: Customer,
    at: number,
    channel: Channel,
    direction: Direction,
    message: Message,
    vars: Vars,
    agentKey: string,
  ) => {
    const agent = firstName(staffMember(B2C_STAFF, agentKey));
    const id = ctx.ids.make('interaction', at);
    const subject = one(rng, message.subject, vars);
    ctx.rows.interactions.push({
      id,
      channel,
      direction,
      occurred_at: iso(at),
      subject: channel === 'email' ? subject : `${channel === 'chat' ? 'Chat' : 'Instagram'}: ${subject}`,
      body: frame(channel, direction, compose(rng, message.body, vars), vars, agent),
      company_id: null,
      corrects_id: null,
      external_id: null,
      created_by: ctx.staff[agentKey]!,
      created_at: iso(at),
    });
    ctx.rows.interaction_people.push({
      interaction_id: id,
      person_id: c.personId,
      role: direction === 'inbound' ? 'from' : 'to',
      occurred_at: iso(at),
      channel,
    });
    ctx.rows.interaction_users.push({
      interaction_id: id,
      user_id: ctx.staff[agentKey]!,
      role: direction === 'inbound' ? 'to' : 'from',
    });
  };
  const lost = new Map<Customer, number>();
  const lastCase = new Map<Customer, number>();
  for (let done = 0, tries = 0; done < count && tries < count * 20; tries++) {
    const kase = rng.weighted(CASES, (k) => k.weight);
    const found = anchor(ctx, rng.pick(shoppers), kase);
    if (!found || lost.has(found.customer)) continue;
    done++;
    const { customer: c, at } = found;
    lastCase.set(c, Math.max(lastCase.get(c) ?? 0, at));
    const channel = rng.pick(kase.channels);
    const agentKey = channel === 'social' ? 'sup3' : rng.pick(['sup1', 'sup2']);
    const replyAt = agentTime(
      rng,
      at + (channel === 'chat' ? rng.int(1, 8) * 60_000 : rng.int(1, 26) * 3_600_000),
    );
    const due = addWorkdays(replyAt, rng.int(kase.promiseDays[0], kase.promiseDays[1])) + 15 * 3_600_000;
    const vars: Vars = { ...found.vars, promiseDay: weekdayName(due), today: weekdayName(due + 2 * DAY) };
    write(c, at, channel, 'inbound', kase.open, vars, agentKey);
    if (replyAt < now) write(c, replyAt, channel, 'outbound', kase.reply, vars, agentKey);
    if (!kase.task || replyAt >= now) continue;
    const kept = rng.chance(staffMember(B2C_STAFF, agentKey).reliability);
    const outcome = kept ? kase.kept : kase.broken;
    const outcomeAt = customerTime(rng, due + rng.int(0, 1) * DAY + (kept ? 0 : 2 * DAY));
    let closed: number | null = kept ? due - rng.int(2, 20) * 3_600_000 : null;
    if (due < now && outcome && outcomeAt < now)
      write(c, outcomeAt, channel === 'chat' ? 'email' : channel, 'inbound', outcome, vars, agentKey);
    // After a broken promise the head of CX often steps in; some recent ones are still open.
    const forgotten = due > now - 90 * DAY && rng.chance(0.35);
    if (due < now && !kept && outcomeAt + DAY < now && !forgotten) {
      closed = agentTime(rng, outcomeAt + rng.int(2, 20) * 3_600_000);
      if (rng.chance(0.5)) write(c, closed, 'email', 'outbound', APOLOGY, vars, 'head');
    }
    if (closed !== null && closed >= now) closed = null;
    ctx.rows.tasks.push({
      id: ctx.ids.make('task', replyAt),
      title: fill(rng, kase.task, vars),
      description: `Promised to ${vars.name} on ${dayMonth(replyAt)}.`,
      due_at: new Date(due),
      assignee_id: ctx.staff[agentKey] ?? null,
      person_id: c.personId,
      company_id: null,
      done_at: closed === null ? null : new Date(closed),
      created_by: ctx.staff[agentKey] ?? null,
      created_at: iso(replyAt),
      updated_at: iso(closed ?? replyAt),
    });
    const unresolved = !kept && kase.mood < 0 && due < now && (lastCase.get(c) ?? 0) <= outcomeAt;
    if (unresolved && rng.chance(0.65)) lost.set(c, outcomeAt);
    if (kase.mood < 0 && rng.chance(0.4)) {
      note(
        ctx,
        c,
        replyAt + rng.int(1, 60) * 60_000,
        `${kase.name.charAt(0).toUpperCase()}${kase.name.slice(1)}: ${vars.name} was upset. ${kept ? 'Sorted out as promised.' : 'Follow up personally, this one could go wrong.'}`,
        agentKey,
      );
    }
  }
  loseCustomers(ctx, lost);
}

/**
 * Service recovery, the hard way: most shoppers whose complaint went unresolved stop buying,
 * so their later orders never happened (and a subscription ends).
 */
function loseCustomers(ctx: B2CContext, lost: Map<Customer, number>) {
  const gone = new Set<string>();
  for (const [c, at] of lost) {
    for (const o of c.orders) if (o.at > at + 2 * DAY) gone.add(o.id);
    c.orders = c.orders.filter((o) => !gone.has(o.id));
    const sub = c.tags.indexOf('subscriber');
    if (sub >= 0) c.tags.splice(sub, 1, 'former-subscriber');
  }
  ctx.rows.orders = ctx.rows.orders.filter((o) => !gone.has(o.id));
  ctx.rows.order_lines = ctx.rows.order_lines.filter((l) => !gone.has(l.order_id));
}

const APOLOGY: Message = {
  subject: ['Our apologies'],
  body: [
    ['I am Lena, head of customer experience at Bean & Leaf, and I read your messages to our team.'],
    ['I am truly sorry we let you down twice.'],
    ['I have refunded your order in full and added a voucher for your next coffee.'],
  ],
};

export function note(ctx: B2CContext, c: Customer, at: number, body: string, author: string) {
  ctx.rows.notes.push({
    id: ctx.ids.make('note', at),
    person_id: c.personId,
    company_id: c.companyId,
    order_id: null,
    body,
    author_id: ctx.staff[author] ?? null,
    created_at: iso(at),
    updated_at: iso(at),
  });
}
