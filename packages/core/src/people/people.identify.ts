import type { Address } from '@rapport/db';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { emitEvents } from '../webhooks/webhooks.service.ts';
import {
  additionalEmails,
  type IdentityLink,
  linkIdentities,
  peopleForIdentify,
} from './people.identities.ts';
import { peopleByIds } from './people.present.ts';
import { COLUMNS, type PersonRow } from './people.repo.ts';

/** Fields an identify may set, already checked (personUpdate's rules). */
export interface IdentifyFields {
  email?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  title?: string | undefined;
  address?: Address | undefined;
  birthday?: string | undefined;
  timezone?: string | undefined;
  locale?: string | undefined;
}

/** One identify: who (user id, anonymous id) and what they are now. */
export interface IdentifyRow {
  /** The caller's reference (an index), used in the outcome. */
  key: number;
  userId: string | null;
  anonymousId: string | null;
  fields: IdentifyFields;
  /** Values of defined custom fields, already checked against their definitions. */
  custom: Record<string, unknown>;
  /** Everything else the identify said; kept in `traits`. */
  traits: Record<string, unknown>;
}

export interface IdentifyOutcome {
  /** The person of each row (by key). */
  personOf: Map<number, string>;
  /** Rows about someone not known yet that name no one (no email, no name): no person is made. */
  unnamed: number[];
  created: string[];
  updated: string[];
  /** Ids newly linked to people (events sent under them can now be attached). */
  linked: IdentityLink[];
}

const TEXT = {
  first_name: 'firstName',
  last_name: 'lastName',
  phone: 'phone',
  title: 'title',
  birthday: 'birthday',
  timezone: 'timezone',
  locale: 'locale',
} as const;

type Values = Pick<
  PersonRow,
  'external_id' | 'email' | 'additional_emails' | 'address' | 'custom' | 'traits' | keyof typeof TEXT
>;

