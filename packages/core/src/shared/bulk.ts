import type { Database } from '@rapport/db';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from './context.ts';
import { AppError, invalid, underPath } from './errors.ts';
import {
  type BulkAction,
  type BulkResult,
  bulkChange,
  EXACT_COUNT_UP_TO,
  type ListCount,
  MAX_BULK_MATCHES,
  type Selection,
} from './selection.ts';
import { parseInput } from './validate.ts';

type Table = 'people' | 'companies';
/** A domain's filtered query of live records (see matchingPeople, matchingCompanies). */
// biome-ignore lint/suspicious/noExplicitAny: the filtered query of either table; only `id` is read
type Matching = SelectQueryBuilder<Database, any, object>;

/** What the bulk steps need of a domain: its table, its words, its filtered query. */
export interface BulkSource<F> {
  table: Table;
  entity: string;
  plural: string;
  matching: (filter: F) => Matching;
  /** Told which records changed (e.g. to emit webhook events) when `wanted` says someone listens. */
  onChanged?: { wanted: () => Promise<boolean>; emit: (ids: string[]) => Promise<void> };
}

/** Explicit ids checked: every one must be a record of the workspace; merged ones are skipped. */
export async function checkIds(
  ctx: Ctx,
  source: Pick<BulkSource<unknown>, 'table' | 'entity'>,
  ids: string[],
): Promise<{ live: string[]; skipped: number }> {
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .selectFrom(source.table)
    .select(['id', 'merged_into_id'])
    .where(sql<boolean>`id = any(${sql.val(unique)}::text[])`)
    .execute();
  const found = new Map(rows.map((row) => [row.id, row.merged_into_id]));
  const missing = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `${missing.length} of the selected ids are no ${source.entity} of this workspace; nothing was changed.`,
      missing.map((index) => ({
        path: `ids.${index}`,
        message: `no ${source.entity} ${ids[index]} in this workspace`,
      })),
    );
  }
  const live = unique.filter((id) => found.get(id) === null);
  return { live, skipped: unique.length - live.length };
}

/** How many rows a query answers, reading at most `limit` of them. */
async function countUpTo(ctx: Ctx, query: Matching, limit: number): Promise<number> {
  const row = await ctx.db
    .selectFrom(query.select(sql.lit(1).as('one')).limit(limit).as('m'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The planner's row estimate for a query (EXPLAIN, nothing is read). */
async function estimate(ctx: Ctx, query: Matching): Promise<number> {
  // The workspace as a literal (row-level security already applies it) lets the planner use
  // its statistics for this workspace rather than an average over all of them.
  const rows = await query
    .select('id')
    .where(sql<boolean>`workspace_id = ${sql.lit(ctx.workspaceId)}`)
    .explain('json');
  const plan = rows[0]?.['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
  return Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0));
}

/** Records a filter matches: exact up to EXACT_COUNT_UP_TO, the planner's estimate above. */
export async function countMatching<F>(
  ctx: Ctx,
  source: BulkSource<F>,
  filter: F,
  exactUpTo = EXACT_COUNT_UP_TO,
): Promise<ListCount> {
  const query = source.matching(filter);
  const count = await countUpTo(ctx, query, exactUpTo + 1);
  if (count <= exactUpTo) return { count, exact: true };
  return { count: Math.max(exactUpTo + 1, await estimate(ctx, query)), exact: false };
}

/**
 * One bulk action on a selection, in the caller's transaction: the selection is checked (ids
 * exist; a filter matches at most MAX_BULK_MATCHES records), then one set-based UPDATE changes the
 * records that differ from what is asked, bumping updated_at; the audit triggers record each,
 * and the domain is told which changed when it wants to know (webhook events).
 */
export async function runBulk<F>(
  ctx: Ctx,
  source: BulkSource<F>,
  selection: Selection<F>,
  action: BulkAction,
  bound = MAX_BULK_MATCHES,
): Promise<BulkResult> {
  let scope: RawBuilder<boolean>;
  let matched: number;
  let skipped = 0;
  if ('ids' in selection) {
    const checked = await checkIds(ctx, source, selection.ids);
    matched = checked.live.length;
    skipped = checked.skipped;
    scope = sql<boolean>`id = any(${sql.val(checked.live)}::text[])`;
  } else {
    const target = source.matching(selection.filter);
    matched = await countUpTo(ctx, target, bound + 1);
    if (matched > bound) {
      const most = bound.toLocaleString('en');
      throw invalid(
        'filter',
        `matches more than ${most} ${source.plural}; a bulk change takes at most ${most}: narrow the filter (an export has no limit)`,
      );
    }
    // An array of ids, not a semi-join: PostgreSQL then updates by primary key in id order (about
    // the order rows were written) instead of hash-joining a scan of the whole table.
    scope = sql<boolean>`id = any(array(${target.select('id')}))`;
  }
  if (matched === 0) return { matched, changed: 0, skipped };
  const change = bulkChange(action);
  const update = ctx.db
    .updateTable(source.table as 'people')
    .set({ [change.column]: change.value, updated_at: ctx.clock.now() })
    .where(scope)
    .where('merged_into_id', 'is', null)
    .where(change.differs);
  if (source.onChanged && (await source.onChanged.wanted())) {
    const changed = (await update.returning('id').execute()).map((row) => row.id);
    await source.onChanged.emit(changed);
    return { matched, changed: changed.length, skipped };
  }
  const result = await update.executeTakeFirst();
  return { matched, changed: Number(result.numUpdatedRows), skipped };
}

/** What a domain gives to get its bulk action, its count and its export selection. */
export interface BulkDomain<F, I> extends BulkSource<F> {
  /** The list's filters without sort and paging (people: peopleFilter). */
  filterSchema: z.ZodType<I>;
  /** The bulk request: `{ ids } | { filter }` and `action`. */
  bulkSchema: z.ZodType<{ ids?: string[] | undefined; filter?: I | undefined; action: BulkAction }>;
  /** The list's own check of its filters (custom fields by their definitions). */
  checkFilter: (input: I) => Promise<F>;
  /** Fails (at `path`) unless the user is a member of the workspace. */
  requireMember: (userId: string, path: string) => Promise<void>;
}

/** The bulk action, the count and the export selection of one domain's list. */
export function bulkOf<F, I>(domain: BulkDomain<F, I>) {
  const checked = (input: I, path: string) =>
    domain.checkFilter(input).catch((error: unknown) => Promise.reject(underPath(path, error)));
  return {
    async bulk(ctx: Ctx, input: unknown): Promise<BulkResult> {
      const value = parseInput(domain.bulkSchema, input);
      if (value.action.type === 'setOwner' && value.action.ownerId !== null) {
        await domain.requireMember(value.action.ownerId, 'action.ownerId');
      }
      const selection = value.ids
        ? { ids: value.ids }
        : { filter: await checked(value.filter ?? parseInput(domain.filterSchema, {}), 'filter') };
      return runBulk(ctx, domain, selection, value.action);
    },
    async count(ctx: Ctx, input: unknown): Promise<ListCount> {
      return countMatching(ctx, domain, await domain.checkFilter(parseInput(domain.filterSchema, input)));
    },
    /** `{ ids }` or `{ filter }`, checked, as a filter of live records (for exports). */
    async selection(
      ctx: Ctx,
      input: { ids?: string[] | undefined; filter?: unknown },
      toFilter: (ids: string[]) => F,
    ): Promise<F> {
      if (input.ids) return toFilter((await checkIds(ctx, domain, input.ids)).live);
      return checked(parseInput(domain.filterSchema, input.filter ?? {}, 'filter'), 'filter');
    },
  };
}
