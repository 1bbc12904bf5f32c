import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { tag } from './fields.ts';

/**
 * Selections of a people or companies list: the records a bulk action or an export works on,
 * either an explicit list of ids (the rows a user ticked) or the list's own filters ("all N
 * matching"). Merged records are never part of a selection.
 */

/** Ticked rows: at most this many ids in one request. */
export const MAX_SELECTED_IDS = 1000;
/**
 * A bulk change by filter touches at most this many records (one transaction, one statement:
 * about a second per 100,000 rows on a PostgreSQL server; see docs/benchmarks.md). Larger sets are
 * refused with a message to narrow the filter; exports have no bound (they stream).
 */
export const MAX_BULK_MATCHES = 100_000;
/** Counts are exact up to the bulk bound; above it they are the planner's estimate. */
export const EXACT_COUNT_UP_TO = MAX_BULK_MATCHES;

const selectedIds = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(MAX_SELECTED_IDS)
  .describe(`The selected records' ids, 1 to ${MAX_SELECTED_IDS}.`);

/** `{ ids }` or `{ filter }` (exactly one), with `more` fields beside them. */
export function selectionInput<F extends z.ZodType, M extends z.ZodRawShape>(
  filter: F,
  more: M,
  id: string,
  description: string,
) {
  return z
    .strictObject({ ids: selectedIds.optional(), filter: filter.optional(), ...more })
    .superRefine((value, ctx) => {
      const given = ['ids', 'filter'].filter((key) => (value as Record<string, unknown>)[key] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: [given.length ? 'filter' : 'ids'],
          message: given.length
            ? 'give either ids or filter, not both'
            : 'give the selected ids, or a filter for all matching records',
        });
      }
    })
    .meta({ id, description });
}

/** What a list query has beyond its filters: `query.omit(NOT_FILTERS)` is what a selection or a count takes. */
export const NOT_FILTERS = { sort: true, cursor: true, limit: true, includeMerged: true } as const;

/** A bulk change to a list's records: `{ ids }` or `{ filter }`, and the action. */
export function bulkInput<F extends z.ZodType>(filter: F, id: string, plural: string) {
  return selectionInput(
    filter,
    { action: bulkAction },
    id,
    `One change to many ${plural}: the ticked ids (up to ${MAX_SELECTED_IDS}) or all ${plural} a filter matches (up to ${MAX_BULK_MATCHES.toLocaleString('en')}).`,
  );
}

const tagList = z
  .array(tag)
  .min(1)
  .max(50)
  .transform((values) => [...new Set(values)])
  .describe('Tags (normalised to lower case, like everywhere).');

export const bulkAction = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('addTags'), tags: tagList }),
    z.strictObject({ type: z.literal('removeTags'), tags: tagList }),
    z.strictObject({
      type: z.literal('setOwner'),
      ownerId: z.string().nullable().describe('A user (usr_…) of the workspace, or null for no owner.'),
    }),
  ])
  .meta({ id: 'BulkAction', description: 'What to change on every selected record.' });

export const bulkResult = z
  .object({
    matched: z.number().int().describe('Live records selected (by ids or by the filter).'),
    changed: z.number().int().describe('Records that changed; the others already were as asked.'),
    skipped: z.number().int().describe('Selected ids of merged records, left alone.'),
  })
  .meta({ id: 'BulkResult' });

export const listCount = z
  .object({
    count: z.number().int(),
    exact: z
      .boolean()
      .describe(`false above ${EXACT_COUNT_UP_TO.toLocaleString('en')}: then count is an estimate.`),
  })
  .meta({ id: 'ListCount' });

export type BulkAction = z.output<typeof bulkAction>;
export type BulkResult = z.output<typeof bulkResult>;
export type ListCount = z.output<typeof listCount>;

/** A checked selection: ids that exist, or a domain's checked filter. */
export type Selection<F> = { ids: string[] } | { filter: F };

/**
 * The SQL of a bulk action on a table with `tags text[]` and `owner_id`: the column's new value
 * and the condition under which a row changes at all (rows already as asked are left alone, so
 * they keep their updated_at and write no audit entry). Tag order is kept; added tags go last.
 */
export function bulkChange(action: BulkAction): {
  column: 'tags' | 'owner_id';
  value: RawBuilder<unknown>;
  differs: RawBuilder<boolean>;
} {
  if (action.type === 'setOwner') {
    return {
      column: 'owner_id',
      value: sql`${action.ownerId}::text`,
      differs: sql<boolean>`owner_id is distinct from ${action.ownerId}::text`,
    };
  }
  const list = sql`${sql.val(action.tags)}::text[]`;
  if (action.type === 'addTags') {
    return {
      column: 'tags',
      value: sql`tags || array(select t from unnest(${list}) with ordinality as u(t, n) where t <> all(tags) order by n)`,
      differs: sql<boolean>`not (tags @> ${list})`,
    };
  }
  return {
    column: 'tags',
    value: sql`array(select t from unnest(tags) with ordinality as u(t, n) where t <> all(${list}) order by n)`,
    differs: sql<boolean>`tags && ${list}`,
  };
}
