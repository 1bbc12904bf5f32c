import type { PeopleTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import {
  customFilter,
  loadDefinitions,
  patchCustom,
  validateCustom,
} from '../custom-fields/custom-fields.service.ts';
import { listMembershipsOfPerson } from '../memberships/memberships.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, parseSort } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import { VALUE_SORTS } from '../value/value.schema.ts';
import { pageWithValue } from '../value/value.service.ts';
import { emitEvent } from '../webhooks/webhooks.service.ts';
import { foldPerson } from './people.merge.ts';
import { presentPerson } from './people.present.ts';
import * as repo from './people.repo.ts';
import {
  PEOPLE_SORTS,
  type PeopleQuery,
  type Person,
  type PersonCreate,
  type PersonDetail,
  type PersonListItem,
  type PersonUpdate,
  peopleQuery,
  personCreate,
  personUpdate,
} from './people.schema.ts';

export { displayName, peopleByIds, presentPerson } from './people.present.ts';

/** The person row, or not_found; a merged-away person answers `merged` with its survivor. */
export async function requirePerson(ctx: Ctx, id: string, path = 'id'): Promise<repo.PersonRow> {
  const row = await repo.findPerson(ctx, id);
  if (!row) throw notFound('person', id, path);
  if (row.merged_into_id) {
    throw new AppError('merged', `Person ${id} was merged into ${row.merged_into_id}.`, [], {
      mergedIntoId: row.merged_into_id,
    });
  }
  return row;
}

export async function createPerson(ctx: Ctx, input: PersonCreate): Promise<Person> {
  const value = parseInput(personCreate, input);
  const custom = validateCustom(await loadDefinitions(ctx, 'person'), 'person', value.custom, 'create');
  const now = ctx.clock.now();
  const row = await repo.insertPerson(ctx, {
    id: newId('person'),
    workspace_id: ctx.workspaceId,
    external_id: value.externalId ?? null,
    first_name: value.firstName ?? null,
    last_name: value.lastName ?? null,
    email: value.email ?? null,
    additional_emails: value.additionalEmails.filter((address) => address !== value.email),
    phone: value.phone ?? null,
    title: value.title ?? null,
    relationship_type: value.relationshipType,
    owner_id: value.ownerId ?? null,
    service_tier: value.serviceTier,
    tags: value.tags,
    custom: JSON.stringify(custom),
    consent: JSON.stringify(value.consent),
    preferred_channel: value.preferredChannel ?? null,
    do_not_contact: value.doNotContact,
    timezone: value.timezone ?? null,
    locale: value.locale ?? null,
    address: value.address ? JSON.stringify(value.address) : null,
    birthday: value.birthday ?? null,
    social_handles: JSON.stringify(value.socialHandles),
    created_at: now,
    updated_at: now,
  });
  const person = presentPerson(row);
  await emitEvent(ctx, 'person.created', person);
  return person;
}

export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdate): Promise<Person> {
  const patch = parseInput(personUpdate, input);
  const current = await requirePerson(ctx, id);
  const set: Updateable<PeopleTable> = {};
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  if (patch.firstName !== undefined) set.first_name = patch.firstName;
  if (patch.lastName !== undefined) set.last_name = patch.lastName;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.additionalEmails !== undefined) set.additional_emails = [...new Set(patch.additionalEmails)];
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.relationshipType !== undefined) set.relationship_type = patch.relationshipType;
  if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
  if (patch.serviceTier !== undefined) set.service_tier = patch.serviceTier;
  if (patch.tags !== undefined) set.tags = patch.tags;
  if (patch.consent !== undefined) set.consent = JSON.stringify({ ...current.consent, ...patch.consent });
  if (patch.preferredChannel !== undefined) set.preferred_channel = patch.preferredChannel;
  if (patch.doNotContact !== undefined) set.do_not_contact = patch.doNotContact;
  if (patch.timezone !== undefined) set.timezone = patch.timezone;
  if (patch.locale !== undefined) set.locale = patch.locale;
  if (patch.address !== undefined) set.address = patch.address ? JSON.stringify(patch.address) : null;
  if (patch.birthday !== undefined) set.birthday = patch.birthday;
  if (patch.socialHandles !== undefined) set.social_handles = JSON.stringify(patch.socialHandles);
  if (patch.custom !== undefined) {
    const defs = await loadDefinitions(ctx, 'person');
    set.custom = JSON.stringify(patchCustom(defs, 'person', current.custom, patch.custom));
  }
  const names = {
    first_name: set.first_name !== undefined ? set.first_name : current.first_name,
    last_name: set.last_name !== undefined ? set.last_name : current.last_name,
    email: set.email !== undefined ? set.email : current.email,
  };
  if (!names.first_name && !names.last_name && !names.email) {
    throw new AppError('validation_failed', 'A person needs a first name, a last name or an email.', [
      { path: 'firstName', message: 'a person needs a first name, a last name or an email' },
    ]);
  }
  if (Object.keys(set).length === 0) return presentPerson(current);
  const row = await repo.updatePerson(ctx, id, set);
  if (!row) throw notFound('person', id);
  const person = presentPerson(row);
  await emitEvent(ctx, 'person.updated', person);
  return person;
}

