import type { OrderLinesTable, OrdersTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';

export type OrderRow = Selectable<OrdersTable>;
export type LineRow = Selectable<OrderLinesTable>;

/** Orders and their lines, one insert each. */
export async function insertOrders(
  ctx: Ctx,
  rows: Insertable<OrdersTable>[],
  lines: Insertable<OrderLinesTable>[],
) {
  if (rows.length) await ctx.db.insertInto('orders').values(rows).execute();
  if (lines.length) await ctx.db.insertInto('order_lines').values(lines).execute();
}

/** An order as the API shows it: its row, its lines (in line order) and its customer's names. */
export type OrderFull = OrderRow & {
  lines: LineRow[];
  person_name: string | null;
  company_name: string | null;
};

/** Orders by id with their lines and their customer's names: one query for a page of orders. */
export async function findOrdersWithLines(ctx: Ctx, ids: string[]): Promise<OrderFull[]> {
  if (ids.length === 0) return [];
  const result = await sql<OrderFull>`
    select o.*,
      coalesce((select jsonb_agg(to_jsonb(l) order by l.line_no) from order_lines l
        where l.workspace_id = o.workspace_id and l.order_id = o.id), '[]') as lines,
      (select rapport_display_name(p.first_name, p.last_name, p.email) from people p
        where p.workspace_id = o.workspace_id and p.id = o.person_id) as person_name,
      (select c.name from companies c where c.workspace_id = o.workspace_id and c.id = o.company_id) as company_name
    from orders o where o.id = any(${ids}::text[])`.execute(ctx.db);
  return result.rows;
}

export function updateOrder(
  ctx: Ctx,
  id: string,
  set: Updateable<OrdersTable>,
): Promise<OrderRow | undefined> {
  return ctx.db
    .updateTable('orders')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export interface OrdersFilter {
  personId?: string | undefined;
  companyId?: string | undefined;
  status?: string | undefined;
  externalId?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export function listOrders(
  ctx: Ctx,
  filter: OrdersFilter,
  sort: { column: string; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<OrderRow[]> {
  let query = ctx.db.selectFrom('orders').selectAll();
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.companyId) query = query.where('company_id', '=', filter.companyId);
  if (filter.status) query = query.where('status', '=', filter.status as OrderRow['status']);
  if (filter.externalId) query = query.where('external_id', '=', filter.externalId);
  if (filter.since) query = query.where('ordered_at', '>=', new Date(filter.since));
  if (filter.until) query = query.where('ordered_at', '<', new Date(filter.until));
  if (cursor) query = query.where(afterCursor(sort.column, sort.direction, cursor));
  return query
    .orderBy(sql.ref(sort.column), sort.direction)
    .orderBy('id', sort.direction)
    .limit(limit + 1)
    .execute();
}

export async function totals(ctx: Ctx, by: { personId?: string; companyId?: string }) {
  let query = ctx.db
    .selectFrom('orders')
    .select((eb) => [
      'currency',
      eb.fn.sum<number>('total_minor').as('total'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.min('ordered_at').as('first'),
      eb.fn.max('ordered_at').as('last'),
    ])
    .where('status', 'not in', ['cancelled', 'refunded'])
    .groupBy('currency');
  if (by.personId) query = query.where('person_id', '=', by.personId);
  if (by.companyId) query = query.where('company_id', '=', by.companyId);
  return query.execute();
}

/** For merges: the loser's orders become the survivor's. */
export async function moveOrders(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  await ctx.db
    .updateTable('orders')
    .set({ [column]: toId, updated_at: ctx.clock.now() })
    .where(column, '=', fromId)
    .execute();
}

/** Orders whose external id starts with `prefix` (btree range, usable under row-level security). */
export function ordersByReference(ctx: Ctx, prefix: string, limit: number): Promise<OrderRow[]> {
  return ctx.db
    .selectFrom('orders')
    .selectAll()
    .where('external_id', '>=', prefix)
    .where('external_id', '<', `${prefix}\u{10ffff}`)
    .orderBy('external_id')
    .limit(limit)
    .execute();
}

/** A page of orders by id, for exports. */
export function ordersAfter(ctx: Ctx, afterId: string | null, limit: number): Promise<OrderRow[]> {
  let query = ctx.db.selectFrom('orders').selectAll();
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

export async function insertLines(ctx: Ctx, lines: Insertable<OrderLinesTable>[]): Promise<void> {
  if (lines.length) await ctx.db.insertInto('order_lines').values(lines).execute();
}

export function idsByExternalIds(ctx: Ctx, externalIds: string[]) {
  if (externalIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .selectFrom('orders')
    .select(['id', 'external_id'])
    .where(sql<boolean>`external_id = any(${externalIds}::text[])`)
    .execute();
}

/**
 * Per currency the customer (a person or a company) bought in: their total and how many
 * customers of the workspace bought more in that currency, out of how many bought at all.
 */
export async function valueRanks(ctx: Ctx, column: 'person_id' | 'company_id', id: string) {
  const who = sql.ref(column);
  const result = await sql<{ currency: string; above: number; customers: number }>`
    with totals as (
      select ${who} as who, currency, sum(total_minor) as total from orders
      where ${who} is not null and status not in ('cancelled', 'refunded')
      group by 1, 2
    )
    select m.currency, count(*) filter (where t.total > m.total)::int as above, count(*)::int as customers
    from totals m join totals t on t.currency = m.currency
    where m.who = ${id}
    group by m.currency`.execute(ctx.db);
  return result.rows;
}
