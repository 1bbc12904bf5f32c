import { describe, expect, it } from 'vitest';
import { betaInc, binomialCdf, clopperPearson, lgamma } from './stats.ts';

describe('stats', () => {
  it('log-gamma and the incomplete beta match known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 12);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lgamma(100)).toBeCloseTo(359.1342053695754, 9);
    expect(betaInc(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(betaInc(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 12);
  });

  it('the binomial CDF and the Clopper–Pearson interval', () => {
    expect(binomialCdf(2, 4, 0.5)).toBeCloseTo(11 / 16, 12);
    // R: binom.test(3, 10)$conf.int → 0.06673951 0.65245285
    const ci = clopperPearson(3, 10);
    expect(ci.low).toBeCloseTo(0.06673951, 7);
    expect(ci.high).toBeCloseTo(0.65245285, 7);
    // No success in 12: the upper bound is 1 − 0.025^(1/12) in closed form.
    expect(clopperPearson(0, 12).high).toBeCloseTo(1 - 0.025 ** (1 / 12), 9);
    expect(clopperPearson(12, 12).low).toBeCloseTo(0.025 ** (1 / 12), 9);
  });
});
