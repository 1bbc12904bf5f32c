import type { CompaniesTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { type CustomMatch, customMatchSql } from '../shared/custom-match.ts';
import { normalizeDomain } from '../shared/fields.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';
import { prefixQuery } from '../shared/search.ts';
import type { ValueListFilter } from '../value/value.schema.ts';
import { hasValueFilter, valueMatchingIds } from '../value/value.service.ts';

export type CompanyRow = Omit<Selectable<CompaniesTable>, 'search'>;

const COLUMNS = [
  'id',
  'workspace_id',
  'external_id',
  'name',
  'domain',
  'relationship_type',
  'industry',
  'phone',
  'address',
  'employee_count',
  'description',
  'owner_id',
  'service_tier',
  'tags',
  'custom',
  'merged_into_id',
  'created_at',
  'updated_at',
  'sort_name',
] as const;

export function findCompany(ctx: Ctx, id: string): Promise<CompanyRow | undefined> {
  return ctx.db.selectFrom('companies').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findCompanyByDomain(ctx: Ctx, domain: string): Promise<CompanyRow | undefined> {
  return ctx.db
    .selectFrom('companies')
    .select(COLUMNS)
    .where('domain', '=', normalizeDomain(domain))
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
}

export function insertCompany(ctx: Ctx, row: Insertable<CompaniesTable>): Promise<CompanyRow> {
  return ctx.db.insertInto('companies').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export function updateCompany(
  ctx: Ctx,
  id: string,
  set: Updateable<CompaniesTable>,
): Promise<CompanyRow | undefined> {
  return ctx.db
    .updateTable('companies')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}

export interface CompaniesFilter extends ValueListFilter {
  q?: string | undefined;
  domain?: string | undefined;
  externalId?: string | undefined;
  relationshipType?: string[] | undefined;
  ownerId?: string | undefined;
  tag?: string[] | undefined;
  industry?: string | undefined;
  updatedSince?: string | undefined;
  custom?: CustomMatch | undefined;
  includeMerged?: boolean | undefined;
  ids?: string[] | undefined;
}

/** The companies a list's filters match (live ones unless includeMerged), to select from or count. */
export function matchingCompanies(ctx: Ctx, filter: CompaniesFilter) {
  let query = ctx.db.selectFrom('companies');
  if (!filter.includeMerged) query = query.where('merged_into_id', 'is', null);
  if (hasValueFilter(filter)) query = query.where('id', 'in', valueMatchingIds(ctx, 'company', filter));
  if (filter.ids) query = query.where(sql<boolean>`id = any(${sql.val(filter.ids)}::text[])`);
  if (filter.q !== undefined) {
    const tsquery = prefixQuery(filter.q);
    query = query.where(
      'id',
      'in',
      tsquery === null
        ? sql<string>`(select null::text where false)`
        : sql<string>`(select rapport_companies_matching(to_tsquery('simple', ${tsquery})))`,
    );
  }
  if (filter.domain) query = query.where('domain', '=', normalizeDomain(filter.domain));
  if (filter.externalId) query = query.where('external_id', '=', filter.externalId);
  if (filter.relationshipType?.length) {
    query = query.where(
      'relationship_type',
      'in',
      filter.relationshipType as CompanyRow['relationship_type'][],
    );
  }
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.industry) query = query.where(sql`lower(industry)`, '=', filter.industry.toLowerCase());
  if (filter.tag?.length) query = query.where(sql<boolean>`tags @> ${sql.val(filter.tag)}::text[]`);
  for (const condition of customMatchSql(filter.custom)) query = query.where(condition);
  if (filter.updatedSince) query = query.where('updated_at', '>=', new Date(filter.updatedSince));
  return query;
}

export function listCompanies(
  ctx: Ctx,
  filter: CompaniesFilter,
  sort: { column: string; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<CompanyRow[]> {
  let query = matchingCompanies(ctx, filter).select(COLUMNS);
  if (cursor) query = query.where(afterCursor(sort.column, sort.direction, cursor));
  return query
    .orderBy(sql.ref(sort.column), sort.direction)
    .orderBy('id', sort.direction)
    .limit(limit + 1)
    .execute();
}

export function companiesByIds(ctx: Ctx, ids: string[]): Promise<CompanyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return ctx.db.selectFrom('companies').select(COLUMNS).where('id', 'in', ids).execute();
}

/** Live companies whose external id, domain or lowercased name is one of `values`. */
export function liveCompaniesBy(
  ctx: Ctx,
  column: 'external_id' | 'domain' | 'name',
  values: string[],
): Promise<CompanyRow[]> {
  if (values.length === 0) return Promise.resolve([]);
  const query = ctx.db.selectFrom('companies').select(COLUMNS).where('merged_into_id', 'is', null);
  return (
    column === 'name' ? query.where('sort_name', 'in', values) : query.where(column, 'in', values)
  ).execute();
}

/** A page by id of the live companies a filter matches (all by default), for exports. */
export function companiesAfter(
  ctx: Ctx,
  afterId: string | null,
  limit: number,
  filter: CompaniesFilter = {},
): Promise<CompanyRow[]> {
  let query = matchingCompanies(ctx, { ...filter, includeMerged: false }).select(COLUMNS);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}
