import type { ReviewsTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type ReviewRow = Selectable<ReviewsTable>;
export type ReviewInsert = Insertable<ReviewsTable>;

/** A review with its author's display name and its product's SKU, as the API shows it. */
export interface ReviewView extends ReviewRow {
  person_name: string | null;
  product_sku: string | null;
}

function withNames(ctx: Ctx) {
  return ctx.db
    .selectFrom('reviews as r')
    .leftJoin('people as p', (join) =>
      join.onRef('p.workspace_id', '=', 'r.workspace_id').onRef('p.id', '=', 'r.person_id'),
    )
    .leftJoin('products as pr', (join) =>
      join.onRef('pr.workspace_id', '=', 'r.workspace_id').onRef('pr.id', '=', 'r.product_id'),
    )
    .selectAll('r')
    .select([
      sql<string | null>`case when p.id is null then null
        else rapport_display_name(p.first_name, p.last_name, p.email) end`.as('person_name'),
      'pr.sku as product_sku',
    ]);
}

export function findReviews(ctx: Ctx, ids: string[]): Promise<ReviewView[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withNames(ctx).where('r.id', 'in', ids).execute() as Promise<ReviewView[]>;
}

export interface ReviewFilter {
  kind?: string | undefined;
  source?: string[] | undefined;
  personId?: string | undefined;
  companyId?: string | undefined;
  matched?: boolean | undefined;
  ratingMin?: number | undefined;
  ratingMax?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** Newest first, keyset-paged on (occurred_at, id). */
export function listReviews(
  ctx: Ctx,
  filter: ReviewFilter,
  limit: number,
  cursor: unknown[] | null,
): Promise<ReviewView[]> {
  let query = withNames(ctx);
  if (filter.kind) query = query.where('r.kind', '=', filter.kind as ReviewRow['kind']);
  if (filter.source?.length) query = query.where('r.source', 'in', filter.source);
  if (filter.personId) query = query.where('r.person_id', '=', filter.personId);
  if (filter.companyId) query = query.where('r.company_id', '=', filter.companyId);
  if (filter.matched === true) query = query.where('r.person_id', 'is not', null);
  if (filter.matched === false) query = query.where('r.person_id', 'is', null);
  if (filter.ratingMin !== undefined) query = query.where('r.stars', '>=', filter.ratingMin);
  if (filter.ratingMax !== undefined) query = query.where('r.stars', '<=', filter.ratingMax);
  if (filter.since) query = query.where('r.occurred_at', '>=', new Date(filter.since));
  if (filter.until) query = query.where('r.occurred_at', '<', new Date(filter.until));
  if (cursor) {
    query = query.where(
      sql<boolean>`(r.occurred_at, r.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::text)`,
    );
  }
  return query
    .orderBy('r.occurred_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute() as Promise<ReviewView[]>;
}

/** Stored reviews by (source, external id). */
export async function findByExternalIds(
  ctx: Ctx,
  keys: { source: string; externalId: string }[],
): Promise<ReviewRow[]> {
  if (keys.length === 0) return [];
  const sources = keys.map((key) => key.source);
  const externalIds = keys.map((key) => key.externalId);
  return ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where(
      sql<boolean>`(source, external_id) in (select * from unnest(${sql.val(sources)}::text[], ${sql.val(externalIds)}::text[]))`,
    )
    .execute();
}

const UPDATED = [
  'kind',
  'rating',
  'rating_scale',
  'title',
  'text',
  'url',
  'author_handle',
  'author_name',
  'author_email',
  'language',
  'person_id',
  'company_id',
  'product_id',
  'occurred_at',
] as const;

/**
 * Inserts reviews; one that meets a stored review of the same (source, external id) replaces its
 * fields, unless they are all the same already (then nothing is written: no audit entry).
 * Returns the ids written (created or changed).
 */
export async function upsertReviews(ctx: Ctx, rows: ReviewInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const columns = sql.join(UPDATED.map((column) => sql.ref(`reviews.${column}`)));
  const given = sql.join(UPDATED.map((column) => sql.ref(`excluded.${column}`)));
  const written = await ctx.db
    .insertInto('reviews')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(['workspace_id', 'source', 'external_id'])
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(UPDATED.map((column) => [column, eb.ref(`excluded.${column}`)])),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where(sql<boolean>`(${columns}) is distinct from (${given})`),
    )
    .returning('id')
    .execute();
  return written.map((row) => row.id);
}

export function updateReview(ctx: Ctx, id: string, set: Updateable<ReviewsTable>) {
  return ctx.db
    .updateTable('reviews')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteReview(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('reviews').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function moveReviews(
  ctx: Ctx,
  column: 'person_id' | 'company_id',
  fromId: string,
  toId: string,
) {
  await ctx.db
    .updateTable('reviews')
    .set({ [column]: toId, updated_at: ctx.clock.now() })
    .where(column, '=', fromId)
    .execute();
}

/** A page by id of every review, for exports. */
export function reviewsAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<ReviewView[]> {
  let query = withNames(ctx);
  if (afterId) query = query.where('r.id', '>', afterId);
  return query.orderBy('r.id').limit(limit).execute() as Promise<ReviewView[]>;
}

/** Ids of the reviews linked to a person or a company, by id after `afterId`. */
export async function linkedIdsAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<string[]> {
  let query = ctx.db
    .selectFrom('reviews')
    .select('id')
    .where((eb) => eb.or([eb('person_id', 'is not', null), eb('company_id', 'is not', null)]));
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.orderBy('id').limit(limit).execute()).map((row) => row.id);
}

/** Reviews and mentions written between `from` and `to` (of `personIds` only when given), newest first. */
export function textsBetween(ctx: Ctx, from: Date, to: Date, personIds: string[] | null, limit: number) {
  let query = ctx.db
    .selectFrom('reviews')
    .select(['id', 'title', 'text', 'occurred_at', 'person_id'])
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to);
  if (personIds) query = query.where('person_id', 'in', personIds.length ? personIds : ['']);
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The sources reviews came from, with how many each. */
export function sourceCounts(ctx: Ctx): Promise<{ source: string; count: number }[]> {
  return ctx.db
    .selectFrom('reviews')
    .select(['source', sql<number>`count(*)::int`.as('count')])
    .groupBy('source')
    .orderBy('count', 'desc')
    .orderBy('source')
    .execute();
}
