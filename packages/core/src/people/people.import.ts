import type { Address, PeopleTable } from '@rapport/db';
import type { Insertable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { RELATIONSHIP_TYPES } from '../shared/fields.ts';
import { newId } from '../shared/ids.ts';
import { chunks, emailKey, emptyOutcome, type ImportOutcome, type RowProblem } from '../shared/transfer.ts';
import { emitEvents } from '../webhooks/webhooks.service.ts';
import { peopleByIds } from './people.present.ts';
import * as repo from './people.repo.ts';

/** One person row of an import; `undefined` = column not in the file, `null` = empty cell. */
export interface PersonImportRow {
  line: number;
  id?: string | null;
  externalId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  additionalEmails?: string[] | null;
  phone?: string | null;
  title?: string | null;
  relationshipType?: (typeof RELATIONSHIP_TYPES)[number] | null;
  ownerId?: string | null;
  tags?: string[] | null;
  custom?: Record<string, unknown>;
  consent?: Record<string, { status: string; at?: string; source?: string }>;
  preferredChannel?: string | null;
  doNotContact?: boolean | null;
  timezone?: string | null;
  locale?: string | null;
  address?: Address | null;
  birthday?: string | null;
  socialHandles?: Record<string, string> | null;
  createdAt?: string | null;
}

/** A reference to a person by one of their keys, as order and interaction rows name them. */
export interface PersonRef {
  line: number;
  id?: string | null | undefined;
  externalId?: string | null | undefined;
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
}

interface Known {
  byId: Map<string, repo.PersonRow>;
  byExternalId: Map<string, repo.PersonRow>;
  byEmail: Map<string, repo.PersonRow>;
}

async function lookup(ctx: Ctx, refs: PersonRef[]): Promise<Known> {
  const uniq = (values: (string | null | undefined)[]) => [
    ...new Set(values.filter((v): v is string => !!v)),
  ];
  const ids = uniq(refs.map((r) => r.id));
  const externalIds = uniq(refs.map((r) => r.externalId));
  const emails = uniq(refs.map((r) => (r.email ? emailKey(r.email) : null)));
  const rows: repo.PersonRow[] = [];
  const add = (found: repo.PersonRow[]) => {
    for (const row of found) rows.push(row);
  };
  for (const part of chunks(ids, 50_000)) add(await repo.peopleBy(ctx, 'id', part));
  for (const part of chunks(externalIds, 50_000)) add(await repo.peopleBy(ctx, 'external_id', part));
  for (const part of chunks(emails, 50_000)) add(await repo.peopleBy(ctx, 'email', part));
  // Only the emails that are nobody's primary one can be someone's additional one.
  const primary = new Set(rows.flatMap((row) => (row.email ? [emailKey(row.email)] : [])));
  const others = emails.filter((address) => !primary.has(address));
  for (const part of chunks(others, 50_000)) add(await repo.peopleBy(ctx, 'additional_email', part));
  const known: Known = { byId: new Map(), byExternalId: new Map(), byEmail: new Map() };
  for (const row of rows) {
    if (known.byId.has(row.id)) continue;
    known.byId.set(row.id, row);
    if (row.merged_into_id) continue;
    if (row.external_id) known.byExternalId.set(row.external_id, row);
    for (const address of [row.email, ...row.additional_emails]) {
      if (address && !known.byEmail.has(emailKey(address))) known.byEmail.set(emailKey(address), row);
    }
  }
  return known;
}

function match(known: Known, ref: PersonRef): { row?: repo.PersonRow; problem?: RowProblem } {
  const hits: [string, repo.PersonRow | undefined][] = [];
  if (ref.id) hits.push(['id', known.byId.get(ref.id)]);
  if (ref.externalId) hits.push(['externalId', known.byExternalId.get(ref.externalId)]);
  if (ref.email) hits.push(['email', known.byEmail.get(emailKey(ref.email))]);
  const found = hits.filter((hit): hit is [string, repo.PersonRow] => hit[1] !== undefined);
  const first = found[0];
  const clash = found.find(([, row]) => row.id !== first?.[1].id);
  if (first && clash) {
    return {
      problem: {
        line: ref.line,
        field: clash[0],
        message: `belongs to ${clash[1].id} while ${first[0]} belongs to ${first[1].id}`,
      },
    };
  }
  if (!first) return {};
  const row = first[1];
  return { row: row.merged_into_id ? (known.byId.get(row.merged_into_id) ?? row) : row };
}

function patchOf(row: PersonImportRow, existing: repo.PersonRow): Updateable<PeopleTable> {
  const set: Updateable<PeopleTable> = {};
  const text = [
    'externalId',
    'firstName',
    'lastName',
    'phone',
    'title',
    'preferredChannel',
    'timezone',
    'locale',
    'birthday',
  ] as const;
  const column = {
    externalId: 'external_id',
    firstName: 'first_name',
    lastName: 'last_name',
    phone: 'phone',
    title: 'title',
    preferredChannel: 'preferred_channel',
    timezone: 'timezone',
    locale: 'locale',
    birthday: 'birthday',
  } as const;
  for (const key of text) {
    const value = row[key];
    if (value && value !== existing[column[key]]) (set as Record<string, unknown>)[column[key]] = value;
  }
  if (row.email && emailKey(row.email) !== existing.email) {
    if (!existing.email) set.email = emailKey(row.email);
    else if (!existing.additional_emails.includes(emailKey(row.email))) {
      set.additional_emails = [...existing.additional_emails, emailKey(row.email)];
    }
  }
  if (row.additionalEmails?.length) {
    const all = new Set([
      ...((set.additional_emails as string[] | undefined) ?? existing.additional_emails),
      ...row.additionalEmails,
    ]);
    all.delete(existing.email ?? '');
    if (all.size !== existing.additional_emails.length) set.additional_emails = [...all];
  }
  if (row.relationshipType && row.relationshipType !== existing.relationship_type)
    set.relationship_type = row.relationshipType;
  if (row.ownerId && row.ownerId !== existing.owner_id) set.owner_id = row.ownerId;
  if (row.tags?.some((tag) => !existing.tags.includes(tag)))
    set.tags = [...new Set([...existing.tags, ...row.tags])];
  if (
    row.custom &&
    Object.entries(row.custom).some(([k, v]) => JSON.stringify(existing.custom[k]) !== JSON.stringify(v))
  ) {
    set.custom = JSON.stringify({ ...existing.custom, ...row.custom });
  }
  if (row.consent && Object.keys(row.consent).length)
    set.consent = JSON.stringify({ ...existing.consent, ...row.consent });
  if (row.doNotContact != null && row.doNotContact !== existing.do_not_contact)
    set.do_not_contact = row.doNotContact;
  if (
    row.socialHandles &&
    Object.entries(row.socialHandles).some(([k, v]) => existing.social_handles[k] !== v)
  )
    set.social_handles = JSON.stringify({ ...existing.social_handles, ...row.socialHandles });
  if (row.address)
    set.address = JSON.stringify({ ...((existing.address as Address | null) ?? {}), ...row.address });
  return set;
}

function insertOf(ctx: Ctx, row: PersonImportRow): Insertable<PeopleTable> {
  const id = row.id && /^per_[0-9a-z]{26}$/.test(row.id) ? row.id : newId('person');
  const at = row.createdAt ? new Date(row.createdAt) : ctx.clock.now();
  const email = row.email ? emailKey(row.email) : null;
  return {
    id,
    workspace_id: ctx.workspaceId,
    external_id: row.externalId ?? null,
    first_name: row.firstName ?? null,
    last_name: row.lastName ?? null,
    email,
    additional_emails: (row.additionalEmails ?? []).filter((address) => address !== email),
    phone: row.phone ?? null,
    title: row.title ?? null,
    relationship_type: row.relationshipType ?? 'customer',
    owner_id: row.ownerId ?? null,
    tags: row.tags ?? [],
    custom: JSON.stringify(row.custom ?? {}),
    consent: JSON.stringify(row.consent ?? {}),
    preferred_channel: row.preferredChannel ?? null,
    do_not_contact: row.doNotContact ?? false,
    timezone: row.timezone ?? null,
    locale: row.locale ?? null,
    address: row.address ? JSON.stringify(row.address) : null,
    birthday: row.birthday ?? null,
    social_handles: JSON.stringify(row.socialHandles ?? {}),
    created_at: at,
    updated_at: at,
  };
}

/**
 * Creates or updates people. A row matches by id, external id or email (primary or
 * additional); rows of the file with the same key are one person. Empty cells never erase what
 * is stored; tags and emails add up. Returns the person id of each line. The people created and
 * changed are `person.created` and `person.updated` webhook events.
 */
export async function importPeople(
  ctx: Ctx,
  rows: PersonImportRow[],
): Promise<ImportOutcome & { idOfLine: Map<number, string> }> {
  const outcome = emptyOutcome();
  const idOfLine = new Map<number, string>();
  const changed = new Set<string>();
  const known = await lookup(ctx, rows);
  const pending = new Map<string, Insertable<PeopleTable>>();
  const fileKey = new Map<string, string>();
  const keysOf = (row: PersonImportRow) =>
    [
      row.id,
      row.externalId ? `x:${row.externalId}` : null,
      row.email ? `e:${emailKey(row.email)}` : null,
    ].filter((key): key is string => !!key);
  for (const row of rows) {
    const { row: existing, problem } = match(known, row);
    if (problem) {
      outcome.problems.push(problem);
      continue;
    }
    const earlier = keysOf(row)
      .map((key) => fileKey.get(key))
      .find(Boolean);
    if (existing) {
      const set = patchOf(row, existing);
      if (Object.keys(set).length) {
        const updated = await repo.updatePerson(ctx, existing.id, set);
        if (updated) known.byId.set(updated.id, updated);
        changed.add(existing.id);
        outcome.updated++;
      } else outcome.unchanged++;
      idOfLine.set(row.line, existing.id);
    } else if (earlier) {
      const first = pending.get(earlier)!;
      if (row.tags?.length) first.tags = [...new Set([...((first.tags as string[]) ?? []), ...row.tags])];
      idOfLine.set(row.line, earlier);
    } else {
      if (!row.firstName && !row.lastName && !row.email) {
        outcome.problems.push({
          line: row.line,
          field: 'email',
          message: 'a new person needs a first name, a last name or an email',
        });
        continue;
      }
      const insert = insertOf(ctx, row);
      pending.set(insert.id, insert);
      for (const key of keysOf(row)) fileKey.set(key, insert.id);
      idOfLine.set(row.line, insert.id);
      outcome.created++;
    }
  }
  for (const part of chunks([...pending.values()], 500))
    await ctx.db.insertInto('people').values(part).execute();
  const present = (ids: string[]) => peopleByIds(ctx, ids);
  await emitEvents(ctx, 'person.created', [...pending.keys()], present);
  await emitEvents(ctx, 'person.updated', [...changed], present);
  return { ...outcome, idOfLine };
}

/**
 * The person each reference means; with `create`, an email that matches nobody creates the
 * person (with the names given). Returns the id per line.
 */
export async function resolvePersonRefs(
  ctx: Ctx,
  refs: PersonRef[],
  options: { create: boolean },
): Promise<{ idOfLine: Map<number, string>; problems: RowProblem[]; created: number }> {
  const wanted = refs.filter((ref) => ref.id || ref.externalId || ref.email);
  if (options.create) {
    const result = await importPeople(ctx, wanted);
    return { idOfLine: result.idOfLine, problems: result.problems, created: result.created };
  }
  const known = await lookup(ctx, wanted);
  const idOfLine = new Map<number, string>();
  const problems: RowProblem[] = [];
  for (const ref of wanted) {
    const { row, problem } = match(known, ref);
    if (problem) problems.push(problem);
    else if (row) idOfLine.set(ref.line, row.id);
    else
      problems.push({
        line: ref.line,
        field: ref.email ? 'email' : ref.externalId ? 'externalId' : 'id',
        message: 'no such person',
      });
  }
  return { idOfLine, problems, created: 0 };
}
