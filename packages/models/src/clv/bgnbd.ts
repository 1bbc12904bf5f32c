/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases at a
 * Poisson rate λ ~ Gamma(r, α) while alive; after each repeat purchase the customer drops out
 * with probability p ~ Beta(a, b). The log-likelihood is written in the numerically stable form
 * of Hardie's note 027 (a log-sum-exp of its two terms) with its analytic gradient.
 */
import { byX, distinctX, prepareRepeat } from './check.ts';
import { fmt, MIN_REPEAT_CUSTOMERS, solve, tooLittleData } from './fit.ts';
import { digamma, lgamma } from './special.ts';
import type { BgNbdParams, Fit, FitOptions, RepeatSummary } from './types.ts';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** A summed BG/NBD log-likelihood with its gradient, for a fixed (grouped) summary. */
export function bgNbdLogLikelihood(s: RepeatSummary): (p: Float64Array, grad: Float64Array) => number {
  const { x, tx, T } = s;
  const n = x.length;
  const { w, values, index, weightOf } = byX(x, s.weight);
  const k = values.length;
  const tVals = distinctX(T);
  const txVals = distinctX(tx);
  const tIndex = tVals.index;
  const txIndex = txVals.index;
  const logT = new Float64Array(tVals.values.length);
  const logTx = new Float64Array(txVals.values.length);
  const logBx = new Float64Array(k);
  return (params, grad) => {
    const [r, alpha, a, b] = params as unknown as [number, number, number, number];
    const lnAlpha = Math.log(alpha);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    // Terms that depend on x only: once per distinct x.
    const lgR = lgamma(r);
    const psiR = digamma(r);
    const lgAB = lgamma(a + b) - lgamma(b);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    let total = 0;
    for (let j = 0; j < k; j++) {
      const xj = values[j]!;
      const wj = weightOf[j]!;
      total += wj;
      ll += wj * (lgamma(r + xj) - lgR + lgAB + lgamma(b + xj) - lgamma(a + b + xj));
      const psiABX = digamma(a + b + xj);
      gr += wj * (digamma(r + xj) - psiR);
      ga += wj * (psiAB - psiABX);
      gb += wj * (psiAB + digamma(b + xj) - psiB - psiABX);
    }
    ll += total * r * lnAlpha;
    gr += total * lnAlpha;
    gAlpha += (total * r) / alpha;
    // ln(α + T) and ln(α + tx) once per distinct value (whole days make few of them).
    for (let j = 0; j < tVals.values.length; j++) logT[j] = Math.log(alpha + tVals.values[j]!);
    for (let j = 0; j < txVals.values.length; j++) logTx[j] = Math.log(alpha + txVals.values[j]!);
    for (let j = 0; j < k; j++) logBx[j] = values[j]! > 0 ? Math.log(a) - Math.log(b + values[j]! - 1) : 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const wi = w[i]!;
      const rx = r + xi;
      const lT = logT[tIndex[i]!]!;
      if (xi === 0) {
        ll -= wi * rx * lT;
        gr -= wi * lT;
        gAlpha -= (wi * rx) / (alpha + T[i]!);
        continue;
      }
      const lX = logTx[txIndex[i]!]!;
      // log L = A3 + log(1 + e^d), d = A4 − A3; the weights of the two terms are 1 − q and q.
      const d = logBx[index[i]!]! + rx * (lT - lX);
      let q: number;
      let log1p: number;
      if (d > 0) {
        const e = Math.exp(-d);
        q = 1 / (1 + e);
        log1p = d + Math.log1p(e);
      } else {
        const e = Math.exp(d);
        q = e / (1 + e);
        log1p = Math.log1p(e);
      }
      ll += wi * (log1p - rx * lT);
      gr -= wi * ((1 - q) * lT + q * lX);
      gAlpha -= wi * rx * ((1 - q) / (alpha + T[i]!) + q / (alpha + tx[i]!));
      ga += (wi * q) / a;
      gb -= (wi * q) / (b + xi - 1);
    }
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
    return ll;
  };
}

export function fitBgNbd(s: RepeatSummary, options: FitOptions<BgNbdParams> = {}): Fit<BgNbdParams> {
  const { g, total, repeat } = prepareRepeat(s, 'BG/NBD');
  const solved = solve<BgNbdParams>({
    names: NAMES,
    start: options.start ?? repeatStart(g, { a: 1, b: 1 }),
    maxIterations: options.maxIterations,
    customers: total,
    logLikelihood: bgNbdLogLikelihood(g),
  });
  const warnings = solved.warnings;
  if (repeat < MIN_REPEAT_CUSTOMERS) warnings.unshift(tooLittleData('BG/NBD', repeat));
  const { a, b } = solved.params;
  // b → ∞ (often with a → 0): the chance of leaving after a purchase, a/(a+b), vanishes.
  if (b > 1000 || a / (a + b) < 1e-3) {
    const keep = warnings.filter((w) => !(w.code === 'boundary' && /parameter (a|b) /.test(w.message)));
    warnings.length = 0;
    warnings.push(...keep, {
      code: 'b_unbounded',
      message: `BG/NBD found that customers almost never leave (b = ${fmt(b)}, a = ${fmt(a)}: a ${fmt((100 * a) / (a + b))} % chance of dropping out after a purchase). The dropout part of the model has run off to its limit, so BG/NBD calls nearly everyone alive: its P(alive), expected purchases and CLV are not to be trusted for this data. Compare with Pareto/NBD, or fit on a longer history.`,
    });
  }
  return { ...solved, customers: total, warnings };
}

/** A start from the data: r = 1 and α so that the mean rate r/α matches Σx/ΣT. */
export function repeatStart<E extends object>(
  s: RepeatSummary & { weight: Float64Array },
  extra: E,
): { r: number; alpha: number } & E {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < s.x.length; i++) {
    purchases += s.weight[i]! * s.x[i]!;
    time += s.weight[i]! * s.T[i]!;
  }
  const alpha = Math.min(Math.max(time / Math.max(purchases, 1e-9), 1e-3), 1e5);
  return { r: 1, alpha, ...extra };
}
