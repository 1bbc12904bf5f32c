// TEMPORARY (value-core only): a simple but correct implementation of the CLV contract
// (/work/notes/clv-contract.md) so that core's value domain runs and is tested before the real
// models (analytic gradients, faster special functions) are merged. Dropped at that merge.
import { lgamma } from '../stats.ts';

export interface FitWarning {
  code: 'b_unbounded' | 'q_at_most_one' | 'not_converged' | 'too_little_data' | 'boundary' | string;
  message: string;
}
export interface Fit<P> {
  params: P;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
  warnings: FitWarning[];
}
export interface RepeatSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight?: Float64Array;
}
export interface SpendSummary {
  x: Float64Array;
  m: Float64Array;
  weight?: Float64Array;
}
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}
export interface Transaction {
  customerId: string;
  day: number;
  amount: number;
}
type FitOptions<P> = { start?: P; maxIterations?: number };

/** 2F1(a, b; c; z) for 0 <= z < 1 by its series. */
function hyp2F1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 200_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) break;
  }
  return sum;
}

/** ln 2F1 when a, b, c > 0 (the series is positive). */
const log2F1 = (a: number, b: number, c: number, z: number) => Math.log(hyp2F1(a, b, c, z));

function nelderMead(f: (v: number[]) => number, start: number[], maxIterations: number) {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + 0.5 : v)))];
  let values = simplex.map(f);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= 1e-10 * (Math.abs(values[0]!) + 1e-10)) {
      converged = true;
      break;
    }
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = along(0.5);
      const fc = f(contracted);
      if (fc < values[n]!) [simplex[n], values[n]] = [contracted, fc];
      else {
        simplex = simplex.map((p) => p.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!)));
        values = simplex.map(f);
      }
    }
  }
  return { best: simplex[0]!, value: values[0]!, iterations, converged };
}

const weightOf = (s: { weight?: Float64Array }, i: number) => (s.weight ? s.weight[i]! : 1);
const total = (s: { x: Float64Array; weight?: Float64Array }) => {
  let n = 0;
  for (let i = 0; i < s.x.length; i++) n += weightOf(s, i);
  return n;
};

function fitWith<P>(
  customers: number,
  ll: (p: P) => number,
  toParams: (v: number[]) => P,
  start: number[],
  maxIterations: number,
): Fit<P> {
  const f = (v: number[]) => {
    const value = -ll(toParams(v));
    return Number.isFinite(value) ? value : 1e300;
  };
  let result = nelderMead(f, start, maxIterations);
  // Restart once from the optimum: Nelder-Mead can stall on a collapsed simplex.
  const again = nelderMead(f, result.best, maxIterations);
  if (again.value <= result.value) result = { ...again, iterations: result.iterations + again.iterations };
  const warnings: FitWarning[] = [];
  if (!result.converged)
    warnings.push({ code: 'not_converged', message: 'The fit did not converge; figures may be off.' });
  return {
    params: toParams(result.best),
    logLikelihood: -result.value,
    iterations: result.iterations,
    converged: result.converged,
    customers,
    warnings,
  };
}

function tooLittle(s: RepeatSummary): FitWarning[] {
  let repeaters = 0;
  for (let i = 0; i < s.x.length; i++) if (s.x[i]! > 0) repeaters += weightOf(s, i);
  return total(s) < 10 || repeaters < 2
    ? [{ code: 'too_little_data', message: 'Too few customers with repeat purchases to fit the model.' }]
    : [];
}

// BG/NBD (Fader, Hardie & Lee 2005)

export function bgNbdLogLikelihood(p: BgNbdParams, s: RepeatSummary): number {
  const { r, alpha, a, b } = p;
  let sum = 0;
  const base = r * Math.log(alpha) + lgamma(a + b) - lgamma(r) - lgamma(b);
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const A3 = -(r + x) * Math.log(alpha + s.T[i]!);
    const head = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x) + base;
    let tail = A3;
    if (x > 0) {
      const A4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + s.tx[i]!);
      const hi = Math.max(A3, A4);
      tail = hi + Math.log(Math.exp(A3 - hi) + Math.exp(A4 - hi));
    }
    sum += weightOf(s, i) * (head + tail);
  }
  return sum;
}

export function fitBgNbd(s: RepeatSummary, options: FitOptions<BgNbdParams> = {}): Fit<BgNbdParams> {
  const st = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const fit = fitWith(
    total(s),
    (p: BgNbdParams) => bgNbdLogLikelihood(p, s),
    (v) => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) }),
    [Math.log(st.r), Math.log(st.alpha), Math.log(st.a), Math.log(st.b)],
    options.maxIterations ?? 3000,
  );
  fit.warnings.unshift(...tooLittle(s));
  if (fit.params.b > 1e4)
    fit.warnings.push({
      code: 'b_unbounded',
      message:
        'Customers hardly ever drop out in this data (b grows without bound): P(alive) is not reliable.',
    });
  return fit;
}

