import {
  type BgNbdParams,
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdPAlive,
  bgNbdUnconditional,
  collapse,
  discountedClvIfAlive,
  type Fit,
  type FitWarning,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  type GammaGammaParams,
  gammaGammaExpectedSpend,
  type ParetoNbdParams,
  paretoNbdExpected,
  paretoNbdExpectedIfAlive,
  paretoNbdPAlive,
  paretoNbdUnconditional,
  type RepeatSummary,
  rfmScores,
} from '@rapport/models';
import type { CustomerAggregate } from './value.aggregate.ts';

// Fit and score, through the models' contract only: BG/NBD or Pareto/NBD for purchases,
// Gamma-Gamma for spend, discounted CLV, RFM quintiles; churn risk from P(alive).

export type PurchaseModel =
  | { model: 'bgnbd'; params: BgNbdParams }
  | { model: 'paretoNbd'; params: ParetoNbdParams };
export type Settings = {
  model: 'bgnbd' | 'paretoNbd';
  horizonWeeks: number;
  annualDiscountRate: number;
  margin: number | null;
};

export function fitPurchases(
  model: Settings['model'],
  summary: RepeatSummary,
  start?: PurchaseModel,
): { model: PurchaseModel; fit: Fit<BgNbdParams | ParetoNbdParams> } {
  if (model === 'bgnbd') {
    const fit = fitBgNbd(summary, start?.model === 'bgnbd' ? { start: start.params } : {});
    return { model: { model, params: fit.params }, fit };
  }
  const fit = fitParetoNbd(summary, start?.model === 'paretoNbd' ? { start: start.params } : {});
  return { model: { model, params: fit.params }, fit };
}

export function pAliveOf(m: PurchaseModel, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd' ? bgNbdPAlive(m.params, x, tx, T) : paretoNbdPAlive(m.params, x, tx, T);
}

export function expectedOf(m: PurchaseModel, t: number, x: number, tx: number, T: number): number {
  return m.model === 'bgnbd'
    ? bgNbdExpected(m.params, t, x, tx, T)
    : paretoNbdExpected(m.params, t, x, tx, T);
}

/** expectedOf without its P(alive) factor (independent of tx). */
export function expectedIfAliveOf(m: PurchaseModel, t: number, x: number, T: number): number {
  return m.model === 'bgnbd'
    ? bgNbdExpectedIfAlive(m.params, t, x, T)
    : paretoNbdExpectedIfAlive(m.params, t, x, T);
}

export function unconditionalOf(m: PurchaseModel, t: number): number {
  return m.model === 'bgnbd' ? bgNbdUnconditional(m.params, t) : paretoNbdUnconditional(m.params, t);
}

/**
 * Churn risk is 1 − P(alive). Bands: low below 0.3 (P(alive) above 70%), medium from 0.3 to 0.7,
 * high above 0.7 (P(alive) below 30%).
 */
export const CHURN_BANDS = { medium: 0.3, high: 0.7 } as const;
export function churnBand(risk: number): 'low' | 'medium' | 'high' {
  return risk > CHURN_BANDS.high ? 'high' : risk >= CHURN_BANDS.medium ? 'medium' : 'low';
}

export interface Scores {
  purchases: PurchaseModel | null;
  purchasesFit: Fit<BgNbdParams | ParetoNbdParams> | null;
  spend: GammaGammaParams | null;
  spendFit: Fit<GammaGammaParams> | null;
  warnings: FitWarning[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  recency: Float64Array;
  pAlive: Float64Array;
  e90: Float64Array;
  e365: Float64Array;
  spendPer: Float64Array;
  clv: Float64Array;
  rfm: { r: Uint8Array; f: Uint8Array; m: Uint8Array };
}

const WEEK = 7;

/** The model's summary of each customer as of `endDay` (weeks), from the aggregate. */
export function summaryAt(agg: CustomerAggregate, endDay: number): RepeatSummary {
  const n = agg.ids.length;
  const s = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    s.x[i] = agg.x[i]!;
    s.tx[i] = (agg.last[i]! - agg.first[i]!) / WEEK;
    s.T[i] = (endDay - agg.first[i]!) / WEEK;
  }
  return s;
}

/**
 * Gamma-Gamma on the customers with a repeat purchase of an amount > 0: x is the count of those
 * purchases only (zero-amount ones count as purchases, not as spend; models' `spendSummary`);
 * null when there are none.
 */
