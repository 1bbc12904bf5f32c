import { describe, expect, it } from 'vitest';
import { random } from '../random.ts';
import { bgNbdLogLikelihood, gammaGammaLogLikelihood, paretoNbdLogLikelihood } from './index.ts';

/** Random customers: x, tx ≤ T, a mean spend m. */
function customers(n: number, seed: number) {
  const next = random(seed);
  const x = Float64Array.from({ length: n }, () => (next() < 0.4 ? 0 : Math.floor(next() * 30) + 1));
  const T = Float64Array.from({ length: n }, () => 10 + next() * 40);
  const tx = Float64Array.from({ length: n }, (_, i) => (x[i] === 0 ? 0 : next() * T[i]!));
  const m = Float64Array.from({ length: n }, () => 5 + next() * 100);
  return { x, tx, T, m };
}

function expectGradient(ll: (p: Float64Array, g: Float64Array) => number, p: Float64Array): void {
  const g = new Float64Array(p.length);
  ll(p, g);
  for (let k = 0; k < p.length; k++) {
    const h = 1e-6 * p[k]!;
    const up = Float64Array.from(p);
    const down = Float64Array.from(p);
    up[k]! += h;
    down[k]! -= h;
    const scratch = new Float64Array(p.length);
    const numeric = (ll(up, scratch) - ll(down, scratch)) / (2 * h);
    expect(Math.abs(g[k]! - numeric), `parameter ${k}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
  }
}

describe('analytic gradients agree with central differences', () => {
  const data = customers(300, 11);
  it('BG/NBD', () => {
    for (const p of [
      [0.25, 4.4, 0.8, 2.4],
      [2, 0.5, 3, 0.7],
      [0.05, 40, 0.2, 30],
    ])
      expectGradient(bgNbdLogLikelihood(data), Float64Array.from(p));
  });
  it('Pareto/NBD, on both sides of α = β', () => {
    for (const p of [
      [0.55, 10.6, 0.6, 11.7],
      [0.55, 11.7, 0.6, 10.6],
      [2, 1, 0.3, 40],
      [0.3, 50, 2, 0.5],
    ])
      expectGradient(paretoNbdLogLikelihood(data), Float64Array.from(p));
  });
  it('Gamma-Gamma', () => {
    const spend = { x: data.x.map((v) => v + 1), m: data.m };
    for (const p of [
      [6.25, 3.74, 15.44],
      [1, 1.2, 0.5],
      [20, 8, 100],
    ])
      expectGradient(gammaGammaLogLikelihood(spend), Float64Array.from(p));
  });
});
