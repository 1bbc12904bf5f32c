import { collapse } from '@rapport/models';
import type { CustomerAggregate } from './value.aggregate.ts';
import type { Tracking } from './value.schema.ts';
import {
  expectedOf,
  fitPurchases,
  type PurchaseModel,
  type Settings,
  unconditionalOf,
} from './value.score.ts';

// The calibration/holdout check (Fader, Hardie & Lee's tracking plots): the model is fitted on
// what was known at the holdout start, then its weekly and cumulative repeat purchases are
// compared with what happened, over the calibration period and the holdout after it.

const WEEK = 7;
/** The holdout is the last third of the data's span, at most a year. */
export function holdoutStartDay(firstDay: number, nowDay: number): number {
  return nowDay - Math.min(Math.floor((nowDay - firstDay) / 3), 52 * WEEK);
}
/** Too little to check: fewer weeks of data or customers than this. */
const MIN_WEEKS = 8;
const MIN_CUSTOMERS = 20;
/** Beyond this many (birth day × week) evaluations, births are grouped by week. */
const MAX_EVALUATIONS = 300_000;

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function tracking(
  agg: CustomerAggregate,
  spanStart: number,
  holdoutStart: number,
  nowDay: number,
  settings: Settings,
  weekly: Map<number, number>,
  start: PurchaseModel | null,
): (Tracking & { model: PurchaseModel }) | null {
  const cohort: number[] = [];
  for (let i = 0; i < agg.ids.length; i++) if (agg.first[i]! < holdoutStart) cohort.push(i);
  const weeks = Math.floor((nowDay - spanStart) / WEEK);
  if (cohort.length < MIN_CUSTOMERS || weeks < MIN_WEEKS || holdoutStart >= nowDay) return null;

  const s = {
    x: Float64Array.from(cohort, (i) => agg.xCal[i]!),
    tx: Float64Array.from(cohort, (i) => (agg.lastCal[i]! - agg.first[i]!) / WEEK),
    T: Float64Array.from(cohort, (i) => (holdoutStart - agg.first[i]!) / WEEK),
  };
  const groups = collapse(s);
  const { model, fit } = fitPurchases(settings.model, groups, start ?? undefined);

  // Births (first purchases) by day, or by week when that would cost too many evaluations.
  const births = new Map<number, number>();
  for (const i of cohort) births.set(agg.first[i]!, (births.get(agg.first[i]!) ?? 0) + 1);
  let born = [...births.entries()];
  if (born.length * weeks > MAX_EVALUATIONS) {
    const byWeek = new Map<number, number>();
    for (const [day, n] of born) {
      const mid = spanStart + Math.floor((day - spanStart) / WEEK) * WEEK + 3.5;
      byWeek.set(mid, (byWeek.get(mid) ?? 0) + n);
    }
    born = [...byWeek.entries()];
  }

  const rows: Tracking['weeks'] = [];
  let cumulativeActual = 0;
  let before = 0;
  for (let k = 0; k < weeks; k++) {
    const end = spanStart + (k + 1) * WEEK;
    let cumulative = 0;
    for (const [day, n] of born) if (day < end) cumulative += n * unconditionalOf(model, (end - day) / WEEK);
    const actual = weekly.get(k) ?? 0;
    cumulativeActual += actual;
    rows.push({
      weekStart: isoDay(end - WEEK),
      actual,
      predicted: cumulative - before,
      cumulativeActual,
      cumulativePredicted: cumulative,
      holdout: end - WEEK >= holdoutStart,
    });
    before = cumulative;
  }

  const length = (nowDay - holdoutStart) / WEEK;
  let predicted = 0;
  for (let g = 0; g < groups.x.length; g++)
    predicted += groups.weight![g]! * expectedOf(model, length, groups.x[g]!, groups.tx[g]!, groups.T[g]!);
  let actual = 0;
  for (const i of cohort) actual += agg.xHoldout[i]!;
  return {
    calibrationEnd: isoDay(holdoutStart),
    end: isoDay(nowDay),
    weeks: rows,
    holdout: { customers: cohort.length, actual, predicted },
    fit: { ...model.params, logLikelihood: fit.logLikelihood },
    model,
  };
}
