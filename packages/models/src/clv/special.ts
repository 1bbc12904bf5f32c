/**
 * Special functions the CLV models need: digamma, and the two Gauss hypergeometric series
 * 2F1 behind the Pareto/NBD likelihood and the BG/NBD conditional expectation. Both series are
 * written after an Euler transformation, 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c − a, c − b; c; z),
 * that turns the raw series (whose terms first grow like x^k for a customer with x purchases, so
 * that lifetimes and BTYD lose every digit in the hundreds) into one whose terms shrink from the
 * first, at least as fast as z^k.
 */
export { lgamma } from '../stats.ts';

/** ψ(x) = d ln Γ(x) / dx for x > 0 (recurrence up to 6, then the asymptotic series). */
export function digamma(x: number): number {
  let result = 0;
  let v = x;
  while (v < 6) {
    result -= 1 / v;
    v += 1;
  }
  const f = 1 / (v * v);
  return (
    result +
    Math.log(v) -
    0.5 / v -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - (f * 691) / 32760)))))
  );
}

/** ln(1 + e^v) without overflow. */
export function log1pExp(v: number): number {
  return v > 35 ? v : v < -35 ? Math.exp(v) : Math.log1p(Math.exp(v));
}

const MAX_TERMS = 200_000;
/** Terms of hyp2f1One before the rest is estimated (z within ~1e-4 of 1: degenerate fits only). */
const ONE_TERMS = 20_000;

export interface Series {
  /** G = 2F1(1, b; c; z). */
  value: number;
  /** ∂G/∂b, ∂G/∂c, ∂G/∂z. */
  db: number;
  dc: number;
  dz: number;
}

/**
 * G = 2F1(1, b; c; z) = Σ_k (b)_k / (c)_k z^k for 0 < b < c and 0 ≤ z < 1, with its exact partial
 * derivatives (the series differentiated term by term). Every term is positive and at most z
 * times the one before. The sum stops when the rest is below 1e-17 of it: the rest after a term
 * t is below t·z/(1 − z), and, when c − b > 1 (terms falling like k^−(c−b)), below t·k/(c−b−1).
 * Only where z is within about 1e-4 of 1 (β or α running off to infinity in a degenerate fit)
 * does it stop after 20,000 terms and add the rest as a geometric tail at the last ratio.
 */
export function hyp2f1One(b: number, c: number, z: number): Series {
  let term = 1;
  let value = 1;
  let sumB = 0; // Σ_{j<k} 1/(b+j)
  let sumC = 0;
  let db = 0;
  let dc = 0;
  let dz = 0;
  const geometric = z / (1 - z);
  const power = c - b - 1;
  for (let k = 0; k < ONE_TERMS; k++) {
    sumB += 1 / (b + k);
    sumC += 1 / (c + k);
    const ratio = ((b + k) * z) / (c + k);
    // ∂t_{k+1}/∂z = (k+1) t_{k+1} / z, written without dividing by z.
    dz += ((k + 1) * (term * (b + k))) / (c + k);
    term *= ratio;
    value += term;
    db += term * sumB;
    dc -= term * sumC;
    const rest = power > 0 ? Math.min(geometric, (k + 1) / power) : geometric;
    if (term * rest <= 1e-17 * value) break;
    if (k === ONE_TERMS - 1) value += (term * ratio) / (1 - ratio);
  }
  return { value, db, dc, dz };
}

/**
 * S = Σ_{k≥1} (A)_k (e + 1)_{k−1} / ((C)_k k!) z^k, the part of 2F1(A, e; C; z) = 1 + e·S that
 * stays finite as e → 0 (BG/NBD's a → 1). Converges for 0 ≤ z < 1.
 */
export function bgSeries(A: number, e: number, C: number, z: number): number {
  let term = (A * z) / C; // k = 1
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= ((A + k) * (e + k) * z) / ((C + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && k > Math.abs(A) + Math.abs(e)) break;
    if (term === 0) break;
  }
  return sum;
}

/**
 * ln 2F1(a, b; c; z) by its series summed in logs (0 ≤ z < 1, terms positive): stays finite where
 * the value itself overflows (a customer with a thousand purchases). For c > b the terms fall
 * geometrically once k passes a·z/(1 − z·b/c).
 */
export function log2F1(a: number, b: number, c: number, z: number): number {
  let logTerm = 0;
  let logSum = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    if (ratio === 0) break;
    logTerm += Math.log(ratio);
    logSum += Math.log1p(Math.exp(logTerm - logSum));
    if (ratio < 1 && logTerm < logSum - 40) break;
  }
  return logSum;
}

/** expm1(e·L)/e, which tends to L as e → 0. */
export function expm1Over(e: number, L: number): number {
  return Math.abs(e * L) < 1e-12 ? L * (1 + (e * L) / 2) : Math.expm1(e * L) / e;
}