function fitSpend(agg: CustomerAggregate) {
  let count = 0;
  for (let i = 0; i < agg.ids.length; i++) if (agg.xSpend[i]! > 0) count++;
  if (!count) return null;
  const x = new Float64Array(count);
  const m = new Float64Array(count);
  for (let i = 0, k = 0; i < agg.ids.length; i++)
    if (agg.xSpend[i]! > 0) {
      x[k] = agg.xSpend[i]!;
      m[k++] = agg.m[i]!;
    }
  return fitGammaGamma({ x, m });
}

/** Scores every customer: fits once (on identical (x, tx, T) collapsed), then evaluates per group. */
export function scoreCustomers(agg: CustomerAggregate, nowDay: number, settings: Settings): Scores {
  const n = agg.ids.length;
  const s = summaryAt(agg, nowDay);
  const groups = collapse(s);
  const warnings: FitWarning[] = [];
  let purchases: ReturnType<typeof fitPurchases> | null = null;
  if (n > 0) {
    purchases = fitPurchases(settings.model, groups);
    warnings.push(...purchases.fit.warnings);
  }
  const spendFit = fitSpend(agg);
  if (spendFit) warnings.push(...spendFit.warnings);
  // A degenerate spend fit (q ≤ 1 has no finite mean) is not used: each customer's own mean is.
  const spendUsable =
    spendFit && spendFit.params.q > 1 && !spendFit.warnings.some((w) => w.code === 'too_little_data');
  const mean =
    agg.total.reduce((a, b) => a + b, 0) /
    Math.max(
      1,
      agg.x.reduce((a, b) => a + b + 1, 0),
    );

  const g = groups.x.length;
  const gAlive = new Float64Array(g);
  const g90 = new Float64Array(g);
  const g365 = new Float64Array(g);
  const gClv = new Float64Array(g);
  const options = {
    horizonWeeks: settings.horizonWeeks,
    annualDiscountRate: settings.annualDiscountRate,
    ...(settings.margin === null ? {} : { margin: settings.margin }),
  };
  if (purchases) {
    // Expectations and CLV are P(alive) × a factor of (x, T) alone: the factors once per distinct
    // (x, T) (far fewer than the groups: tx varies most), P(alive) per group.
    const ifAlive = new Map<number, number>();
    const factors: number[] = [];
    const model = purchases.model;
    for (let k = 0; k < g; k++) {
      const [x, tx, T] = [groups.x[k]!, groups.tx[k]!, groups.T[k]!];
      const key = x * 2 ** 21 + Math.round(T * WEEK * 8);
      let f = ifAlive.get(key);
      if (f === undefined || factors[f + 3] !== T) {
        f = factors.length;
        ifAlive.set(key, f);
        factors.push(
          expectedIfAliveOf(model, 90 / WEEK, x, T),
          expectedIfAliveOf(model, 365 / WEEK, x, T),
          // Linear in spend: the CLV of one unit of spend per purchase, times each customer's spend below.
          discountedClvIfAlive(model, x, T, options) * (settings.margin ?? 1),
          T,
        );
      }
      const alive = pAliveOf(model, x, tx, T);
      gAlive[k] = alive;
      g90[k] = factors[f]! * alive;
      g365[k] = factors[f + 1]! * alive;
      gClv[k] = factors[f + 2]! * alive;
    }
  }

  const out: Scores = {
    purchases: purchases?.model ?? null,
    purchasesFit: purchases?.fit ?? null,
    spend: spendUsable ? spendFit.params : null,
    spendFit,
    warnings,
    ...s,
    recency: new Float64Array(n),
    pAlive: new Float64Array(n),
    e90: new Float64Array(n),
    e365: new Float64Array(n),
    spendPer: new Float64Array(n),
    clv: new Float64Array(n),
    rfm: { r: new Uint8Array(0), f: new Uint8Array(0), m: new Uint8Array(0) },
  };
  const frequency = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = groups.index[i]!;
    out.recency[i] = nowDay - agg.last[i]!;
    frequency[i] = agg.x[i]! + 1;
    out.pAlive[i] = Math.min(1, Math.max(0, gAlive[k]!));
    out.e90[i] = g90[k]!;
    out.e365[i] = g365[k]!;
    const paid = agg.xSpend[i]!;
    const own = paid > 0 ? agg.m[i]! : agg.total[i]! / (agg.x[i]! + 1) || mean;
    out.spendPer[i] = spendUsable ? gammaGammaExpectedSpend(spendFit.params, paid, agg.m[i]!) : own;
    out.clv[i] = Math.max(0, gClv[k]! * out.spendPer[i]!);
  }
  out.rfm = rfmScores(out.recency, frequency, agg.total);
  return out;
}
