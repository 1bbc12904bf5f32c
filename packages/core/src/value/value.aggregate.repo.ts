import type { CustomerUnit } from '@rapport/db';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

// The recompute's aggregation, in SQL: orders → one row per customer and purchase day (same-day
// orders merged) in a temporary table of the transaction, then compact per-customer figures,
// weekly repeat purchases and monthly cohorts from it. Only these travel to Node.

/** Orders that count: paid or fulfilled (never pending, cancelled or refunded). */
const COUNTED = sql`status in ('paid', 'fulfilled')`;
const dayOf = (column: string) => sql`((${sql.ref(column)} at time zone 'UTC')::date - date '1970-01-01')`;

/** Orders that count per currency (the most used first): the default currency and what is left out. */
export async function currencies(
  ctx: Ctx,
  unit: CustomerUnit,
): Promise<{ currency: string; orders: number }[]> {
  const column = sql.ref(unit === 'person' ? 'person_id' : 'company_id');
  const result = await sql<{ currency: string; orders: number }>`
    select currency, count(*)::int as orders from orders
    where ${COUNTED} and ${column} is not null
    group by currency order by orders desc, currency`.execute(ctx.db);
  return result.rows;
}

/** The first purchase day (days since 1970-01-01) of the counted orders, or null. */
export async function firstDay(
  ctx: Ctx,
  unit: CustomerUnit,
  currency: string,
  before: Date,
): Promise<number | null> {
  const column = sql.ref(unit === 'person' ? 'person_id' : 'company_id');
  const result = await sql<{ day: number | null }>`
    select ${dayOf('ordered_at')} as day from orders
    where ${COUNTED} and currency = ${currency} and ${column} is not null and ordered_at < ${before}
    order by ordered_at limit 1`.execute(ctx.db);
  return result.rows[0]?.day ?? null;
}

export interface CustomerAggregate {
  ids: string[];
  /** Days since 1970-01-01 (UTC) of the first and last purchase. */
  first: Int32Array;
  last: Int32Array;
  /** Repeat purchase days. */
  x: Float64Array;
  /** Spend to date (minor units). */
  total: Float64Array;
  /** Mean of the non-zero repeat purchases (minor units); 0 without any. */
  m: Float64Array;
  /** As of the holdout start: repeat purchases and the last purchase day (-1: first purchase after it). */
  xCal: Float64Array;
  lastCal: Int32Array;
  /** Repeat purchase days in the holdout period (of customers who bought before it). */
  xHoldout: Float64Array;
}

/**
 * Fills the transaction's temporary table `value_days` (customer, day, amount, first day) with the
 * counted orders in `currency` before `before`; it is dropped at commit.
 */
export async function loadDays(ctx: Ctx, unit: CustomerUnit, currency: string, before: Date): Promise<void> {
  const column = sql.ref(unit === 'person' ? 'person_id' : 'company_id');
  await sql`
    create temporary table value_days on commit drop as
    select cid, day, amount, min(day) over (partition by cid) as first
    from (
      select ${column} as cid, ${dayOf('ordered_at')} as day, sum(total_minor)::float8 as amount
      from orders
      where ${COUNTED} and currency = ${currency} and ${column} is not null and ordered_at < ${before}
      group by 1, 2
    ) d`.execute(ctx.db);
}

/** Per customer, from value_days; `holdoutStart` as a day number. */
export async function customerAggregate(ctx: Ctx, holdoutStart: number): Promise<CustomerAggregate> {
  const result = await sql<{
    cid: string;
    first: number;
    last: number;
    x: number;
    total: number;
    m: number | null;
    xc: number;
    lc: number | null;
    xh: number;
  }>`
    select cid, min(day) as first, max(day) as last, (count(*) - 1)::int as x, sum(amount) as total,
      avg(amount) filter (where day > first and amount > 0) as m,
      (count(*) filter (where day > first and day < ${holdoutStart}))::int as xc,
      max(day) filter (where day < ${holdoutStart}) as lc,
      (count(*) filter (where day >= ${holdoutStart} and first < ${holdoutStart}))::int as xh
    from value_days group by cid`.execute(ctx.db);
  const n = result.rows.length;
  const out: CustomerAggregate = {
    ids: new Array<string>(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    x: new Float64Array(n),
    total: new Float64Array(n),
    m: new Float64Array(n),
    xCal: new Float64Array(n),
    lastCal: new Int32Array(n),
    xHoldout: new Float64Array(n),
  };
  result.rows.forEach((row, i) => {
    out.ids[i] = row.cid;
    out.first[i] = row.first;
    out.last[i] = row.last;
    out.x[i] = row.x;
    out.total[i] = row.total;
    out.m[i] = row.m ?? 0;
    out.xCal[i] = row.xc;
    out.lastCal[i] = row.lc ?? -1;
    out.xHoldout[i] = row.xh;
  });
  return out;
}

/** Repeat purchase days per week since `start` (a day number), of customers who first bought before `cohortEnd`. */
export async function weeklyRepeats(
  ctx: Ctx,
  start: number,
  cohortEnd: number,
): Promise<Map<number, number>> {
  const result = await sql<{ week: number; repeats: number }>`
    select ((day - ${start}) / 7)::int as week, count(*)::int as repeats from value_days
    where day > first and first < ${cohortEnd} group by 1`.execute(ctx.db);
  return new Map(result.rows.map((row) => [row.week, row.repeats]));
}

/** Customers buying per (first-order month, months since), month as year * 12 + month - 1, from `sinceMonth`. */
export async function cohortCounts(
  ctx: Ctx,
  sinceMonth: number,
): Promise<{ cohort: number; since: number; customers: number }[]> {
  const month = (day: string) =>
    sql`(extract(year from date '1970-01-01' + ${sql.ref(day)}) * 12 + extract(month from date '1970-01-01' + ${sql.ref(day)}) - 1)::int`;
  const result = await sql<{ cohort: number; since: number; customers: number }>`
    select cohort, since, count(*)::int as customers from (
      select distinct cid, ${month('first')} as cohort, ${month('day')} - ${month('first')} as since
      from value_days where first >= (date (${`${Math.floor(sinceMonth / 12)}-${String((sinceMonth % 12) + 1).padStart(2, '0')}-01`}) - date '1970-01-01')
    ) c group by 1, 2 order by 1, 2`.execute(ctx.db);
  return result.rows;
}
