import { type Account, type B2BContext, membership } from './demo.b2b.records.ts';
import { DAY, iso } from './demo.text.ts';

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
