/**
 * Simulated customers with known parameters (seeded, reproducible): for parameter-recovery tests
 * and benchmarks. Customers join uniformly over `cohortWeeks` and are observed until
 * `observeWeeks` after the cohort starts; with `days`, every time is rounded down to a whole day
 * (as real order dates are), so identical customers can be collapsed.
 */
import { random } from '../random.ts';
import type { BgNbdParams, GammaGammaParams, ParetoNbdParams } from './types.ts';

export interface SimulateOptions {
  customers: number;
  seed: number;
  cohortWeeks?: number;
  observeWeeks?: number;
  days?: boolean;
}

export interface Simulated {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Gamma(shape, rate) variates (Marsaglia & Tsang 2000, with the shape < 1 boost). */
export function gammaSampler(next: () => number): (shape: number, rate: number) => number {
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = 1 - next();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * (1 - next()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}

function simulate(
  options: SimulateOptions,
  customer: (T: number, next: () => number, gamma: ReturnType<typeof gammaSampler>) => [number, number],
): Simulated {
  const { customers, cohortWeeks = 12, observeWeeks = 78, days = false } = options;
  const next = random(options.seed);
  const gamma = gammaSampler(next);
  const out = {
    x: new Float64Array(customers),
    tx: new Float64Array(customers),
    T: new Float64Array(customers),
  };
  const round = (weeks: number) => (days ? Math.floor(weeks * 7) / 7 : weeks);
  for (let i = 0; i < customers; i++) {
    const join = next() * cohortWeeks;
    const T = observeWeeks - join;
    const [x, last] = customer(T, next, gamma);
    // With whole days, times are differences of rounded dates; purchases on one day are one.
    out.T[i] = days ? round(observeWeeks) - round(join) : T;
    out.x[i] = x;
    out.tx[i] = x === 0 ? 0 : days ? round(join + last) - round(join) : last;
  }
  return out;
}

/** BG/NBD customers: Poisson purchases at λ ~ Gamma(r, α); after each repeat, gone with p ~ Beta(a, b). */
export function simulateBgNbd(params: BgNbdParams, options: SimulateOptions): Simulated {
  return simulate(options, (T, next, gamma) => {
    const lambda = gamma(params.r, params.alpha);
    const ga = gamma(params.a, 1);
    const p = ga / (ga + gamma(params.b, 1));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - next()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      if (next() < p) break;
    }
    return [x, last];
  });
}

/** Pareto/NBD customers: Poisson purchases at λ ~ Gamma(r, α) over an exponential lifetime of rate μ ~ Gamma(s, β). */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulateOptions): Simulated {
  return simulate(options, (T, next, gamma) => {
    const lambda = gamma(params.r, params.alpha);
    const mu = gamma(params.s, params.beta);
    const end = Math.min(T, -Math.log(1 - next()) / mu);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - next()) / lambda;
      if (t > end) break;
      x++;
      last = t;
    }
    return [x, last];
  });
}

/** Mean spend of x purchases per customer under Gamma-Gamma: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν). */
export function simulateSpend(params: GammaGammaParams, x: Float64Array, seed: number): Float64Array {
  const gamma = gammaSampler(random(seed));
  return x.map((count) => {
    if (count === 0) return 0;
    const nu = gamma(params.q, params.gamma);
    // The sum of x Gamma(p, ν) values is Gamma(p·x, ν).
    return gamma(params.p * count, nu) / count;
  });
}
