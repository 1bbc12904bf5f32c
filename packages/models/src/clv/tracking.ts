/**
 * The calibration/holdout tracking chart (BTYD's PlotTrackingInc and PlotTrackingCum): repeat
 * purchases per week since the first purchase of the cohort, actual against what the model
 * expects, Σ over customers of E[X(t − first purchase)] (an unconditional expectation: the
 * model knows only when each customer arrived).
 */
import type { Transaction } from './summarize.ts';

export interface Tracking {
  /** Day (since 1970-01-01) each week starts on. */
  weekStart: number[];
  actual: number[];
  expected: number[];
  cumulativeActual: number[];
  cumulativeExpected: number[];
}

/**
 * Weeks from the cohort's first purchase to `endDay`; customers are those whose first purchase
 * is on or before `calibrationEndDay`; same-day purchases are one. `unconditional(t)` is the
 * model's E[X(t)] for t weeks.
 */
export function tracking(
  transactions: Iterable<Transaction>,
  calibrationEndDay: number,
  endDay: number,
  unconditional: (weeks: number) => number,
): Tracking {
  const days = new Map<string, Set<number>>();
  for (const t of transactions) {
    if (t.day > endDay) continue;
    let set = days.get(t.customerId);
    if (!set) {
      set = new Set();
      days.set(t.customerId, set);
    }
    set.add(t.day);
  }
  const firsts = new Map<number, number>(); // first day -> customers
  const repeats: number[] = [];
  let start = Number.POSITIVE_INFINITY;
  for (const set of days.values()) {
    const first = Math.min(...set);
    if (first > calibrationEndDay) continue;
    start = Math.min(start, first);
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
    for (const day of set) if (day !== first) repeats.push(day);
  }
  const weeks = Number.isFinite(start) ? Math.ceil((endDay - start + 1) / 7) : 0;
  const actual = new Array<number>(weeks).fill(0);
  for (const day of repeats) actual[Math.floor((day - start) / 7)]!++;
  const cumulativeExpected = Array.from({ length: weeks }, (_, w) => {
    const end = start + 7 * (w + 1);
    let sum = 0;
    for (const [first, n] of firsts) if (first < end) sum += n * unconditional((end - first) / 7);
    return sum;
  });
  const cumulativeActual: number[] = [];
  actual.reduce((sum, v) => {
    cumulativeActual.push(sum + v);
    return sum + v;
  }, 0);
  return {
    weekStart: Array.from({ length: weeks }, (_, w) => start + 7 * w),
    actual,
    expected: cumulativeExpected.map((v, w) => v - (w > 0 ? cumulativeExpected[w - 1]! : 0)),
    cumulativeActual,
    cumulativeExpected,
  };
}
