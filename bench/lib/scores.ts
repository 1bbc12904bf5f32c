/** Classification scores with bootstrap 95% intervals, for the text accuracy benchmark. */
import { random } from '../../packages/models/src/random.ts';

/** Support-weighted F1 over classes (the VADER paper's "overall" F1). */
export function weightedF1(gold: readonly string[], predicted: readonly string[]): number {
  const classes = [...new Set(gold)];
  let total = 0;
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const support = tp + fn;
    sum += (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)) * support;
    total += support;
  }
  return total === 0 ? 0 : sum / total;
}

/** Macro F1 over the columns of multi-label 0/1 rows. */
export function macroF1(
  gold: readonly Uint8Array[],
  predicted: readonly Uint8Array[],
  columns: number,
): number {
  let sum = 0;
  for (let k = 0; k < columns; k++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]![k]!;
      const p = predicted[i]![k]!;
      if (p && g) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / columns;
}

export interface Estimate {
  value: number;
  low: number;
  high: number;
  n: number;
}

/** The statistic on all rows, and the 2.5–97.5 percentiles of it over 1,000 bootstrap resamples. */
export function bootstrap(n: number, statistic: (rows: number[]) => number, resamples = 1000): Estimate {
  const all = Array.from({ length: n }, (_, i) => i);
  const rand = random(20261124);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) values.push(statistic(all.map(() => Math.floor(rand() * n))));
  values.sort((a, b) => a - b);
  return {
    value: statistic(all),
    low: values[Math.floor(0.025 * resamples)]!,
    high: values[Math.floor(0.975 * resamples)]!,
    n,
  };
}
