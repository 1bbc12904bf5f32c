import { describe, expect, it } from 'vitest';
import {
  betaInc,
  binomialCdf,
  clopperPearson,
  lgamma,
  meanInterval,
  netScoreInterval,
  studentTCdf,
  studentTQuantile,
} from './stats.ts';

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

  it('Student t quantiles and the interval of a mean', () => {
    // R: qt(0.975, c(1, 9, 29, 1000)) → 12.7062047 2.2621572 2.0452296 1.9623391
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2621572, 6);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.0452296, 6);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623391, 6);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    const ci = meanInterval(10, 5, 2)!;
    expect(ci.low).toBeCloseTo(5 - (2.2621572 * 2) / Math.sqrt(10), 5);
    expect(meanInterval(1, 5, Number.NaN)).toBeNull();
  });

  it('the interval of a net promoter score', () => {
    // 50 promoters, 20 detractors of 100: NPS 30, variance (0.7 − 0.09) / 100.
    const ci = netScoreInterval(50, 20, 100)!;
    const half = 100 * 1.959964 * Math.sqrt(0.61 / 100);
    expect(ci.low).toBeCloseTo(30 - half, 9);
    expect(ci.high).toBeCloseTo(30 + half, 9);
    expect(netScoreInterval(3, 0, 3)!.high).toBe(100);
    expect(netScoreInterval(0, 0, 0)).toBeNull();
  });
});