export function bgNbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const log = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(log));
}

export function bgNbdExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  // ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z) after Euler's transformation (stable for large x).
  const c = a + b + x - 1;
  // Euler's transformation converges fast for many purchases; with a large a (a degenerate fit),
  // the plain series does.
  const part =
    a > 50
      ? Math.exp((r + x) * Math.log1p(-z)) * hyp2F1(r + x, b + x, c, z)
      : Math.exp((a - 1) * Math.log1p(-z)) * hyp2F1(c - r - x, a - 1, c, z);
  const numerator = (c / (a - 1)) * (1 - part);
  return numerator * bgNbdPAlive(p, x, tx, T);
}

export function bgNbdUnconditional(p: BgNbdParams, t: number): number {
  return bgNbdExpected(p, t, 0, 0, 0);
}

// Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader & Hardie's note on its likelihood)

/** ln of the likelihood of one customer and ln of its "alive" term. */
function paretoTerms(p: ParetoNbdParams, x: number, tx: number, T: number): { ll: number; alive: number } {
  const { r, alpha, s, beta } = p;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const big = r + s + x;
  const [hi, mid] = alpha >= beta ? [alpha, beta] : [beta, alpha];
  const second = alpha >= beta ? s + 1 : r + x;
  // 2F1(big, second; big+1; z) = (1−z)^(1−second) 2F1(1, big+1−second; big+1; z) (Euler).
  const term = (at: number) => {
    const z = (hi - mid) / (hi + at);
    return (1 - second) * Math.log1p(-z) + log2F1(1, big + 1 - second, big + 1, z) - big * Math.log(hi + at);
  };
  const t1 = term(tx);
  const t2 = term(T);
  // A0 = e^t1 − e^t2 (t1 ≥ t2): s/(r+s+x) · A0 added to the alive term.
  const logA0 = t1 + Math.log(-Math.expm1(Math.min(t2 - t1, -1e-300)));
  const withA0 = Math.log(s / big) + logA0;
  const top = Math.max(alive, withA0);
  const sum = tx >= T ? alive : top + Math.log(Math.exp(alive - top) + Math.exp(withA0 - top));
  return { ll: head + sum, alive: alive - sum };
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, s: RepeatSummary): number {
  let sum = 0;
  for (let i = 0; i < s.x.length; i++) sum += weightOf(s, i) * paretoTerms(p, s.x[i]!, s.tx[i]!, s.T[i]!).ll;
  return sum;
}

export function fitParetoNbd(
  s: RepeatSummary,
  options: FitOptions<ParetoNbdParams> = {},
): Fit<ParetoNbdParams> {
  const st = options.start ?? { r: 1, alpha: 1, s: 1, beta: 1 };
  const fit = fitWith(
    total(s),
    (p: ParetoNbdParams) => paretoNbdLogLikelihood(p, s),
    (v) => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) }),
    [Math.log(st.r), Math.log(st.alpha), Math.log(st.s), Math.log(st.beta)],
    options.maxIterations ?? 3000,
  );
  fit.warnings.unshift(...tooLittle(s));
  return fit;
}

export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return Math.exp(paretoTerms(p, x, tx, T).alive);
}

export function paretoNbdExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  const ifAlive =
    (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1));
  return paretoNbdPAlive(p, x, tx, T) * ifAlive;
}

export function paretoNbdUnconditional(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  return ((r * beta) / (alpha * (s - 1))) * (1 - (beta / (beta + t)) ** (s - 1));
}

// Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV")

export function gammaGammaLogLikelihood(p: GammaGammaParams, s: SpendSummary): number {
  const { p: pp, q, gamma } = p;
  let sum = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const m = s.m[i]!;
    if (x <= 0 || m <= 0) continue;
    sum +=
      weightOf(s, i) *
      (lgamma(pp * x + q) -
        lgamma(pp * x) -
        lgamma(q) +
        q * Math.log(gamma) +
        (pp * x - 1) * Math.log(m) +
        pp * x * Math.log(x) -
        (pp * x + q) * Math.log(gamma + m * x));
  }
  return sum;
}

