import type { CustomerUnit } from '@rapport/db';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

// The recompute's reading of orders, in SQL: one pass over the counted orders grouped by customer
// (an index-only scan of orders_person_idx or orders_company_idx, which carry status, currency and
// total), each customer's purchase days and amounts as two compact arrays in text, read through a
// cursor in batches. value.aggregate.ts folds them into the per-customer figures.

/** Orders that count: paid or fulfilled (never pending, cancelled or refunded). */
const COUNTED = sql`status in ('paid', 'fulfilled')`;
const unitColumn = (unit: CustomerUnit) => sql.ref(unit === 'person' ? 'person_id' : 'company_id');

/** Orders that count before `before` per currency (the most used first). */
export async function currencies(
  ctx: Ctx,
  unit: CustomerUnit,
  before: Date,
): Promise<{ currency: string; orders: number }[]> {
  const result = await sql<{ currency: string; orders: number }>`
    select currency, count(*)::int as orders from orders
    where ${COUNTED} and ${unitColumn(unit)} is not null and ordered_at < ${before}
    group by currency order by orders desc, currency`.execute(ctx.db);
  return result.rows;
}

/** The first purchase day (days since 1970-01-01, UTC) of the counted orders, or null. */
export async function firstDay(
  ctx: Ctx,
  unit: CustomerUnit,
  currency: string,
  before: Date,
): Promise<number | null> {
  const result = await sql<{ day: number | null }>`
    select ((ordered_at at time zone 'UTC')::date - date '1970-01-01') as day from orders
    where ${COUNTED} and currency = ${currency} and ${unitColumn(unit)} is not null and ordered_at < ${before}
    order by ordered_at limit 1`.execute(ctx.db);
  return result.rows[0]?.day ?? null;
}

/**
 * One customer's counted orders before the recompute's time: in `currency`, their days (since
 * 1970-01-01, UTC) and totals as PostgreSQL array text (`{19000,19012}`, in the same order, not
 * sorted, null without any), and how many were in other currencies.
 */
export interface PurchaseRow {
  cid: string;
  days: string | null;
  amounts: string | null;
  others: number;
}

const CURSOR = 'value_purchases';

/** Opens the transaction's cursor over every customer's counted orders (closed by `closePurchases`). */
export async function openPurchases(
  ctx: Ctx,
  unit: CustomerUnit,
  currency: string,
  before: Date,
): Promise<void> {
  const column = unitColumn(unit);
  const mine = sql`currency = ${currency} and ordered_at < ${before}`;
  await sql`
    declare ${sql.raw(CURSOR)} no scroll cursor for
    select ${column} as cid,
      (array_agg((ordered_at at time zone 'UTC')::date - date '1970-01-01') filter (where ${mine}))::text as days,
      (array_agg(total_minor) filter (where ${mine}))::text as amounts,
      (count(*) filter (where currency <> ${currency} and ordered_at < ${before}))::int as others
    from orders
    where ${COUNTED} and ${column} is not null
    group by ${column}`.execute(ctx.db);
}

/** The next `count` customers of the cursor (fewer at its end). */
export async function fetchPurchases(ctx: Ctx, count: number): Promise<PurchaseRow[]> {
  const result = await sql<PurchaseRow>`fetch ${sql.raw(String(count))} from ${sql.raw(CURSOR)}`.execute(
    ctx.db,
  );
  return result.rows;
}

export async function closePurchases(ctx: Ctx): Promise<void> {
  await sql`close ${sql.raw(CURSOR)}`.execute(ctx.db);
}