export async function getPerson(ctx: Ctx, id: string): Promise<PersonDetail> {
  const row = await requirePerson(ctx, id);
  return { ...presentPerson(row), memberships: await listMembershipsOfPerson(ctx, id) };
}

/** A people list query checked as the list checks it: the schema, the sort, custom filters. */
export async function checkPeopleQuery(ctx: Ctx, input: PeopleQuery) {
  const query = parseInput(peopleQuery, input);
  const sort = parseSort(query.sort, { ...PEOPLE_SORTS, ...VALUE_SORTS }, 'name');
  const custom = query.custom
    ? customFilter(await loadDefinitions(ctx, 'person'), 'person', query.custom)
    : undefined;
  return { query, sort, custom };
}

export async function listPeople(ctx: Ctx, input: PeopleQuery): Promise<Page<PersonListItem>> {
  const { query, sort, custom } = await checkPeopleQuery(ctx, input);
  const filter = { ...query, custom };
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  return pageWithValue(ctx, 'person', {
    sort,
    limit: query.limit,
    cursor,
    candidates: () => repo.matchingPeople(ctx, filter).select('people.id as id'),
    plain: () => repo.listPeople(ctx, filter, sort, query.limit, cursor),
    byIds: (ids) =>
      repo.listPeople(
        ctx,
        { ids, includeMerged: true },
        { column: 'id', direction: 'asc' },
        ids.length,
        null,
      ),
    present: presentPerson,
  });
}

/** For merges: folds `loserId` into `survivorId` (fields only; other domains move their records). */
export async function foldPersonInto(ctx: Ctx, survivorId: string, loserId: string): Promise<void> {
  const survivor = await requirePerson(ctx, survivorId, 'survivorId');
  const loser = await requirePerson(ctx, loserId, 'mergedId');
  await foldPerson(ctx, survivor, loser);
}

export {
  bulkPeople,
  countPeople,
  type PeopleFilter,
  peopleOfView,
  peopleSelection,
  segmentOf,
} from './people.bulk.ts';
export {
  type IdentifyFields,
  type IdentifyOutcome,
  type IdentifyRow,
  identifyPeople,
} from './people.identify.ts';
export {
  type IdentityKind,
  type IdentityLink,
  identitiesOf,
  identityKey,
  linkIdentities,
  resolveIdentities,
} from './people.identities.ts';
export { importPeople, type PersonImportRow, type PersonRef, resolvePersonRefs } from './people.import.ts';

/** Live people who go by one of these normalised handles (any network), with the network of each. */
export function peopleWithHandles(ctx: Ctx, handles: string[]) {
  return repo.peopleWithHandles(ctx, [...new Set(handles)]);
}

/** For exports: a page of live people (by id) as API records, all or those of a selection. */
export async function peoplePage(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
  selection?: repo.PeopleFilter,
): Promise<Person[]> {
  return (await repo.peopleAfter(ctx, afterId, limit, selection)).map(presentPerson);
}

/** The ids of the live people a selection matches, as a subquery: a segment in another domain's SQL. */
export function peopleMatchingIds(ctx: Ctx, selection: repo.PeopleFilter) {
  return repo.matchingPeople(ctx, { ...selection, includeMerged: false }).select('people.id');
}
