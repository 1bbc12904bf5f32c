import type { CustomerUnit } from '@rapport/db';
import type { Ctx } from '../shared/context.ts';
import * as repo from './value.aggregate.repo.ts';

// The recompute's aggregation: every customer's counted orders come from PostgreSQL in one grouped
// pass (value.aggregate.repo.ts: two compact arrays per customer, read by a cursor in batches;
// PostgreSQL produces the next batch while this folds the last), and are folded here into
// purchase days (same-day orders merged, UTC), the per-customer figures, the weekly repeat
// purchases of the tracking and the cohorts' monthly counts.

/** Customers per FETCH (small enough that a batch's strings die young). */
const BATCH = 10_000;
const WEEK = 7;

export interface CustomerAggregate {
  ids: string[];
  /** Days since 1970-01-01 (UTC) of the first and last purchase. */
  first: Int32Array;
  last: Int32Array;
  /** Repeat purchase days. */
  x: Float64Array;
  /** Spend to date (minor units). */
  total: Float64Array;
  /** Repeat purchase days with an amount > 0 (Gamma-Gamma's x). */
  xSpend: Float64Array;
  /** Mean of the repeat purchase days with an amount > 0 (minor units); 0 without any. */
  m: Float64Array;
  /** As of the holdout start: repeat purchases and the last purchase day (-1: first purchase after it). */
  xCal: Float64Array;
  lastCal: Int32Array;
  /** Repeat purchase days in the holdout period (of customers who bought before it). */
  xHoldout: Float64Array;
}

export interface Aggregate {
  customers: CustomerAggregate;
  /** Repeat purchase days per week since `spanStart`, of customers who first bought before the holdout. */
  weekly: Map<number, number>;
  /** Customers buying per (first-order month, months since), months as year * 12 + month - 1. */
  cohorts: { cohort: number; since: number; customers: number }[];
  /** Counted orders in the currency, and in other currencies. */
  orders: number;
  others: number;
}

export interface AggregateOptions {
  currency: string;
  /** The recompute's time: later orders do not count. */
  before: Date;
  /** Day numbers: the first purchase of all, the holdout start. */
  spanStart: number;
  holdoutStart: number;
  /** The first cohort month (year * 12 + month - 1). */
  sinceMonth: number;
}

const monthOfDay = (day: number) => {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/**
 * Parses PostgreSQL's text of an integer array (`{1,-2,30}`) into `out` from index 0; returns the
 * count. No NULL elements (the columns are NOT NULL).
 */
export function parseIntArray(text: string, out: Float64Array): number {
  let n = 0;
  let value = 0;
  let negative = false;
  let digits = false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits = true;
    } else if (c === 45) negative = true;
    else {
      if (digits) out[n++] = negative ? -value : value;
      value = 0;
      negative = false;
      digits = false;
    }
  }
  return n;
}

/** Growable columns, trimmed at the end. */
class Columns {
  size = 0;
  capacity = 1024;
  ids: string[] = [];
  first = new Int32Array(this.capacity);
  last = new Int32Array(this.capacity);
  x = new Float64Array(this.capacity);
  total = new Float64Array(this.capacity);
  xSpend = new Float64Array(this.capacity);
  m = new Float64Array(this.capacity);
  xCal = new Float64Array(this.capacity);
  lastCal = new Int32Array(this.capacity);
  xHoldout = new Float64Array(this.capacity);

  grow() {
    this.capacity *= 2;
    const grown = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.first = grown(this.first);
    this.last = grown(this.last);
    this.x = grown(this.x);
    this.total = grown(this.total);
    this.xSpend = grown(this.xSpend);
    this.m = grown(this.m);
    this.xCal = grown(this.xCal);
    this.lastCal = grown(this.lastCal);
    this.xHoldout = grown(this.xHoldout);
  }

  done(): CustomerAggregate {
    const n = this.size;
    return {
      ids: this.ids,
      first: this.first.slice(0, n),
      last: this.last.slice(0, n),
      x: this.x.slice(0, n),
      total: this.total.slice(0, n),
      xSpend: this.xSpend.slice(0, n),
      m: this.m.slice(0, n),
      xCal: this.xCal.slice(0, n),
      lastCal: this.lastCal.slice(0, n),
      xHoldout: this.xHoldout.slice(0, n),
    };
  }
}

/** Folds customers' orders (arrays of days and amounts) into the aggregate. */
export class PurchaseFolder {
  private readonly out = new Columns();
  private days = new Float64Array(256);
  private amounts = new Float64Array(256);
  private order = new Uint32Array(256);
  /** Repeat purchases per week since spanStart (cohort before the holdout). */
  private readonly weeks: Float64Array;
  /** Per cohort month since sinceMonth, customers by months since. */
  private readonly cohortCounts = new Map<number, number[]>();
  private readonly sinceDay: number;
  /** The month of each day from sinceDay on (a date per purchase day costs more). */
  private readonly months: Int32Array;
  orders = 0;
  others = 0;

