import type { CustomerUnit, Database } from '@rapport/db';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { type Direction, type Page, toPage } from '../shared/paging.ts';
import * as repo from './value.repo.ts';
import { VALUE_SORTS, type ValueBrief, type ValueListFilter, type ValueSortKey } from './value.schema.ts';

// What the people and companies lists (and so saved views, segments and bulk selections) get
// from the figures: filters as a subquery of ids, a page sorted by a figure, and the row columns.

// biome-ignore lint/suspicious/noExplicitAny: a subquery of ids from any table
type Ids = SelectQueryBuilder<Database, any, { id: string }>;

export const isValueSort = (key: string): key is ValueSortKey => key in VALUE_SORTS;

export const hasValueFilter = (f: ValueListFilter) =>
  f.minHealth !== undefined || f.maxHealth !== undefined || !!f.churnRisk?.length || f.minClv !== undefined;

/** The customers whose figures pass the filter, as a subquery of ids. */
export function valueMatchingIds(ctx: Ctx, unit: CustomerUnit, f: ValueListFilter) {
  let query = ctx.db.selectFrom('customer_values').select('subject_id').where('subject_type', '=', unit);
  if (f.minHealth !== undefined) query = query.where('health', '>=', f.minHealth);
  if (f.maxHealth !== undefined) query = query.where('health', '<=', f.maxHealth);
  if (f.churnRisk?.length) query = query.where('churn_band', 'in', f.churnRisk);
  if (f.minClv !== undefined) query = query.where('clv_minor', '>=', f.minClv);
  return query;
}

/**
 * One page (limit + 1 ids) of `candidates` sorted by a figure, customers without figures last in
 * either direction (then by id). Keyset: the cursor is [figure, id], or [null, id] among those
 * without. The first part walks the figure's index.
 */
export async function pageByValue(
  ctx: Ctx,
  unit: CustomerUnit,
  sort: { key: ValueSortKey; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
  candidates: Ids,
): Promise<{ id: string; value: number | null }[]> {
  // Churn risk is 1 − P(alive): its order is P(alive)'s reversed, on P(alive)'s index.
  const reversed = sort.key === 'churnRisk';
  const column = reversed ? VALUE_SORTS.pAlive : VALUE_SORTS[sort.key];
  const direction: Direction = reversed ? (sort.direction === 'asc' ? 'desc' : 'asc') : sort.direction;
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  const out: { id: string; value: number | null }[] = [];
  if (!cursor || cursor[0] !== null) {
    let query = ctx.db
      .selectFrom('customer_values')
      .select(['subject_id as id', sql.ref<number>(column).as('value')])
      .where('subject_type', '=', unit)
      .where('subject_id', 'in', candidates);
    if (cursor)
      query = query.where(sql<boolean>`(${sql.ref(column)}, subject_id) ${op} (${cursor[0]}, ${cursor[1]})`);
    const rows = await query
      .orderBy(sql.ref(column), direction)
      .orderBy('subject_id', direction)
      .limit(limit + 1)
      .execute();
    out.push(...rows.map((row) => ({ id: row.id, value: Number(row.value) })));
  }
  if (out.length > limit) return out;
  const after = cursor && cursor[0] === null ? String(cursor[1]) : null;
  const without = await ctx.db
    .selectFrom(candidates.as('c'))
    .select('c.id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('customer_values as v')
            .select(sql.lit(1).as('one'))
            .where('v.subject_type', '=', unit)
            .whereRef('v.subject_id', '=', 'c.id'),
        ),
      ),
    )
    .$if(after !== null, (qb) => qb.where('c.id', sort.direction === 'asc' ? '>' : '<', after!))
    .orderBy('c.id', sort.direction)
    .limit(limit + 1 - out.length)
    .execute();
  return [...out, ...without.map((row) => ({ id: row.id, value: null }))];
}

/** The figures a list row shows, by id (customers without figures are absent). */
export async function valueBriefs(
  ctx: Ctx,
  unit: CustomerUnit,
  ids: string[],
): Promise<Map<string, ValueBrief>> {
  const rows = await repo.briefs(ctx, unit, ids);
  return new Map(
    rows.map((row) => [
      row.subject_id,
      {
        clvMinor: Number(row.clv_minor),
        currency: row.currency,
        health: row.health,
        healthBand: row.health_band,
        pAlive: row.p_alive,
        churnRisk: row.churn_risk,
        churnBand: row.churn_band,
      },
    ]),
  );
}

/**
 * A page of the people or companies list with each row's figures: sorted by the list's own
 * column (`plain`), or by a figure (ids from pageByValue, rows from `byIds`).
 */
export async function pageWithValue<Row extends { id: string }, Out>(
  ctx: Ctx,
  unit: CustomerUnit,
  o: {
    sort: { key: string; column: string; direction: Direction };
    limit: number;
    cursor: unknown[] | null;
    candidates: () => Ids;
    plain: () => Promise<Row[]>;
    byIds: (ids: string[]) => Promise<Row[]>;
    present: (row: Row) => Out;
  },
): Promise<Page<Out & { value: ValueBrief | null }>> {
  let rows: Row[];
  let sortValue: (row: Row) => unknown;
  if (isValueSort(o.sort.key)) {
    const order = await pageByValue(
      ctx,
      unit,
      { key: o.sort.key, direction: o.sort.direction },
      o.limit,
      o.cursor,
      o.candidates(),
    );
    const byId = new Map((await o.byIds(order.map((e) => e.id))).map((row) => [row.id, row]));
    const values = new Map(order.map((e) => [e.id, e.value]));
    rows = order.flatMap((e) => byId.get(e.id) ?? []);
    sortValue = (row) => values.get(row.id) ?? null;
  } else {
    rows = await o.plain();
    sortValue = (row) => row[o.sort.column as keyof Row];
  }
  const page = toPage(
    rows,
    o.limit,
    sortValue,
    (row) => row.id,
    (row) => row,
  );
  const briefs = await valueBriefs(
    ctx,
    unit,
    page.data.map((row) => row.id),
  );
  return {
    data: page.data.map((row) => ({ ...o.present(row), value: briefs.get(row.id) ?? null })),
    nextCursor: page.nextCursor,
  };
}
