// Fits that degenerate are reported in words, not silently used: Online Retail
// (../shared/data/online_retail, see its README.md: wholesale-heavy buyers), synthetic heavy-tailed
// spend, too little data.
import { describe, expect, it } from 'vitest';
import {
  ClvDataError,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  simulateSpend,
  spendSummary,
  summarize,
} from './index.ts';
import { dayOf, onlineRetail, skipWithout } from './testing.ts';

const skip = skipWithout('online_retail', 'degenerate.test.ts');

describe.skipIf(skip)('Online Retail (UCI)', () => {
  it('warns that BG/NBD and Pareto/NBD find no dropout, and fits a usable Gamma-Gamma', () => {
    const summary = summarize(onlineRetail(), dayOf('2011-09-30'));
    expect(summary.ids.length).toBe(3613);
    const bg = fitBgNbd(summary);
    expect(bg.warnings.map((w) => w.code)).toContain('b_unbounded');
    expect(bg.warnings.find((w) => w.code === 'b_unbounded')!.message).toMatch(/almost never leave/);
    expect(bg.params.a / (bg.params.a + bg.params.b)).toBeLessThan(1e-3);
    const pn = fitParetoNbd(summary);
    expect(pn.warnings.map((w) => w.code)).toContain('no_dropout');
    // With the README's cleaning and same-day purchases merged, spend is heavy-tailed but q > 1.
    const gg = fitGammaGamma(spendSummary(summary));
    expect(gg.params.q).toBeGreaterThan(1.5);
    expect(gg.warnings).toEqual([]);
    // Pareto/NBD's series converge slowly as β runs off (about 20 s alone, more beside other suites).
  }, 180_000);
});

describe('degenerate or thin data', () => {
  it('warns when q ≤ 1: the mean spend does not exist', () => {
    const x = Float64Array.from({ length: 20_000 }, (_, i) => 1 + (i % 7));
    const m = simulateSpend({ p: 2, q: 0.8, gamma: 10 }, x, 5);
    const fit = fitGammaGamma({ x, m });
    expect(fit.params.q).toBeLessThanOrEqual(1);
    const warning = fit.warnings.find((w) => w.code === 'q_at_most_one');
    expect(warning?.message).toMatch(/average spend per purchase does not exist/);
  });

  it('warns about too little data, and refuses data without any repeat purchase', () => {
    const few = {
      x: Float64Array.of(0, 0, 0, 1, 2, 0, 3),
      tx: Float64Array.of(0, 0, 0, 5, 20, 0, 30),
      T: Float64Array.of(30, 31, 32, 33, 34, 35, 36),
    };
    expect(fitBgNbd(few).warnings.map((w) => w.code)).toContain('too_little_data');
    expect(fitParetoNbd(few).warnings.map((w) => w.code)).toContain('too_little_data');
    const none = { x: new Float64Array(3), tx: new Float64Array(3), T: Float64Array.of(1, 2, 3) };
    expect(() => fitBgNbd(none)).toThrow(ClvDataError);
    expect(() => fitParetoNbd(none)).toThrow(/nothing to learn/);
    expect(() => fitGammaGamma({ x: new Float64Array(0), m: new Float64Array(0) })).toThrow(ClvDataError);
  });

  it('refuses summaries that cannot be right', () => {
    const bad = { x: Float64Array.of(2), tx: Float64Array.of(40), T: Float64Array.of(30) };
    expect(() => fitBgNbd(bad)).toThrow(/Customer 0: .* not a valid summary/);
    expect(() => fitGammaGamma({ x: Float64Array.of(1), m: Float64Array.of(-3) })).toThrow(ClvDataError);
  });
});