  constructor(private readonly options: Omit<AggregateOptions, 'currency' | 'before'> & { nowDay: number }) {
    this.weeks = new Float64Array(Math.max(0, Math.floor((options.nowDay - options.spanStart) / WEEK)) + 2);
    const since = options.sinceMonth;
    this.sinceDay = Math.round(Date.UTC(Math.floor(since / 12), since % 12, 1) / 86_400_000);
    this.months = Int32Array.from({ length: Math.max(0, options.nowDay - this.sinceDay + 2) }, (_, k) =>
      monthOfDay(this.sinceDay + k),
    );
  }

  private monthOf(day: number): number {
    return this.months[day - this.sinceDay] ?? monthOfDay(day);
  }

  add(row: repo.PurchaseRow): void {
    this.others += row.others;
    if (row.days === null || row.amounts === null) return;
    const bound = row.days.length >> 1;
    if (bound > this.days.length) {
      const size = Math.max(bound, this.days.length * 2);
      this.days = new Float64Array(size);
      this.amounts = new Float64Array(size);
      this.order = new Uint32Array(size);
    }
    const n = parseIntArray(row.days, this.days);
    if (parseIntArray(row.amounts, this.amounts) !== n || n === 0)
      throw new Error('value: bad purchase arrays');
    this.orders += n;
    this.fold(row.cid, n);
  }

  /** The orders of one customer, in days[0..n) and amounts[0..n), in any order. */
  private fold(cid: string, n: number): void {
    const { days, amounts, order } = this;
    // Ascending by day: as they come (an index scan gives them descending), else sorted.
    let ascending = true;
    let descending = true;
    for (let k = 1; k < n; k++) {
      if (days[k]! < days[k - 1]!) ascending = false;
      else if (days[k]! > days[k - 1]!) descending = false;
    }
    if (ascending) for (let k = 0; k < n; k++) order[k] = k;
    else if (descending) for (let k = 0; k < n; k++) order[k] = n - 1 - k;
    else {
      const sorted = Array.from({ length: n }, (_, k) => k).sort((i, j) => days[i]! - days[j]!);
      for (let k = 0; k < n; k++) order[k] = sorted[k]!;
    }

    const { holdoutStart, spanStart } = this.options;
    const first = days[order[0]!]!;
    let total = 0;
    let purchases = 0;
    let xSpend = 0;
    let spend = 0;
    let xCal = 0;
    let lastCal = first < holdoutStart ? first : -1;
    let xHoldout = 0;
    const cohort = first >= this.sinceDay ? this.monthOf(first) : -1;
    let months: number[] | undefined;
    let lastMonth = -1;
    if (cohort >= 0) {
      months = this.cohortCounts.get(cohort) ?? [];
      this.cohortCounts.set(cohort, months);
    }
    let k = 0;
    while (k < n) {
      // One purchase day: the orders of that day added.
      const day = days[order[k]!]!;
      let amount = 0;
      while (k < n && days[order[k]!] === day) amount += amounts[order[k++]!]!;
      total += amount;
      if (purchases > 0) {
        if (amount > 0) {
          xSpend++;
          spend += amount;
        }
        if (day < holdoutStart) {
          xCal++;
          lastCal = day;
        } else if (first < holdoutStart) xHoldout++;
        if (first < holdoutStart) {
          const week = Math.floor((day - spanStart) / WEEK);
          this.weeks[week] = this.weeks[week]! + 1;
        }
      }
      if (months) {
        const month = this.monthOf(day);
        if (month !== lastMonth) {
          months[month - cohort] = (months[month - cohort] ?? 0) + 1;
          lastMonth = month;
        }
      }
      purchases++;
    }

    const out = this.out;
    if (out.size === out.capacity) out.grow();
    const i = out.size++;
    out.ids.push(cid);
    out.first[i] = first;
    out.last[i] = days[order[n - 1]!]!;
    out.x[i] = purchases - 1;
    out.total[i] = total;
    out.xSpend[i] = xSpend;
    out.m[i] = xSpend ? spend / xSpend : 0;
    out.xCal[i] = xCal;
    out.lastCal[i] = lastCal;
    out.xHoldout[i] = xHoldout;
  }

  result(): Aggregate {
    const weekly = new Map<number, number>();
    this.weeks.forEach((count, week) => {
      if (count) weekly.set(week, count);
    });
    const cohorts: Aggregate['cohorts'] = [];
    for (const cohort of [...this.cohortCounts.keys()].sort((a, b) => a - b))
      this.cohortCounts.get(cohort)!.forEach((customers, since) => {
        if (customers) cohorts.push({ cohort, since, customers });
      });
    return { customers: this.out.done(), weekly, cohorts, orders: this.orders, others: this.others };
  }
}

/**
 * Reads every customer's counted orders in `currency` and folds them. Each FETCH is sent before
 * the previous batch is folded, so PostgreSQL aggregates while Node parses.
 */
export async function aggregate(
  ctx: Ctx,
  unit: CustomerUnit,
  options: AggregateOptions & { nowDay: number },
): Promise<Aggregate> {
  const folder = new PurchaseFolder(options);
  await repo.openPurchases(ctx, unit, options.currency, options.before);
  let next = repo.fetchPurchases(ctx, BATCH);
  for (;;) {
    const rows = await next;
    if (rows.length === BATCH) next = repo.fetchPurchases(ctx, BATCH);
    for (const row of rows) folder.add(row);
    if (rows.length < BATCH) break;
  }
  await repo.closePurchases(ctx);
  return folder.result();
}
