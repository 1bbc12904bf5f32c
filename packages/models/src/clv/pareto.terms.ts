/**
 * The customer-level core of the Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader & Hardie
 * 2005, note 009): the likelihood of (x, tx, T) is
 *   Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s ∫_tx^T (α+y)^−(r+x) (β+y)^−(s+1) dy ].
 * The integral is I(tx) − I(T) with I(y) = ∫_y^∞ … = piece(y) / (r+s+x), where piece(y) is Fader &
 * Hardie's 2F1(r+s+x, ·; r+s+x+1; z)/(max(α,β)+y)^(r+s+x), taken through an Euler transformation
 * to G = 2F1(1, b'; r+s+x+1; z), whose terms are positive and shrink from the first:
 *   α ≥ β: z = (α−β)/(α+y), piece = (β+y)^−s (α+y)^−(r+x) G(b' = r+x)
 *   α < β: z = (β−α)/(β+y), piece = (α+y)^(1−r−x) (β+y)^−(s+1) G(b' = s+1)
 * (the same function on both sides of α = β, where z = 0). Everything is in logs, and the
 * gradient is exact: G is differentiated term by term (hyp2f1One).
 */
import { hyp2f1One } from './special.ts';
import type { ParetoNbdParams } from './types.ts';

/** ln piece(y) and its gradient with respect to (r, α, s, β), written into `d`. */
export function logPiece(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  y: number,
  d: Float64Array,
): number {
  const la = Math.log(alpha + y);
  const lb = Math.log(beta + y);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + y);
    const G = hyp2f1One(r + x, c, z);
    d[0] = -la + (G.db + G.dc) / G.value;
    d[1] = -(r + x) / (alpha + y) + ((G.dz / G.value) * (beta + y)) / ((alpha + y) * (alpha + y));
    d[2] = -lb + G.dc / G.value;
    d[3] = -s / (beta + y) - G.dz / G.value / (alpha + y);
    return -s * lb - (r + x) * la + Math.log(G.value);
  }
  const z = (beta - alpha) / (beta + y);
  const G = hyp2f1One(s + 1, c, z);
  d[0] = -la + G.dc / G.value;
  d[1] = (1 - r - x) / (alpha + y) - G.dz / G.value / (beta + y);
  d[2] = -lb + (G.db + G.dc) / G.value;
  d[3] = -(s + 1) / (beta + y) + ((G.dz / G.value) * (alpha + y)) / ((beta + y) * (beta + y));
  return (1 - r - x) * la - (s + 1) * lb + Math.log(G.value);
}

export interface ParetoTerms {
  /** ln of the bracket [ … ] above. */
  logBracket: number;
  /** ln of its first term, (α+T)^−(r+x) (β+T)^−s: P(alive) = exp(logAlive − logBracket). */
  logAlive: number;
}

const d1 = new Float64Array(4);
const d2 = new Float64Array(4);

/** The bracket of the likelihood for one customer (for predictions). */
export function paretoTerms(params: ParetoNbdParams, x: number, tx: number, T: number): ParetoTerms {
  const { r, alpha, s, beta } = params;
  const p1 = logPiece(r, alpha, s, beta, x, tx, d1);
  const p2 = tx === T ? p1 : logPiece(r, alpha, s, beta, x, T, d2);
  return combine(r, alpha, s, beta, x, tx, T, p1, d1, p2, d2, 0, 0);
}

/**
 * The bracket from the two pieces ln piece(tx) = p1 and ln piece(T) = p2 and their gradients
 * (four numbers each, from offsets at1 in d1 and at2 in d2).
 */
export function combine(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  p1: number,
  d1: Float64Array,
  p2: number,
  d2: Float64Array,
  at1: number,
  at2: number,
  grad?: Float64Array,
): ParetoTerms {
  const laT = Math.log(alpha + T);
  const lbT = Math.log(beta + T);
  const e1 = -(r + x) * laT - s * lbT;
  const a = r + s + x;
  const M = Math.max(e1, p1);
  const w0 = Math.exp(e1 - M);
  const w1 = tx === T ? 0 : Math.exp(p1 - M);
  const w2 = tx === T ? 0 : Math.exp(p2 - M);
  const k = s / a;
  const inner = w0 + k * (w1 - w2);
  if (grad) {
    const diff = w1 - w2;
    grad[0] = (w0 * -laT - (s / (a * a)) * diff + k * (w1 * d1[at1]! - w2 * d2[at2]!)) / inner;
    grad[1] = (w0 * (-(r + x) / (alpha + T)) + k * (w1 * d1[at1 + 1]! - w2 * d2[at2 + 1]!)) / inner;
    grad[2] = (w0 * -lbT + ((r + x) / (a * a)) * diff + k * (w1 * d1[at1 + 2]! - w2 * d2[at2 + 2]!)) / inner;
    grad[3] = (w0 * (-s / (beta + T)) + k * (w1 * d1[at1 + 3]! - w2 * d2[at2 + 3]!)) / inner;
  }
  return { logBracket: M + Math.log(inner), logAlive: e1 };
}
