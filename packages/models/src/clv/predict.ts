/**
 * Per-customer predictions of BG/NBD and Pareto/NBD (time in weeks). Every formula is taken in
 * logs or through a transformed series so that customers with hundreds of purchases stay exact.
 */
import { paretoTerms } from './pareto.terms.ts';
import { bgSeries, expm1Over, log2F1 } from './special.ts';
import type { BgNbdParams, ParetoNbdParams } from './types.ts';

/** ln of a/(b+x−1) · ((α+T)/(α+tx))^(r+x): P(alive) = 1 / (1 + e^this) (x > 0). */
function bgDeadOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive | x, tx, T) under BG/NBD; exactly 1 for a customer without repeat purchases. */
export function bgNbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(bgDeadOdds(p, x, tx, T)));
}

/**
 * E[repeat purchases in (T, T+t] | x, tx, T] (Fader, Hardie & Lee 2005, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)] · P(alive), z = t/(α+T+t).
 * Euler's transformation turns the bracket into [1 − (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z)],
 * whose series shrinks from its first term, and the division by a−1 is done exactly (a = 1 too).
 */
export function bgNbdExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return bgNbdExpectedIfAlive(p, t, x, T) * bgNbdPAlive(p, x, tx, T);
}

/**
 * bgNbdExpected without its P(alive) factor: the purchases expected of a customer known to be
 * alive. It does not depend on tx, so customers sharing (x, T) share it (CLV over many customers).
 */
export function bgNbdExpectedIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const L = Math.log1p(-z); // ln((α+T)/(α+T+t))
  const e = a - 1;
  if (e * z > EULER_LIMIT) {
    // a and b running off together (a degenerate fit on retail data: every customer drops out
    // with the same chance a/(a+b)): the Euler series grows like e^(e·z) before it falls, while
    // the textbook one, taken in logs, converges geometrically since (b+x)/(a+b+x−1) < 1.
    const bracket = -Math.expm1((r + x) * L + log2F1(r + x, b + x, a + b + x - 1, z));
    return ((a + b + x - 1) / e) * bracket;
  }
  const S = bgSeries(a + b - 1 - r, e, a + b + x - 1, z);
  const bracket = -expm1Over(e, L) - Math.exp(e * L) * S;
  return (a + b + x - 1) * bracket;
}

/** Past this e·z the Euler-transformed series of bgNbdExpected is left for the textbook one. */
const EULER_LIMIT = 30;

/** E[X(t)]: expected repeat purchases in the first t weeks of a new customer. */
export function bgNbdUnconditional(p: BgNbdParams, t: number): number {
  return bgNbdExpected(p, t, 0, 0, 0);
}

/** P(alive | x, tx, T) under Pareto/NBD. */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const terms = paretoTerms(p, x, tx, T);
  return Math.min(1, Math.exp(terms.logAlive - terms.logBracket));
}

/** (β+T)/(s−1) · [1 − ((β+T)/(β+T+t))^(s−1)], continuous in s (its limit at s = 1 is (β+T)·ln((β+T+t)/(β+T))). */
function lifetimeFactor(s: number, beta: number, T: number, t: number): number {
  const L = Math.log((beta + T) / (beta + T + t));
  return -(beta + T) * expm1Over(s - 1, L);
}

/** E[repeat purchases in (T, T+t] | x, tx, T] under Pareto/NBD. */
export function paretoNbdExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return paretoNbdExpectedIfAlive(p, t, x, T) * paretoNbdPAlive(p, x, tx, T);
}

/** paretoNbdExpected without its P(alive) factor (independent of tx, like bgNbdExpectedIfAlive). */
export function paretoNbdExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return ((r + x) / (alpha + T)) * lifetimeFactor(s, beta, T, t);
}

/** E[X(t)] for a new customer under Pareto/NBD: r·β / (α·(s−1)) · [1 − (β/(β+t))^(s−1)]. */
export function paretoNbdUnconditional(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return (p.r / p.alpha) * lifetimeFactor(p.s, p.beta, 0, t);
}
