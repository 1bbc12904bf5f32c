// Parameters recovered from 1,000,000 simulated customers (whole days, as real order dates are).
import { describe, expect, it } from 'vitest';
import {
  collapse,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  simulateBgNbd,
  simulateParetoNbd,
  simulateSpend,
} from './index.ts';

const within = <P extends object>(fitted: P, truth: P, share: number) => {
  for (const [name, value] of Object.entries(truth) as [keyof P & string, number][]) {
    expect(
      Math.abs((fitted[name] as number) - value) / value,
      `${name}: ${String(fitted[name])} vs ${value}`,
    ).toBeLessThan(share);
  }
};

const OPTIONS = { customers: 1_000_000, days: true, cohortWeeks: 26, observeWeeks: 104 };

describe('parameter recovery from 1,000,000 simulated customers', () => {
  it('BG/NBD and Gamma-Gamma within 2 %', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const s = simulateBgNbd(truth, { ...OPTIONS, seed: 7 });
    // Whole days make identical customers: the fit runs on the groups.
    expect(collapse(s).x.length).toBeLessThan(600_000);
    const fit = fitBgNbd(s);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(1_000_000);
    within(fit.params, truth, 0.02);
    const spendTruth = { p: 6, q: 4, gamma: 15 };
    const x = s.x.filter((v) => v > 0);
    const gg = fitGammaGamma({ x, m: simulateSpend(spendTruth, x, 3) });
    expect(gg.converged).toBe(true);
    within(gg.params, spendTruth, 0.02);
  });

  it('Pareto/NBD within 2 %', () => {
    const truth = { r: 0.5, alpha: 10, s: 0.6, beta: 12 };
    const fit = fitParetoNbd(simulateParetoNbd(truth, { ...OPTIONS, seed: 9 }));
    expect(fit.converged).toBe(true);
    within(fit.params, truth, 0.02);
  });
});
