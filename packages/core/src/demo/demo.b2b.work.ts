import type { B2BOrder } from './demo.b2b.orders.ts';
import type { Account, B2BContext } from './demo.b2b.records.ts';
import type { Story } from './demo.b2b.story.ts';
import { B2B_STAFF, staffMember } from './demo.staff.ts';
import { DAY, dayMonth, iso, one, type Vars } from './demo.text.ts';

/** Notes and tasks: the commitments from the timeline, follow-ups, and what the team knows. */

const PERSONAL = [
  'Prefers short emails, and a phone call for anything urgent.',
  'Very data-driven; always bring the on-time delivery numbers to meetings with {them}.',
  'Keen cyclist; rode the Gotthard pass last summer and likes to talk about it.',
  'Has been at {company} for many years and knows everyone in their quality team.',
  'Dislikes surprises on price; announce any change early and in person.',
  'Strong supporter of Helvetia inside {company}; involve {them} early in anything new.',
  'Sceptical about outsourcing in general; win {them} over with facts, not slides.',
  'Two young children; avoid late-afternoon calls.',
  'Speaks German and French; switch to French when things get tense.',
  'Reports to the {company} executive team every month; send numbers before the first of the month.',
];

const PLAN = [
  'Account plan {year}: grow {brand} volumes, secure a second product and keep on-time delivery above 95%.',
  'Account plan {year}: protect the {brand} business; the contract renewal is the priority.',
  'Account plan {year}: widen our contacts beyond purchasing, especially in quality and engineering.',
];

const ORDER_NOTES = [
  'Customer asked for a split delivery: half now, half in four weeks.',
  'Expedited at the customer\u2019s request; express freight invoiced separately.',
  'Delivery address changed to their new warehouse.',
  'Customer requested additional retained samples for their stability programme.',
  'Shipped with an extra temperature logger at the customer\u2019s request.',
];

function note(
  ctx: B2BContext,
  at: number,
  body: string,
  author: string,
  refs: { person?: string; company?: string; order?: string },
) {
  if (at >= ctx.now) return;
  ctx.rows.notes.push({
    id: ctx.ids.make('note', at),
    person_id: refs.person ?? null,
    company_id: refs.company ?? null,
    order_id: refs.order ?? null,
    body,
    author_id: ctx.staff[author] ?? null,
    created_at: iso(at),
    updated_at: iso(at),
  });
}

function task(
  ctx: B2BContext,
  t: {
    title: string;
    description: string | null;
    at: number;
    due: number;
    done: number | null;
    user: string;
    person?: string | undefined;
    company: string;
  },
) {
  ctx.rows.tasks.push({
    id: ctx.ids.make('task', t.at),
    title: t.title,
    description: t.description,
    due_at: new Date(t.due),
    assignee_id: ctx.staff[t.user] ?? null,
    person_id: t.person ?? null,
    company_id: t.company,
    done_at: t.done === null ? null : new Date(t.done),
    created_by: ctx.staff[t.user] ?? null,
    created_at: iso(t.at),
    updated_at: iso(t.done ?? t.at),
  });
}

export function work(story: Story, accounts: Account[], orders: B2BOrder[]) {
  const { ctx } = story;
  const { rng, now } = ctx;
  for (const c of story.commitments) {
    const them = c.lead ? `${c.lead.first} ${c.lead.last}` : c.account.short;
    task(ctx, {
      title: c.title,
      description: `Promised to ${them} by ${staffMember(B2B_STAFF, c.userKey).name}, due ${dayMonth(c.dueAt)}.`,
      at: c.madeAt,
      due: c.dueAt + 16 * 3_600_000,
      done: c.closedAt,
      user: c.userKey,
      person: c.lead?.personId,
      company: c.account.id,
    });
    if (c.outcome === 'broken' && rng.chance(0.5)) {
      note(
        ctx,
        c.dueAt + rng.int(5, 15) * DAY,
        `Lessons learned: "${c.title}" slipped past the date we gave ${them}. Next time we warn the customer before the due date, not after.`,
        'head',
        { company: c.account.id },
      );
    }
  }
  for (const account of accounts) {
    const vars: Vars = { company: account.short, brand: account.seed.brand, them: '', year: 0 };
    const owner = account.seed.owner;
    if (account.seed.type === 'customer' && account.seed.tier !== 'C') {
      for (let at = account.since + 20 * DAY; at < (account.until ?? now); at += 365 * DAY) {
        note(ctx, at, one(rng, PLAN, { ...vars, year: new Date(at + 30 * DAY).getUTCFullYear() }), owner, {
          company: account.id,
        });
      }
    }
    for (const contact of account.contacts) {
      const them = `${contact.first} ${contact.last}`;
      if (contact.to !== null) {
        note(
          ctx,
          contact.to + rng.int(2, 20) * DAY,
          `${them} (${contact.title}) has left ${account.short}. Ask who takes over the ${contact.fn} topics and update the relationship map.`,
          owner,
          { company: account.id, person: contact.personId },
        );
      }
      if (rng.chance(0.3)) {
        const at = rng.float(Math.max(contact.from, account.since), Math.min(contact.to ?? now, now));
        note(ctx, at, one(rng, PERSONAL, { ...vars, them: contact.first }), owner, {
          person: contact.personId,
          company: account.id,
        });
      }
    }
    const renewal = (ctx.rows.companies.find((c) => c.id === account.id)?.custom as Record<string, unknown>)
      ?.contract_renewal;
    if (typeof renewal === 'string') {
      const renewalAt = Date.parse(`${renewal}T00:00:00Z`);
      if (renewalAt < now + 150 * DAY) {
        const due = renewalAt - 45 * DAY;
        task(ctx, {
          title: `Prepare contract renewal for ${account.short}`,
          description: `Contract renews on ${renewal}. Review volumes, prices and the quality agreement.`,
          at: due - 60 * DAY,
          due,
          done: due < now - 20 * DAY && rng.chance(0.7) ? due - 2 * DAY : null,
          user: owner,
          company: account.id,
        });
      }
    }
  }
  for (const row of ctx.rows.interactions) {
    if (!row.subject?.startsWith('Quarterly business review') && !row.subject?.startsWith('QBR')) continue;
    const at = Date.parse(String(row.occurred_at));
    const account = accounts.find((a) => a.id === row.company_id)!;
    const done = at + rng.int(1, 4) * DAY;
    task(ctx, {
      title: `Send QBR minutes to ${account.short}`,
      description: null,
      at,
      due: at + 3 * DAY,
      done: done < now ? done : null,
      user: account.seed.owner,
      company: account.id,
    });
  }
  for (const order of orders) {
    if (rng.chance(0.05))
      note(ctx, order.at + rng.int(1, 5) * DAY, one(rng, ORDER_NOTES, {}), order.account.seed.owner, {
        order: order.id,
        company: order.account.id,
      });
  }
}