interface Draft {
  id: string;
  original: PersonRow | null;
  values: Values;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Who an identify means: its user id, else its email (dedupe), else its device. */
function pick(row: IdentifyRow, drafts: Map<string, Draft>, known: Known): Draft | undefined {
  const byUser = row.userId ? known.user.get(row.userId) : undefined;
  if (byUser) return drafts.get(byUser);
  const byEmail = row.fields.email ? known.email.get(row.fields.email) : undefined;
  if (byEmail) return drafts.get(byEmail);
  const byDevice = row.anonymousId ? drafts.get(known.anonymous.get(row.anonymousId) ?? '') : undefined;
  // A device another user signed in on before is not that user.
  if (byDevice && (!row.userId || !byDevice.values.external_id)) return byDevice;
  return undefined;
}

interface Known {
  user: Map<string, string>;
  anonymous: Map<string, string>;
  email: Map<string, string>;
}

/** Applies what one identify says; traits replace stored values, nothing is erased. */
function apply(draft: Draft, row: IdentifyRow, known: Known) {
  const v = draft.values;
  for (const [column, field] of Object.entries(TEXT) as [keyof typeof TEXT, keyof IdentifyFields][]) {
    const value = row.fields[field];
    if (typeof value === 'string') v[column] = value;
  }
  const email = row.fields.email;
  if (email && email !== v.email) {
    const owner = known.email.get(email);
    const extra = new Set(v.additional_emails);
    if (owner && owner !== draft.id)
      extra.add(email); // someone else's address: a duplicate to review
    else {
      if (v.email) extra.add(v.email);
      extra.delete(email);
      v.email = email;
      known.email.set(email, draft.id);
    }
    v.additional_emails = [...extra];
  }
  if (row.fields.address) v.address = { ...((v.address as Address | null) ?? {}), ...row.fields.address };
  if (Object.keys(row.custom).length) v.custom = { ...v.custom, ...row.custom };
  if (Object.keys(row.traits).length) v.traits = { ...v.traits, ...row.traits };
  if (row.userId && !v.external_id && !known.user.has(row.userId)) v.external_id = row.userId;
}

function valuesOf(row: PersonRow): Values {
  const { external_id, email, additional_emails, address, custom, traits } = row;
  const text = Object.fromEntries(Object.keys(TEXT).map((c) => [c, row[c as keyof typeof TEXT]]));
  return { external_id, email, additional_emails, address, custom, traits, ...text } as Values;
}

function emptyValues(): Values {
  return {
    external_id: null,
    email: null,
    additional_emails: [],
    address: null,
    custom: {},
    traits: {},
    first_name: null,
    last_name: null,
    phone: null,
    title: null,
    birthday: null,
    timezone: null,
    locale: null,
  };
}

/**
 * Creates or updates the people of a batch of identifies, set-based: one query finds them (by
 * user id as external id or linked identity, email primary or additional, device), one insert
 * creates the new ones, one update writes the changed ones, one insert links the ids. Rows about
 * the same person add up in order. A new person needs an email or a name: rows about someone
 * unknown without either make no one (`unnamed`). Emits `person.created` and `person.updated` webhook
 * events for the people it created and changed.
 */
export async function identifyPeople(ctx: Ctx, rows: IdentifyRow[]): Promise<IdentifyOutcome> {
  const outcome: IdentifyOutcome = {
    personOf: new Map(),
    unnamed: [],
    created: [],
    updated: [],
    linked: [],
  };
  const ids = (pick: (row: IdentifyRow) => string | null | undefined) =>
    rows.flatMap((row) => (pick(row) ? [pick(row)!] : []));
  const found = await peopleForIdentify(
    ctx,
    COLUMNS,
    ids((r) => r.userId),
    ids((r) => r.anonymousId),
    ids((r) => r.fields.email),
  );
  // An email only dedupes a row whose user id is not known yet; of those, the emails no one has
  // as primary may be someone's additional one.
  const placed = (r: IdentifyRow) => !!r.userId && found.byUser.has(r.userId);
  await additionalEmails(
    ctx,
    COLUMNS,
    found,
    ids((r) => (!placed(r) && r.fields.email && !found.byEmail.has(r.fields.email) ? r.fields.email : null)),
  );
  const drafts = new Map<string, Draft>();
  const known: Known = { user: new Map(), anonymous: new Map(), email: new Map() };
  for (const [map, target] of [
    [found.byUser, known.user],
    [found.byAnonymous, known.anonymous],
    [found.byEmail, known.email],
  ] as const) {
    for (const [value, person] of map) {
      target.set(value, person.id);
      if (!drafts.has(person.id))
        drafts.set(person.id, { id: person.id, original: person, values: valuesOf(person) });
    }
  }
  const links: IdentityLink[] = [];
  for (const row of rows) {
    let draft = pick(row, drafts, known);
    if (!draft) {
      const named = row.fields.email || row.fields.firstName || row.fields.lastName;
      if (!named) {
        outcome.unnamed.push(row.key);
        continue;
      }
      draft = { id: newId('person'), original: null, values: emptyValues() };
      drafts.set(draft.id, draft);
    }
    apply(draft, row, known);
    if (row.userId && !known.user.has(row.userId)) {
      known.user.set(row.userId, draft.id);
      if (draft.values.external_id !== row.userId)
        links.push({ kind: 'user', value: row.userId, personId: draft.id });
    }
    if (row.anonymousId && !known.anonymous.has(row.anonymousId)) {
      known.anonymous.set(row.anonymousId, draft.id);
      links.push({ kind: 'anonymous', value: row.anonymousId, personId: draft.id });
    }
    outcome.personOf.set(row.key, draft.id);
  }
  const touched = new Set(outcome.personOf.values());
  // In id order, so that concurrent batches lock the same people in the same order.
  const all = [...drafts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const created = all.filter((d) => !d.original && touched.has(d.id));
  const changed = all.filter((d) => d.original && touched.has(d.id) && !same(valuesOf(d.original), d.values));
  await insertDrafts(ctx, created);
  await updateDrafts(ctx, changed);
  outcome.created = created.map((d) => d.id);
  outcome.updated = changed.map((d) => d.id);
  outcome.linked = await linkIdentities(ctx, links);
  await emitEvents(ctx, 'person.created', outcome.created, (ids) => peopleByIds(ctx, ids));
  await emitEvents(ctx, 'person.updated', outcome.updated, (ids) => peopleByIds(ctx, ids));
  return outcome;
}

async function insertDrafts(ctx: Ctx, drafts: Draft[]) {
  if (drafts.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('people')
    .values(
      drafts.map(({ id, values: v }) => ({
        id,
        workspace_id: ctx.workspaceId,
        ...v,
        address: v.address ? JSON.stringify(v.address) : null,
        custom: JSON.stringify(v.custom),
        traits: JSON.stringify(v.traits),
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** One UPDATE for every changed person, from a JSON array of their new values. */
async function updateDrafts(ctx: Ctx, drafts: Draft[]) {
  if (drafts.length === 0) return;
  const rows = JSON.stringify(drafts.map((d) => ({ id: d.id, ...d.values })));
  await sql`
    update people p set external_id = r.external_id, email = r.email, additional_emails = r.additional_emails,
      first_name = r.first_name, last_name = r.last_name, phone = r.phone, title = r.title,
      birthday = r.birthday, timezone = r.timezone, locale = r.locale, address = r.address,
      custom = r.custom, traits = r.traits, updated_at = ${ctx.clock.now()}
    from jsonb_to_recordset(${rows}::jsonb) as r(id text, external_id text, email text, additional_emails text[],
      first_name text, last_name text, phone text, title text, birthday date, timezone text, locale text,
      address jsonb, custom jsonb, traits jsonb)
    where p.id = r.id`.execute(ctx.db);
}
