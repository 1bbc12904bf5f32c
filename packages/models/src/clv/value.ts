/** Discounted customer lifetime value and RFM scores. */
import {
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  paretoNbdExpected,
  paretoNbdExpectedIfAlive,
} from './predict.ts';
import type { BgNbdParams, ParetoNbdParams } from './types.ts';

export type PurchaseModel =
  | { model: 'bgnbd'; params: BgNbdParams }
  | { model: 'paretoNbd'; params: ParetoNbdParams };

export interface ClvOptions {
  horizonWeeks: number;
  /** Annual rate, e.g. 0.1 for 10 %: a purchase in week k is worth e^(−k·ln(1+rate)/52) of today's. */
  annualDiscountRate: number;
  /** Share of spend that is profit (default 1: CLV in revenue). */
  margin?: number;
}

const WEEKS_PER_YEAR = 52;

/**
 * Σ over the weeks k = 1..horizon of the purchases expected in week k (the difference of the
 * conditional expectation at its ends) × spend × margin, discounted to the calibration end at the
 * end of week k by the weekly rate equivalent to the annual one (continuous compounding).
 * A fractional last week counts pro rata.
 */
export function discountedClv(
  input: PurchaseModel,
  customer: { x: number; tx: number; T: number },
  spend: number,
  options: ClvOptions,
): number {
  const { x, tx, T } = customer;
  const expected =
    input.model === 'bgnbd'
      ? (t: number) => bgNbdExpected(input.params, t, x, tx, T)
      : (t: number) => paretoNbdExpected(input.params, t, x, tx, T);
  return discounted(expected, options) * spend * (options.margin ?? 1);
}

/** Σ over the horizon's weeks of the growth of `expected` in the week, discounted. */
function discounted(expected: (t: number) => number, options: ClvOptions): number {
  const delta = Math.log1p(options.annualDiscountRate) / WEEKS_PER_YEAR;
  let total = 0;
  let before = 0;
  for (let start = 0; start < options.horizonWeeks; start++) {
    const end = Math.min(start + 1, options.horizonWeeks);
    const now = expected(end);
    total += (now - before) * Math.exp(-delta * end);
    before = now;
  }
  return total;
}

/**
 * discountedClv of a customer known to be alive, per unit of spend and before the margin: the
 * same sum over weeks of the expectations without their P(alive) factor. It depends on x and T
 * only, so a million customers need it once per distinct (x, T); a customer's discounted CLV is
 * P(alive) × this × spend × margin (equal to discountedClv up to rounding).
 */
export function discountedClvIfAlive(
  input: PurchaseModel,
  x: number,
  T: number,
  options: ClvOptions,
): number {
  const expected =
    input.model === 'bgnbd'
      ? (t: number) => bgNbdExpectedIfAlive(input.params, t, x, T)
      : (t: number) => paretoNbdExpectedIfAlive(input.params, t, x, T);
  return discounted(expected, options);
}

/**
 * Quintile scores 1..5 (5 best) of recency (days since the last purchase: fewer is better),
 * frequency and monetary value. Ties share a score (the score of their mean rank), so equal
 * customers never get different scores.
 */
export function rfmScores(
  recencyDays: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
): { r: Uint8Array; f: Uint8Array; m: Uint8Array } {
  return {
    r: quintiles(recencyDays.map((v) => -v)),
    f: quintiles(frequency),
    m: quintiles(monetary),
  };
}

function quintiles(values: Float64Array): Uint8Array {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const scores = new Uint8Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Mean 0-based rank of the tie group, as a share of n, into five equal bins.
    const share = (start + end - 1) / 2 / n;
    const score = Math.min(5, Math.floor(share * 5) + 1);
    for (let k = start; k < end; k++) scores[order[k]!] = score;
    start = end;
  }
  return scores;
}
