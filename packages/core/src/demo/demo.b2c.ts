import type { GenerateInput } from './demo.b2b.ts';
import { type B2CContext, type Customer, customers, shopCustomFields } from './demo.b2c.customers.ts';
import { guestDuplicates } from './demo.b2c.duplicates.ts';
import { customerDrafts, shopProducts, writeOrders } from './demo.b2c.purchases.ts';
import { note, support } from './demo.b2c.support.ts';
import { CAMPAIGNS } from './demo.b2c.texts.ts';
import { wholesale } from './demo.b2c.wholesale.ts';
import { DemoIds, Rng } from './demo.random.ts';
import { shopReviews } from './demo.reviews.ts';
import { type DemoRows, emptyRows } from './demo.rows.ts';
import { B2C_STAFF } from './demo.staff.ts';
import { B2C_CSAT, B2C_NPS } from './demo.surveys.texts.ts';
import { surveys } from './demo.surveys.ts';
import { DAY, fill, iso } from './demo.text.ts';

/**
 * Bean & Leaf: three years of a coffee-and-retail brand, as rows. Pure: the same input gives
 * the same rows, ids included. `customers` sets the number of shoppers (default 5,000).
 */
export function generateB2C(input: GenerateInput & { customers?: number }): DemoRows {
  const root = new Rng(`${input.seed}/b2c`);
  const now = input.now.getTime();
  const ctx: B2CContext = {
    rng: root.fork('content'),
    ids: new DemoIds(root.fork('ids')),
    now,
    start: now - Math.round(3 * 365.25) * DAY,
    staff: input.staff,
    rows: emptyRows(),
    customers: input.customers ?? 5000,
  };
  shopCustomFields(ctx);
  const productIds = shopProducts(ctx);
  const all = customers(ctx);
  guestDuplicates(ctx, all);
  const drafts = [...customerDrafts(ctx, all), ...wholesale(ctx, all)];
  writeOrders(ctx, drafts, productIds);
  support(ctx, all);
  recognise(ctx, all);
  campaigns(ctx, all);
  shopReviews(ctx, root.fork('reviews'), all, productIds);
  surveys({
    rng: root.fork('surveys'),
    ids: new DemoIds(root.fork('survey-ids')),
    now,
    rows: ctx.rows,
    org: 'Bean & Leaf',
    staff: input.staff,
    members: B2C_STAFF,
    nps: {
      name: 'Customer NPS',
      intro: 'A quick question from the Bean & Leaf roastery.',
      thankYou: 'Thank you! We read every comment over our morning coffee.',
      comments: B2C_NPS,
      share: 0.08,
    },
    csat: {
      name: 'Order and support satisfaction',
      scoreLabel: 'How satisfied are you with how we handled your order or question?',
      intro: 'You were in touch with us recently. How did we do?',
      thankYou: 'Thank you for taking the time.',
      comments: B2C_CSAT,
      perMonth: 120,
    },
  });
  return ctx.rows;
}

/** Tags and notes the team adds by hand: course alumni, the most valuable regulars, the cafés. */
function recognise(ctx: B2CContext, all: Customer[]) {
  const { rng } = ctx;
  const value = (c: Customer) => c.orders.reduce((sum, o) => sum + o.total, 0);
  const ranked = all.filter((c) => !c.companyId && c.orders.length).sort((a, b) => value(b) - value(a));
  for (const c of ranked.slice(0, Math.ceil(ranked.length * 0.01))) {
    c.tags.push('vip');
    const last = c.orders.at(-1)!;
    const since = new Date(c.orders[0]!.at).getUTCFullYear();
    note(
      ctx,
      c,
      last.at + DAY,
      `One of our most loyal customers: ${c.orders.length} orders since ${since}. Always add a handwritten card.`,
      'head',
    );
  }
  for (const c of all) {
    if (c.orders.some((o) => o.skus.includes('MR-COURSE'))) c.tags.push('barista-course');
    if (c.companyId && c.orders.length > 3 && rng.chance(0.6)) {
      const at = c.orders[Math.floor(c.orders.length / 2)]!.at + DAY;
      const text = rng.pick([
        'Visited the café; they would like a second grinder setting for decaf and asked about latte art training for new staff.',
        'Asked for an invoice per month instead of per delivery; agreed.',
        'Very happy with the Velvet Espresso; considering our tea range for their afternoon menu.',
        'Complained that the last two deliveries came after opening time; promised morning slots.',
      ]);
      note(ctx, c, at, text, 'wholesale');
    }
  }
}

/** The last month's marketing: two newsletters and one SMS, to everyone who agreed to them. */
function campaigns(ctx: B2CContext, all: Customer[]) {
  const { rng, now } = ctx;
  const sends = [
    {
      campaign: CAMPAIGNS[0]!,
      at: now - 26 * DAY + 8 * 3_600_000,
      recent: 400,
      consent: (c: Customer) => c.emailConsent,
    },
    {
      campaign: CAMPAIGNS[1]!,
      at: now - 9 * DAY + 8 * 3_600_000,
      recent: 400,
      consent: (c: Customer) => c.emailConsent,
    },
    {
      campaign: CAMPAIGNS[2]!,
      at: now - 5 * DAY + 10 * 3_600_000,
      recent: 200,
      consent: (c: Customer) => c.smsConsent,
    },
  ];
  for (const { campaign, at, recent, consent } of sends) {
    for (const c of all) {
      const last = c.orders.at(-1)?.at ?? c.acquiredAt;
      if (c.doNotContact || !consent(c) || c.companyId || last < at - recent * DAY || last > at) continue;
      const sent = at + rng.int(0, 7200) * 1000;
      const id = ctx.ids.make('interaction', sent);
      ctx.rows.interactions.push({
        id,
        channel: campaign.channel,
        direction: campaign.direction,
        occurred_at: iso(sent),
        subject: campaign.subject,
        body: fill(rng, campaign.body, { them: c.first }),
        company_id: null,
        corrects_id: null,
        external_id: null,
        created_by: ctx.staff.marketing!,
        created_at: iso(sent),
      });
      ctx.rows.interaction_people.push({
        interaction_id: id,
        person_id: c.personId,
        role: 'to',
        occurred_at: iso(sent),
        channel: campaign.channel,
      });
    }
  }
}
