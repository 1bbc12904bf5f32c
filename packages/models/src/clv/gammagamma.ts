/**
 * Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader &
 * Hardie 2013, note 025): a customer's purchase values are Gamma(p, ν), ν ~ Gamma(q, γ) across
 * customers, independent of the purchase process. The likelihood of a customer's mean m over x
 * repeat purchases, with its analytic gradient; only ln(γ + m·x) varies per customer.
 */
import { byX, checkSpend } from './check.ts';
import { count, fmt, MIN_REPEAT_CUSTOMERS, solve, tooLittleData } from './fit.ts';
import { digamma, lgamma } from './special.ts';
import {
  ClvDataError,
  type Fit,
  type FitOptions,
  type GammaGammaParams,
  type SpendSummary,
} from './types.ts';

const NAMES = ['p', 'q', 'gamma'] as const;

export function gammaGammaLogLikelihood(s: SpendSummary): (p: Float64Array, grad: Float64Array) => number {
  const { x, m } = s;
  const n = x.length;
  const { w, values, weightOf } = byX(x, s.weight);
  // Sums that do not depend on the parameters.
  let total = 0;
  let sumXLogM = 0;
  let sumLogM = 0;
  let sumXLogX = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    total += wi;
    sumXLogM += wi * x[i]! * Math.log(m[i]!);
    sumLogM += wi * Math.log(m[i]!);
    sumXLogX += wi * x[i]! * Math.log(x[i]!);
  }
  return (params, grad) => {
    const [p, q, gamma] = params as unknown as [number, number, number];
    let ll = total * (q * Math.log(gamma) - lgamma(q)) + p * (sumXLogM + sumXLogX) - sumLogM;
    let gp = sumXLogM + sumXLogX;
    let gq = total * (Math.log(gamma) - digamma(q));
    let gGamma = (total * q) / gamma;
    for (let j = 0; j < values.length; j++) {
      const px = p * values[j]!;
      const wj = weightOf[j]!;
      ll += wj * (lgamma(px + q) - lgamma(px));
      const psi = digamma(px + q);
      gp += wj * values[j]! * (psi - digamma(px));
      gq += wj * psi;
    }
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const wi = w[i]!;
      const denominator = gamma + m[i]! * xi;
      const l = Math.log(denominator);
      const px = p * xi;
      ll -= wi * (px + q) * l;
      gp -= wi * xi * l;
      gq -= wi * l;
      gGamma -= (wi * (px + q)) / denominator;
    }
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gGamma;
    return ll;
  };
}

export function fitGammaGamma(
  s: SpendSummary,
  options: FitOptions<GammaGammaParams> = {},
): Fit<GammaGammaParams> {
  checkSpend(s);
  const { total } = count(s.x, s.weight);
  if (total === 0) {
    throw new ClvDataError(
      'No customer made a paid repeat purchase, so there is no spend to learn from: Gamma-Gamma cannot be fitted.',
    );
  }
  let mean = 0;
  for (let i = 0; i < s.x.length; i++) mean += ((s.weight ? s.weight[i]! : 1) * s.m[i]!) / total;
  // Fitted on spend in units of the mean (γ is money, p and q have no unit), so that amounts in
  // cents of a wholesale business stay well inside the optimiser's range; γ and the
  // log-likelihood (the density of m, whose Jacobian is 1/scale per customer) are scaled back.
  const scale = mean;
  const scaled = { ...s, m: Float64Array.from(s.m, (v) => v / scale) };
  const start = options.start ?? { p: 1, q: 2, gamma: scale };
  const solved = solve<GammaGammaParams>({
    names: NAMES,
    // p = 1, q = 2 and γ = the mean: a finite population mean p·γ/(q−1) equal to the data's.
    start: { ...start, gamma: start.gamma / scale },
    maxIterations: options.maxIterations,
    customers: total,
    logLikelihood: gammaGammaLogLikelihood(scaled),
  });
  solved.params.gamma *= scale;
  solved.logLikelihood -= total * Math.log(scale);
  if (total < MIN_REPEAT_CUSTOMERS) solved.warnings.unshift(tooLittleData('Gamma-Gamma', total));
  const { p, q, gamma } = solved.params;
  if (q <= 1) {
    solved.warnings.push({
      code: 'q_at_most_one',
      message: `Gamma-Gamma's q came out at ${fmt(q)}, not above 1: under this fit the average spend per purchase does not exist (a few customers spend so much more than the rest that the mean runs off), so expected spend and CLV cannot be computed from it. Look for wholesale buyers or outlier orders and fit them apart, or cap extreme amounts.`,
    });
  } else if (q < 1.5) {
    solved.warnings.push({
      code: 'q_near_one',
      message: `Gamma-Gamma's q is ${fmt(q)}, close to 1: spend per purchase has a very heavy tail, so the population mean ${fmt((p * gamma) / (q - 1))} and the expected spend of customers with few purchases are unstable. Look for wholesale buyers or outlier orders.`,
    });
  }
  return { ...solved, customers: total };
}

/**
 * E[M | x, m]: a customer's expected spend per purchase, a weighted mean of the population mean
 * p·γ/(q−1) and their own mean m. For x = 0 it is the population mean. NaN when it does not
 * exist (p·x + q ≤ 1, e.g. q ≤ 1 for a customer without repeat purchases).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Number.NaN;
  return (p * (gamma + x * m)) / denominator;
}