export function fitGammaGamma(
  s: SpendSummary,
  options: FitOptions<GammaGammaParams> = {},
): Fit<GammaGammaParams> {
  let mean = 0;
  let n = 0;
  for (let i = 0; i < s.x.length; i++)
    if (s.x[i]! > 0 && s.m[i]! > 0) {
      mean += weightOf(s, i) * s.m[i]!;
      n += weightOf(s, i);
    }
  mean = n ? mean / n : 1;
  const st = options.start ?? { p: 1, q: 2, gamma: mean };
  const fit = fitWith(
    n,
    (p: GammaGammaParams) => gammaGammaLogLikelihood(p, s),
    (v) => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) }),
    [Math.log(st.p), Math.log(st.q), Math.log(st.gamma)],
    options.maxIterations ?? 3000,
  );
  if (n < 10)
    fit.warnings.unshift({
      code: 'too_little_data',
      message: 'Too few repeat buyers to fit spend per purchase.',
    });
  if (fit.params.q <= 1)
    fit.warnings.push({
      code: 'q_at_most_one',
      message:
        'Spend per purchase varies too wildly to estimate a mean (q ≤ 1): expected spend is not reliable.',
    });
  return fit;
}

export function gammaGammaExpectedSpend(p: GammaGammaParams, x: number, m: number): number {
  if (x <= 0) return (p.p * p.gamma) / (p.q - 1);
  return (p.p * (p.gamma + m * x)) / (p.p * x + p.q - 1);
}

// Discounted CLV

export function discountedClv(
  input: { model: 'bgnbd'; params: BgNbdParams } | { model: 'paretoNbd'; params: ParetoNbdParams },
  customer: { x: number; tx: number; T: number },
  spend: number,
  options: { horizonWeeks: number; annualDiscountRate: number; margin?: number },
): number {
  const expected = (t: number) =>
    input.model === 'bgnbd'
      ? bgNbdExpected(input.params, t, customer.x, customer.tx, customer.T)
      : paretoNbdExpected(input.params, t, customer.x, customer.tx, customer.T);
  const weeklyLog = Math.log1p(options.annualDiscountRate) / 52;
  let value = 0;
  let before = 0;
  for (let week = 1; week <= options.horizonWeeks; week++) {
    const now = expected(week);
    value += (now - before) * Math.exp(-weeklyLog * week);
    before = now;
  }
  return value * spend * (options.margin ?? 1);
}

// RFM

function quintiles(values: Float64Array, better: 'low' | 'high'): Uint8Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) =>
    better === 'high' ? values[i]! - values[j]! : values[j]! - values[i]!,
  );
  const scores = new Uint8Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    const score = Math.min(5, Math.floor((start * 5) / n) + 1);
    for (let k = start; k <= end; k++) scores[order[k]!] = score;
    start = end + 1;
  }
  return scores;
}

export function rfmScores(
  recencyDays: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
): { r: Uint8Array; f: Uint8Array; m: Uint8Array } {
  return {
    r: quintiles(recencyDays, 'low'),
    f: quintiles(frequency, 'high'),
    m: quintiles(monetary, 'high'),
  };
}

// Summaries

export function summarize(
  transactions: Iterable<Transaction>,
  calibrationEndDay: number,
  holdoutEndDay?: number,
): {
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  m: Float64Array;
  xHoldout?: Float64Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
} {
  const days = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    if (holdoutEndDay === undefined ? t.day > calibrationEndDay : t.day > holdoutEndDay) continue;
    const of = days.get(t.customerId) ?? new Map<number, number>();
    days.set(t.customerId, of);
    of.set(t.day, (of.get(t.day) ?? 0) + t.amount);
  }
  const ids = [...days.keys()].filter((id) => Math.min(...days.get(id)!.keys()) <= calibrationEndDay);
  const n = ids.length;
  const out = {
    ids,
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    m: new Float64Array(n),
    firstDay: new Int32Array(n),
    lastDay: new Int32Array(n),
    ...(holdoutEndDay === undefined ? {} : { xHoldout: new Float64Array(n) }),
  };
  ids.forEach((id, i) => {
    const sorted = [...days.get(id)!.entries()].sort((a, b) => a[0] - b[0]);
    const calibration = sorted.filter(([d]) => d <= calibrationEndDay);
    const first = calibration[0]![0];
    const last = calibration.at(-1)![0];
    const repeats = calibration.slice(1).filter(([, amount]) => amount > 0);
    out.x[i] = calibration.length - 1;
    out.tx[i] = (last - first) / 7;
    out.T[i] = (calibrationEndDay - first) / 7;
    out.m[i] = repeats.length ? repeats.reduce((s, [, a]) => s + a, 0) / repeats.length : 0;
    out.firstDay[i] = first;
    out.lastDay[i] = last;
    if (out.xHoldout) out.xHoldout[i] = sorted.length - calibration.length;
  });
  return out;
}

export function collapse(s: RepeatSummary): RepeatSummary & { index: Uint32Array } {
  const groups = new Map<string, number>();
  const index = new Uint32Array(s.x.length);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    const key = `${s.x[i]},${s.tx[i]},${s.T[i]}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = x.length;
      groups.set(key, g);
      x.push(s.x[i]!);
      tx.push(s.tx[i]!);
      T.push(s.T[i]!);
      weight.push(0);
    }
    weight[g]! += weightOf(s, i);
    index[i] = g;
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    index,
  };
}
