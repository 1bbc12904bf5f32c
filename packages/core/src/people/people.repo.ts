import type { PeopleTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { type CustomMatch, customMatchSql } from '../shared/custom-match.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';
import { prefixQuery } from '../shared/search.ts';
import type { ValueListFilter } from '../value/value.schema.ts';
import { hasValueFilter, valueMatchingIds } from '../value/value.service.ts';

export type PersonRow = Selectable<PeopleTable>;

export const COLUMNS = [
  'id',
  'workspace_id',
  'external_id',
  'first_name',
  'last_name',
  'email',
  'additional_emails',
  'phone',
  'title',
  'relationship_type',
  'owner_id',
  'service_tier',
  'tags',
  'custom',
  'consent',
  'preferred_channel',
  'do_not_contact',
  'timezone',
  'locale',
  'address',
  'birthday',
  'traits',
  'social_handles',
  'merged_into_id',
  'created_at',
  'updated_at',
  'sort_name',
] as const;

export function findPerson(ctx: Ctx, id: string): Promise<PersonRow | undefined> {
  return ctx.db.selectFrom('people').select(COLUMNS).where('id', '=', id).executeTakeFirst() as Promise<
    PersonRow | undefined
  >;
}

export function insertPerson(ctx: Ctx, row: Insertable<PeopleTable>): Promise<PersonRow> {
  return ctx.db
    .insertInto('people')
    .values(row)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow() as Promise<PersonRow>;
}

export function updatePerson(
  ctx: Ctx,
  id: string,
  set: Updateable<PeopleTable>,
): Promise<PersonRow | undefined> {
  return ctx.db
    .updateTable('people')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst() as Promise<PersonRow | undefined>;
}

export interface PeopleFilter extends ValueListFilter {
  q?: string | undefined;
  email?: string | undefined;
  externalId?: string | undefined;
  relationshipType?: string[] | undefined;
  ownerId?: string | undefined;
  tag?: string[] | undefined;
  companyId?: string | undefined;
  level?: string | undefined;
  function?: string | undefined;
  updatedSince?: string | undefined;
  custom?: CustomMatch | undefined;
  includeMerged?: boolean | undefined;
  ids?: string[] | undefined;
}

/** The people a list's filters match (live ones unless includeMerged), to select from or count. */
export function matchingPeople(ctx: Ctx, filter: PeopleFilter) {
  let query = ctx.db.selectFrom('people');
  if (!filter.includeMerged) query = query.where('merged_into_id', 'is', null);
  if (hasValueFilter(filter)) query = query.where('id', 'in', valueMatchingIds(ctx, 'person', filter));
  if (filter.q !== undefined) {
    const tsquery = prefixQuery(filter.q);
    query = query.where(
      'id',
      'in',
      tsquery === null
        ? sql<string>`(select null::text where false)`
        : sql<string>`(select rapport_people_matching(to_tsquery('simple', ${tsquery})))`,
    );
  }
  if (filter.email) {
    query = query.where(sql<boolean>`id = any(array(select rapport_people_with_email(${filter.email})))`);
  }
  if (filter.externalId) query = query.where('external_id', '=', filter.externalId);
  if (filter.relationshipType?.length) {
    query = query.where(
      'relationship_type',
      'in',
      filter.relationshipType as PersonRow['relationship_type'][],
    );
  }
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.tag?.length) query = query.where(sql<boolean>`tags @> ${sql.val(filter.tag)}::text[]`);
  for (const condition of customMatchSql(filter.custom)) query = query.where(condition);
  if (filter.updatedSince) query = query.where('updated_at', '>=', new Date(filter.updatedSince));
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.companyId || filter.level || filter.function) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select(sql.lit(1).as('one'))
          .whereRef('m.person_id', '=', 'people.id')
          .$if(!!filter.companyId, (qb) => qb.where('m.company_id', '=', filter.companyId!))
          .$if(!!filter.level, (qb) => qb.where('m.level', '=', filter.level as 'executive'))
          .$if(!!filter.function, (qb) => qb.where('m.function', '=', filter.function!)),
      ),
    );
  }
  return query;
}

export function listPeople(
  ctx: Ctx,
  filter: PeopleFilter,
  sort: { column: string; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<PersonRow[]> {
  let query = matchingPeople(ctx, filter).select(COLUMNS);
  if (cursor) query = query.where(afterCursor(sort.column, sort.direction, cursor));
  const page = query
    .orderBy(sql.ref(sort.column), sort.direction)
    .orderBy('id', sort.direction)
    .limit(limit + 1);
  if (!(filter.tag?.length && sort.column === 'sort_name')) return page.execute() as Promise<PersonRow[]>;
  // Tag filter by name: the page's ids by an index-only walk of people_name_idx (which carries
  // tags), then the full rows of those ids only.
  return ctx.db
    .selectFrom('people')
    .select(COLUMNS)
    .where('id', 'in', page.clearSelect().select('id'))
    .orderBy(sql.ref(sort.column), sort.direction)
    .orderBy('id', sort.direction)
    .execute() as Promise<PersonRow[]>;
}

/** People (merged ones too) by id, external id or lowercased email, primary or additional. */
export function peopleBy(
  ctx: Ctx,
  key: 'id' | 'external_id' | 'email' | 'additional_email',
  values: string[],
): Promise<PersonRow[]> {
  if (values.length === 0) return Promise.resolve([]);
  const query = ctx.db.selectFrom('people').select(COLUMNS);
  const list = sql`${sql.val(values)}::text[]`;
  if (key === 'email') {
    // Primary emails through the unique index on lower(email), one array for all.
    return query
      .where(sql<boolean>`lower(email) = any(${list})`)
      .where('email', 'is not', null)
      .where('merged_into_id', 'is', null)
      .execute() as Promise<PersonRow[]>;
  }
  if (key === 'additional_email') {
    // Additional emails through GIN, via the search function (see *_security.sql).
    return query
      .where(sql<boolean>`id = any(array(select rapport_people_with_any_email(${list})))`)
      .execute() as Promise<PersonRow[]>;
  }
  return query.where(sql<boolean>`${sql.ref(key)} = any(${list})`).execute() as Promise<PersonRow[]>;
}

/** A page by id of the live people a filter matches (all by default), for exports. */
export function peopleAfter(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
  filter: PeopleFilter = {},
): Promise<PersonRow[]> {
  let query = matchingPeople(ctx, { ...filter, includeMerged: false }).select(COLUMNS);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute() as Promise<PersonRow[]>;
}

/** Live people with one of these (normalised) handles, on any network, via the indexed function. */
export async function peopleWithHandles(
  ctx: Ctx,
  handles: string[],
): Promise<{ person_id: string; network: string; handle: string }[]> {
  if (handles.length === 0) return [];
  const result = await sql<{ person_id: string; network: string; handle: string }>`
    select person_id, network, handle from rapport_people_with_handles(${sql.val(handles)}::text[])`.execute(
    ctx.db,
  );
  return result.rows;
}
