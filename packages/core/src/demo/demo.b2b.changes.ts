import { type Account, type B2BContext, membership } from './demo.b2b.records.ts';
import { asciiName, DAY, iso } from './demo.text.ts';

/** People who changed employer, and people entered twice: what dedupe and merge meet in real life. */

const NICKNAMES: Record<string, string> = {
  Christopher: 'Chris',
  Michael: 'Mike',
  Jennifer: 'Jen',
  Daniel: 'Dan',
  Thomas: 'Tom',
  Stephanie: 'Steph',
  Alessandro: 'Alex',
  Andreas: 'Andi',
  Benedikt: 'Bene',
  Sebastian: 'Seb',
  Nathan: 'Nate',
  Matthias: 'Matt',
  Franziska: 'Franzi',
  Valentina: 'Vale',
};

/**
 * A few contacts were entered twice, by a colleague who met them later: a nickname, no email,
 * the same phone and company. Dedupe and merge have something true to find in the B2B data.
 */
export function duplicateContacts(ctx: B2BContext, accounts: Account[]): void {
  const { rng, now } = ctx;
  const people = new Map(ctx.rows.people.map((row) => [row.id, row]));
  const candidates = accounts
    .filter((a) => a.seed.type === 'customer' && a.until === null)
    .flatMap((account) =>
      account.contacts
        .filter((c) => c.to === null && c.from < now - 400 * DAY && people.get(c.personId)?.phone)
        .map((contact) => ({ account, contact })),
    );
  const named = candidates.filter(({ contact }) => NICKNAMES[contact.first]);
  const picked = [...rng.sample(named, 3), ...rng.sample(candidates, 2)];
  for (const { account, contact } of new Set(picked)) {
    const original = people.get(contact.personId)!;
    const at = rng.float(Math.max(contact.from, account.since) + 60 * DAY, now - 60 * DAY);
    const first = NICKNAMES[contact.first] ?? contact.first;
    const personId = ctx.ids.make('person', at);
    const others = ['am1', 'am2', 'am3', 'am4', 'cs', 'quality'].filter((k) => k !== account.seed.owner);
    ctx.rows.people.push({
      ...original,
      id: personId,
      first_name: first,
      email: null,
      additional_emails: [],
      tags: [],
      custom: {},
      consent: {},
      owner_id: ctx.staff[rng.pick(others)] ?? null,
      created_at: iso(at),
      updated_at: iso(at),
    });
    membership(ctx, account, personId, contact.title, contact.level, contact.fn, at, null);
    account.contacts.push({ ...contact, personId, first, from: at, weight: 0.4 });
  }
}

/** Two contacts who left one customer turn up at another one: the champion who moved. */
export function movers(ctx: B2BContext, all: Account[]): void {
  const emails = ctx.emails;
  const customers = all.filter((a) => a.seed.type === 'customer' && a.until === null);
  const leavers = customers.flatMap((a) =>
    a.contacts
      .filter((c) => c.to !== null && c.to < ctx.now - 200 * DAY && c.level !== 'end_user')
      .map((c) => ({ a, c })),
  );
  for (const { a, c } of ctx.rng.sample(leavers, 2)) {
    const target = ctx.rng.pick(customers.filter((other) => other !== a));
    const from = c.to! + ctx.rng.int(30, 90) * DAY;
    const row = ctx.rows.people.find((p) => p.id === c.personId)!;
    let email = `${asciiName(c.first)}.${asciiName(c.last)}@${target.seed.domain}`;
    if (emails.has(email)) email = `${asciiName(c.first)[0]}${asciiName(c.last)}@${target.seed.domain}`;
    emails.add(email);
    row.additional_emails = [row.email!];
    row.email = email;
    row.updated_at = iso(from);
    row.owner_id = ctx.staff[target.seed.owner] ?? null;
    target.contacts.push({ ...c, from, to: null, weight: 1.5 });
    membership(ctx, target, c.personId, c.title, c.level, c.fn, from, null);
  }
}
