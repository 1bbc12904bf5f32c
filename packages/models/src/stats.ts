/**
 * Small exact statistics used by the models: log-gamma, the regularised incomplete beta function
 * (continued fraction, as in Numerical Recipes' betacf), and the Clopper–Pearson interval of a
 * binomial proportion by bisection on it.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function betacf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function betaInc(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betacf(a, b, x)) / a : 1 - (front * betacf(b, a, 1 - x)) / b;
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaInc(1 - p, n - k, k + 1);
}

function bisect(f: (p: number) => number, target: number, increasing: boolean): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (f(mid) < target === increasing) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The exact (Clopper–Pearson) interval of a proportion of k successes in n, at 1 − alpha. */
export function clopperPearson(k: number, n: number, alpha = 0.05): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const low = k === 0 ? 0 : bisect((p) => 1 - binomialCdf(k - 1, n, p), alpha / 2, true);
  const high = k === n ? 1 : bisect((p) => binomialCdf(k, n, p), alpha / 2, false);
  return { low, high };
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (through the incomplete beta function). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * betaInc(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, by bisection (p in (0, 1)). */
export function studentTQuantile(p: number, df: number): number {
  let low = -1e3;
  let high = 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The 1 − alpha interval of a mean from n, the mean and the sample standard deviation (Student t). */
export function meanInterval(
  n: number,
  mean: number,
  sd: number,
  alpha = 0.05,
): { low: number; high: number } | null {
  if (n < 2 || !Number.isFinite(sd)) return null;
  const half = (studentTQuantile(1 - alpha / 2, n - 1) * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

/**
 * The 95% interval of a net score (NPS: % promoters − % detractors, −100…100) from n answers: the
 * difference of two shares of one multinomial sample has variance (p + d − (p − d)²) / n; a
 * normal interval on it, clamped to the scale. Coarse below 30 answers or at the ends.
 */
export function netScoreInterval(
  promoters: number,
  detractors: number,
  n: number,
  z = 1.959964,
): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  const half = z * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return { low: Math.max(-100, 100 * (p - d - half)), high: Math.min(100, 100 * (p - d + half)) };
}
