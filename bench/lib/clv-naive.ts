/**
 * The reference for bench/clv.ts: a straightforward fit as one would first write it, every
 * customer on its own (no grouping of identical customers, log-gammas per customer) and the
 * gradient by central differences, minimised by the same BFGS as Rapport's fits.
 */

import { paretoTerms } from '../../packages/models/src/clv/pareto.terms.ts';
import type { RepeatSummary, SpendSummary } from '../../packages/models/src/index.ts';
import { minimize } from '../../packages/models/src/optimize/bfgs.ts';
import { lgamma } from '../../packages/models/src/stats.ts';

type PerCustomer = (p: number[], i: number) => number;

function fitNaive(n: number, start: number[], ll: PerCustomer): number[] {
  const value = (theta: ArrayLike<number>) => {
    const p = Array.from(theta, Math.exp);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += ll(p, i);
    return Number.isFinite(sum) ? -sum / n : Number.POSITIVE_INFINITY;
  };
  const result = minimize(
    (theta, g) => {
      for (let k = 0; k < theta.length; k++) {
        const up = Float64Array.from(theta);
        const down = Float64Array.from(theta);
        up[k]! += 1e-6;
        down[k]! -= 1e-6;
        g[k] = (value(up) - value(down)) / 2e-6;
      }
      return value(theta);
    },
    start.map(Math.log),
    { gradientTolerance: 1e-7, looseTolerance: 1e-4 },
  );
  return Array.from(result.x, Math.exp);
}

export function naiveBgNbd(s: RepeatSummary): number[] {
  return fitNaive(s.x.length, [1, 10, 1, 1], ([r, alpha, a, b], i) => {
    const [x, tx, T] = [s.x[i]!, s.tx[i]!, s.T[i]!];
    const head =
      lgamma(r! + x) -
      lgamma(r!) +
      r! * Math.log(alpha!) +
      lgamma(a! + b!) +
      lgamma(b! + x) -
      lgamma(b!) -
      lgamma(a! + b! + x);
    const a3 = -(r! + x) * Math.log(alpha! + T);
    if (x === 0) return head + a3;
    const a4 = Math.log(a!) - Math.log(b! + x - 1) - (r! + x) * Math.log(alpha! + tx);
    const top = Math.max(a3, a4);
    return head + top + Math.log(Math.exp(a3 - top) + Math.exp(a4 - top));
  });
}

export function naiveParetoNbd(s: RepeatSummary): number[] {
  return fitNaive(s.x.length, [1, 10, 1, 10], ([r, alpha, sh, beta], i) => {
    const x = s.x[i]!;
    const head = lgamma(r! + x) - lgamma(r!) + r! * Math.log(alpha!) + sh! * Math.log(beta!);
    return head + paretoTerms({ r: r!, alpha: alpha!, s: sh!, beta: beta! }, x, s.tx[i]!, s.T[i]!).logBracket;
  });
}

export function naiveGammaGamma(s: SpendSummary): number[] {
  return fitNaive(s.x.length, [1, 2, 30], ([p, q, gamma], i) => {
    const [x, m] = [s.x[i]!, s.m[i]!];
    return (
      lgamma(p! * x + q!) -
      lgamma(p! * x) -
      lgamma(q!) +
      q! * Math.log(gamma!) +
      (p! * x - 1) * Math.log(m) +
      p! * x * Math.log(x) -
      (p! * x + q!) * Math.log(gamma! + m * x)
    );
  });
}
