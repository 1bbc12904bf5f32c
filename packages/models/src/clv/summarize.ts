/**
 * From transactions to the summaries the models take, with the literature's conventions (BTYD,
 * lifetimes, CLVTools): time in weeks (days / 7); purchases on the same day merged into one;
 * x counts repeat purchases only (the first is not one); tx is the time from the first purchase
 * to the last repeat one; T the time from the first purchase to the calibration end; m the mean
 * value of the repeat purchases, zero-amount purchases left out of spend.
 */
import type { RepeatSummary } from './types.ts';

export interface Transaction {
  customerId: string;
  /** Whole days since 1970-01-01 UTC. */
  day: number;
  amount: number;
}

export interface Summary {
  /** Customers whose first purchase is on or before the calibration end, in order of first appearance. */
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat purchases with an amount (0 when there is none). */
  m: Float64Array;
  /** Repeat purchases with an amount > 0: Gamma-Gamma's x (equals x unless some were free). */
  xSpend: Float64Array;
  /** Purchases (days) after the calibration end up to the holdout end, when one is given. */
  xHoldout?: Float64Array;
  firstDay: Int32Array;
  /** The last purchase day in the calibration period. */
  lastDay: Int32Array;
}

interface Customer {
  days: Map<number, number>;
}

const DAYS_PER_WEEK = 7;

export function summarize(
  transactions: Iterable<Transaction>,
  calibrationEndDay: number,
  holdoutEndDay?: number,
): Summary {
  const end = holdoutEndDay ?? calibrationEndDay;
  const customers = new Map<string, Customer>();
  for (const t of transactions) {
    if (t.day > end) continue;
    let customer = customers.get(t.customerId);
    if (!customer) {
      customer = { days: new Map() };
      customers.set(t.customerId, customer);
    }
    customer.days.set(t.day, (customer.days.get(t.day) ?? 0) + t.amount);
  }
  const ids: string[] = [];
  const rows: {
    x: number;
    tx: number;
    T: number;
    m: number;
    xSpend: number;
    hold: number;
    first: number;
    last: number;
  }[] = [];
  for (const [id, { days }] of customers) {
    let first = Number.POSITIVE_INFINITY;
    for (const day of days.keys()) first = Math.min(first, day);
    if (first > calibrationEndDay) continue;
    let x = 0;
    let last = first;
    let spent = 0;
    let paid = 0;
    let hold = 0;
    for (const [day, amount] of days) {
      if (day > calibrationEndDay) {
        hold++;
      } else if (day !== first) {
        x++;
        last = Math.max(last, day);
        if (amount > 0) {
          spent += amount;
          paid++;
        }
      }
    }
    ids.push(id);
    rows.push({
      x,
      tx: (last - first) / DAYS_PER_WEEK,
      T: (calibrationEndDay - first) / DAYS_PER_WEEK,
      m: paid ? spent / paid : 0,
      xSpend: paid,
      hold,
      first,
      last,
    });
  }
  const column = (pick: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, pick);
  return {
    ids,
    x: column((row) => row.x),
    tx: column((row) => row.tx),
    T: column((row) => row.T),
    m: column((row) => row.m),
    xSpend: column((row) => row.xSpend),
    ...(holdoutEndDay === undefined ? {} : { xHoldout: column((row) => row.hold) }),
    firstDay: Int32Array.from(rows, (row) => row.first),
    lastDay: Int32Array.from(rows, (row) => row.last),
  };
}

/**
 * Identical (x, tx, T) triples grouped into one with a weight (the number of customers, or the
 * sum of their weights); `index` maps each customer to its group. An open-addressing hash on the
 * bits of the three numbers: a million customers take a few tens of milliseconds.
 */
export function collapse(s: RepeatSummary): RepeatSummary & { index: Uint32Array } {
  const n = s.x.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const index = new Uint32Array(n);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const mix = (h: number, v: number) => {
    bits[0] = v;
    h = Math.imul(h ^ words[0]!, 0x9e3779b1);
    h = Math.imul(h ^ words[1]!, 0x85ebca6b);
    return h ^ (h >>> 15);
  };
  for (let i = 0; i < n; i++) {
    const xi = s.x[i]!;
    const ti = s.tx[i]!;
    const Ti = s.T[i]!;
    let slot = mix(mix(mix(0x811c9dc5, xi), ti), Ti) & (size - 1);
    for (;;) {
      const g = slots[slot]!;
      if (g === -1) {
        slots[slot] = x.length;
        index[i] = x.length;
        x.push(xi);
        tx.push(ti);
        T.push(Ti);
        weight.push(s.weight ? s.weight[i]! : 1);
        break;
      }
      if (x[g] === xi && tx[g] === ti && T[g] === Ti) {
        index[i] = g;
        weight[g]! += s.weight ? s.weight[i]! : 1;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    index,
  };
}
