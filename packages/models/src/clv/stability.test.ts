import { describe, expect, it } from 'vitest';
import {
  bgNbdExpected,
  bgNbdLogLikelihood,
  bgNbdPAlive,
  fitGammaGamma,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
} from './index.ts';
import { log2F1 } from './special.ts';

const one = (x: number, tx: number, T: number) => ({
  x: Float64Array.of(x),
  tx: Float64Array.of(tx),
  T: Float64Array.of(T),
});

describe('numerical stability for customers with hundreds of purchases', () => {
  it('gives the BG/NBD log-likelihood of Hardie note 027 (pymc-marketing test) at x = 0 and x = 200', () => {
    const p = Float64Array.of(0.25, 4, 0.8, 2.5);
    const g = new Float64Array(4);
    expect(bgNbdLogLikelihood(one(0, 0, 40))(p, g)).toBeCloseTo(-0.59947382, 7);
    expect(bgNbdLogLikelihood(one(200, 38, 40))(p, g)).toBeCloseTo(100.7957, 3);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it('keeps BG/NBD and Pareto/NBD predictions finite and sensible for x up to 1,000', () => {
    const bg = { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262 };
    const pn = { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6687 };
    let previous = 0;
    for (const x of [100, 200, 300, 500, 1000]) {
      // A steady buyer: x purchases in 52 weeks, the last one just now.
      const bgCet = bgNbdExpected(bg, 52, x, 51.9, 52);
      const pnCet = paretoNbdExpected(pn, 52, x, 51.9, 52);
      expect(bgNbdPAlive(bg, x, 51.9, 52)).toBeGreaterThan(0.5);
      expect(paretoNbdPAlive(pn, x, 51.9, 52)).toBeGreaterThan(0.9);
      // Close to the customer's own rate (x per 52 weeks), shrunk a little by dropout.
      expect(bgCet).toBeGreaterThan(0.4 * x);
      expect(bgCet).toBeLessThan(1.05 * x);
      expect(pnCet).toBeGreaterThan(0.5 * x);
      expect(pnCet).toBeLessThan(1.05 * x);
      expect(bgCet).toBeGreaterThan(previous);
      previous = bgCet;
      // The same buyer gone quiet for half a year is almost surely gone, without NaN or Infinity.
      expect(bgNbdPAlive(bg, x, 26, 52)).toBeLessThan(1e-10);
      expect(paretoNbdPAlive(pn, x, 26, 52)).toBeLessThan(1e-10);
      expect(Number.isFinite(bgNbdExpected(bg, 52, x, 26, 52))).toBe(true);
      expect(Number.isFinite(paretoNbdExpected(pn, 52, x, 26, 52))).toBe(true);
    }
  });

  it('has a Pareto/NBD likelihood and gradient that stay finite and agree with differences at x = 500', () => {
    const ll = paretoNbdLogLikelihood(one(500, 50, 52));
    for (const p of [Float64Array.of(0.55, 10.6, 0.61, 11.7), Float64Array.of(0.55, 30, 0.61, 2)]) {
      const g = new Float64Array(4);
      const value = ll(p, g);
      expect(Number.isFinite(value)).toBe(true);
      for (let k = 0; k < 4; k++) {
        const h = 1e-6 * p[k]!;
        const up = Float64Array.from(p);
        const down = Float64Array.from(p);
        up[k]! += h;
        down[k]! -= h;
        const numeric = (ll(up, new Float64Array(4)) - ll(down, new Float64Array(4))) / (2 * h);
        expect(Math.abs(g[k]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('handles a = 1 in the BG/NBD expectation (the 0/0 of the closed form) continuously', () => {
    const p = { r: 0.25, alpha: 4, a: 1, b: 2.5 };
    const at = bgNbdExpected(p, 39, 3, 20, 39);
    expect(at).toBeCloseTo(bgNbdExpected({ ...p, a: 1 + 1e-7 }, 39, 3, 20, 39), 6);
    expect(at).toBeCloseTo(bgNbdExpected({ ...p, a: 1 - 1e-7 }, 39, 3, 20, 39), 6);
  });
});

describe('BG/NBD predictions when a and b run off together', () => {
  it('stay finite, match the Euler form where both apply, and tend to the limit as a, b grow', () => {
    const base = { r: 1.265, alpha: 7.78 };
    // a = 40: e·z under and over the switch for t = 4 and t = 52 weeks; both forms agree.
    const p = { ...base, a: 40, b: 88 };
    for (const [x, tx, T] of [
      [0, 0, 30],
      [3, 12.9, 42.1],
      [250, 40, 41],
    ] as const) {
      const z = (t: number) => t / (p.alpha + T + t);
      expect(39 * z(4)).toBeLessThan(30);
      const viaEuler = bgNbdExpected(p, 4, x, tx, T);
      const viaTextbook = bgNbdExpectedTextbook(p, 4, x, tx, T);
      expect(Math.abs(viaEuler - viaTextbook) / viaTextbook).toBeLessThan(1e-9);
    }
    const huge = { ...base, a: 3_442_494.8, b: 7_550_513.55 };
    const larger = { ...base, a: 3_442_494.8e3, b: 7_550_513.55e3 };
    for (const t of [1, 13, 52, 520]) {
      const e = bgNbdExpected(huge, t, 3, 12.86, 42.14);
      expect(Number.isFinite(e) && e > 0).toBe(true);
      expect(Math.abs(e - bgNbdExpected(larger, t, 3, 12.86, 42.14)) / e).toBeLessThan(1e-5);
    }
    expect(bgNbdExpected(huge, 52, 3, 12.86, 42.14)).toBeGreaterThan(
      bgNbdExpected(huge, 13, 3, 12.86, 42.14),
    );
  });
});

/** The textbook form of FHL (2005) eq. 10 with ln 2F1 summed directly: the reference above. */
function bgNbdExpectedTextbook(
  p: { r: number; alpha: number; a: number; b: number },
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const z = t / (p.alpha + T + t);
  const bracket = -Math.expm1((p.r + x) * Math.log1p(-z) + log2F1(p.r + x, p.b + x, p.a + p.b + x - 1, z));
  return ((p.a + p.b + x - 1) / (p.a - 1)) * bracket * bgNbdPAlive(p, x, tx, T);
}

describe('Gamma-Gamma in any money unit', () => {
  it('fits amounts in cents of a wholesale business as it fits them in thousands', () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => 1 + (i % 7));
    const m = Float64Array.from({ length: 40 }, (_, i) => 20 + ((i * 37) % 55));
    const small = fitGammaGamma({ x, m });
    const big = fitGammaGamma({ x, m: m.map((v) => v * 1e6) });
    expect(Math.abs(big.params.p - small.params.p) / small.params.p).toBeLessThan(1e-4);
    expect(Math.abs(big.params.q - small.params.q) / small.params.q).toBeLessThan(1e-4);
    expect(Math.abs(big.params.gamma / 1e6 - small.params.gamma) / small.params.gamma).toBeLessThan(1e-4);
    // the density of m in smaller units: lower by ln(1e6) per customer
    expect(big.logLikelihood).toBeCloseTo(small.logLikelihood - 40 * Math.log(1e6), 4);
  });
});
