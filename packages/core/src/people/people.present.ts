import type { Address } from '@rapport/db';
import type { Ctx } from '../shared/context.ts';
import { listPeople, type PersonRow } from './people.repo.ts';
import type { Person } from './people.schema.ts';

export function displayName(row: Pick<PersonRow, 'first_name' | 'last_name' | 'email'>): string {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
  return name || row.email || '(no name)';
}

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    externalId: row.external_id,
    name: displayName(row),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    additionalEmails: row.additional_emails,
    phone: row.phone,
    title: row.title,
    relationshipType: row.relationship_type,
    ownerId: row.owner_id,
    serviceTier: row.service_tier,
    tags: row.tags,
    custom: row.custom,
    consent: row.consent,
    preferredChannel: row.preferred_channel,
    doNotContact: row.do_not_contact,
    timezone: row.timezone,
    locale: row.locale,
    address: row.address as Address | null,
    birthday: row.birthday,
    socialHandles: row.social_handles,
    traits: row.traits,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** People by id (merged ones included), in the order asked. */
export async function peopleByIds(ctx: Ctx, ids: string[]): Promise<Person[]> {
  const rows = await listPeople(
    ctx,
    { ids, includeMerged: true },
    { column: 'id', direction: 'asc' },
    ids.length,
    null,
  );
  const byId = new Map(rows.map((row) => [row.id, presentPerson(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
