/** Checks of the summaries the fits take: what cannot be fitted throws ClvDataError. */

import { count } from './fit.ts';
import { collapse } from './summarize.ts';
import { ClvDataError, type RepeatSummary, type SpendSummary } from './types.ts';

export function checkRepeat(s: RepeatSummary): void {
  const n = s.x.length;
  if (s.tx.length !== n || s.T.length !== n || (s.weight && s.weight.length !== n)) {
    throw new ClvDataError('x, tx, T (and weight) must have one entry per customer each.');
  }
  for (let i = 0; i < n; i++) {
    const x = s.x[i]!;
    const tx = s.tx[i]!;
    const T = s.T[i]!;
    const w = s.weight ? s.weight[i]! : 1;
    if (!(x >= 0 && tx >= 0 && T >= 0 && tx <= T + 1e-9 && w >= 0) || (x === 0 && tx !== 0)) {
      throw new ClvDataError(
        `Customer ${i}: x = ${x}, tx = ${tx}, T = ${T}${s.weight ? `, weight = ${w}` : ''} is not a valid summary (needs x ≥ 0, 0 ≤ tx ≤ T, and tx = 0 when x = 0).`,
      );
    }
  }
}

export function checkSpend(s: SpendSummary): void {
  const n = s.x.length;
  if (s.m.length !== n || (s.weight && s.weight.length !== n)) {
    throw new ClvDataError('x and m (and weight) must have one entry per customer each.');
  }
  for (let i = 0; i < n; i++) {
    if (!(s.x[i]! > 0 && s.m[i]! > 0 && (s.weight ? s.weight[i]! >= 0 : true))) {
      throw new ClvDataError(
        `Customer ${i}: x = ${s.x[i]}, m = ${s.m[i]} is not a valid spend summary (Gamma-Gamma takes only customers with x > 0 repeat purchases and a positive mean spend m).`,
      );
    }
  }
}

/** The summary grouped into identical customers, unless it already carries weights. */
export function grouped(s: RepeatSummary): RepeatSummary & { weight: Float64Array } {
  if (s.weight) return s as RepeatSummary & { weight: Float64Array };
  const c = collapse(s);
  return { x: c.x, tx: c.tx, T: c.T, weight: c.weight! };
}

/** Distinct values of an array (x, tx, T), and for each customer the index of its value. */
export function distinctX(x: Float64Array): { values: Float64Array; index: Uint32Array } {
  const map = new Map<number, number>();
  const index = new Uint32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let k = map.get(x[i]!);
    if (k === undefined) {
      k = map.size;
      map.set(x[i]!, k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(map.keys()), index };
}

/** Weights (1 each when absent), the distinct values of x, and the total weight of each. */
export function byX(x: Float64Array, weight: Float64Array | undefined) {
  const w = weight ?? new Float64Array(x.length).fill(1);
  const { values, index } = distinctX(x);
  const weightOf = new Float64Array(values.length);
  for (let i = 0; i < x.length; i++) weightOf[index[i]!]! += w[i]!;
  return { w, values, index, weightOf };
}

/** The checked, grouped summary with its customers and repeat customers; none of the latter throws. */
export function prepareRepeat(s: RepeatSummary, model: string) {
  checkRepeat(s);
  const g = grouped(s);
  const { total, repeat } = count(g.x, g.weight);
  if (repeat === 0) {
    throw new ClvDataError(
      `No customer bought more than once, so there is nothing to learn about repeat purchases: ${model} cannot be fitted.`,
    );
  }
  return { g, total, repeat };
}
