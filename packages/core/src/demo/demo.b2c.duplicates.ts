import type { B2CContext, Customer } from './demo.b2c.customers.ts';
import { asciiName, DAY, iso } from './demo.text.ts';

/**
 * Guest checkouts: some shoppers bought once more under a second email, so the shop has them
 * twice (same name, same phone or address). Dedupe and merge have something true to find.
 */
export function guestDuplicates(ctx: B2CContext, all: Customer[]): void {
  const { rng, now } = ctx;
  const people = new Map(ctx.rows.people.map((row) => [row.id, row]));
  const candidates = all.filter((c) => {
    const row = people.get(c.personId);
    return c.email && (row?.phone || row?.address) && c.acquiredAt < now - 120 * DAY;
  });
  const count = Math.max(3, Math.round(all.length * 0.006));
  rng.sample(candidates, count).forEach((original, n) => {
    const row = people.get(original.personId)!;
    const acquiredAt = rng.float(original.acquiredAt + 30 * DAY, now - 20 * DAY);
    const domain = rng.pick(['example.net', 'post.example', 'inbox.example']);
    const email = `${asciiName(original.first)}${rng.int(70, 99)}@${domain}`;
    const twin: Customer = {
      ...original,
      personId: ctx.ids.make('person', acquiredAt),
      email,
      acquiredAt,
      home: 'web',
      rate: 0,
      subscription: null,
      emailConsent: false,
      smsConsent: false,
      tags: [],
      orders: [],
    };
    all.push(twin);
    ctx.rows.people.push({
      ...row,
      id: twin.personId,
      external_id: `G${700000 + n}`,
      email,
      tags: twin.tags,
      custom: {},
      consent: { email: { status: 'unknown', at: iso(acquiredAt), source: 'guest checkout' } },
      preferred_channel: null,
      birthday: null,
      created_at: iso(acquiredAt),
      updated_at: iso(acquiredAt),
    });
  });
}
