// The CDNOW sample (../shared/data/cdnow, see its README.md and published_anchors.json): the
// published fits, every customer's reference predictions, and the point checks.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bgNbdExpected,
  bgNbdPAlive,
  bgNbdUnconditional,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  paretoNbdExpected,
  paretoNbdPAlive,
  paretoNbdUnconditional,
  type Summary,
  spendSummary,
  summarize,
  tracking,
} from './index.ts';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  cdnowSample,
  sharedText,
  simpleCsv,
  skipWithout,
} from './testing.ts';

const skip = skipWithout('cdnow', 'cdnow.test.ts');
// biome-ignore lint/suspicious/noExplicitAny: the anchors file is plain JSON read for its numbers
let anchors: any;
let summary: Summary;
const BTYD_BG = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const TEST_PNBD = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
const HARDIE_GG = { p: 6.25, q: 3.74, gamma: 15.44 };

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.skipIf(skip)('CDNOW sample', () => {
  beforeAll(() => {
    anchors = JSON.parse(sharedText('cdnow/published_anchors.json'));
    summary = summarize(cdnowSample(), CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END);
  });

  it('summarize reproduces the dataset counts', () => {
    const { dataset } = anchors;
    expect(summary.ids.length).toBe(dataset.customers_sample);
    expect(summary.x.filter((x) => x === 0).length).toBe(dataset.sample_zero_repeat_customers);
    expect(summary.x.reduce((a, b) => a + b, 0)).toBe(dataset.sample_repeat_cal);
    expect(summary.xHoldout!.reduce((a, b) => a + b, 0)).toBe(dataset.sample_repeat_holdout);
    // And every customer's x, t_x, T, m as in the published summary (2-decimal rounding).
    const rows = simpleCsv('cdnow/cdnow_customers_summary_with_transactions.csv');
    for (const row of rows) {
      const i = summary.ids.indexOf(row.ID!.padStart(4, '0'));
      expect(summary.x[i]).toBe(Number(row.x));
      expect(Math.abs(summary.tx[i]! - Number(row.t_x))).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(summary.T[i]! - Number(row.T))).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(summary.m[i]! - Number(row.zbar))).toBeLessThanOrEqual(0.0051);
    }
  });

  it('BG/NBD fits to the published parameters and log-likelihood', () => {
    const fit = fitBgNbd(summary);
    const btyd = anchors.bgnbd_sample.btyd_full_precision;
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
    expect(fit.customers).toBe(2357);
    expect(fit.logLikelihood).toBeCloseTo(btyd.LL, 2); // -9582.43
    // The likelihood is flat along b: BTYD, CLVTools and scipy agree to about 1e-4 relative.
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relative(fit.params[name], btyd[name])).toBeLessThan(2e-4);
      expect(relative(fit.params[name], anchors.bgnbd_sample.clvtools_fit[name])).toBeLessThan(2e-5);
    }
    expect(fit.params.r).toBeCloseTo(0.2426, 4);
    expect(fit.params.alpha).toBeCloseTo(4.4136, 3);
    expect(fit.params.a).toBeCloseTo(0.7929, 4);
  });

  it('Pareto/NBD fits to the published parameters and log-likelihood', () => {
    const fit = fitParetoNbd(summary);
    const published = anchors.pareto_nbd_sample.published;
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(anchors.pareto_nbd_sample.clvtools_fit.LL, 2); // -9594.976
    expect(fit.params.r).toBeCloseTo(published.r, 3);
    expect(fit.params.alpha).toBeCloseTo(published.alpha, 2);
    expect(fit.params.s).toBeCloseTo(published.s, 3);
    expect(fit.params.beta).toBeCloseTo(published.beta, 1);
  });

  it('Gamma-Gamma fits to the published parameters and log-likelihood', () => {
    const fit = fitGammaGamma(spendSummary(summary));
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
    expect(fit.logLikelihood).toBeCloseTo(anchors.gamma_gamma_sample.clvtools_LL.LL, 3);
  });

  it('matches the reference predictions for every customer', () => {
    const rows = simpleCsv('cdnow/cdnow_sample_reference_predictions.csv');
    expect(rows.length).toBe(2357);
    for (const row of rows) {
      const i = summary.ids.indexOf(row.sample_id!.padStart(4, '0'));
      const [x, tx, T] = [summary.x[i]!, summary.tx[i]!, summary.T[i]!];
      expect(x).toBe(Number(row.x));
      expect(relative(bgNbdPAlive(BTYD_BG, x, tx, T), Number(row.bgnbd_p_alive))).toBeLessThan(1e-4);
      expect(relative(bgNbdExpected(BTYD_BG, 39, x, tx, T), Number(row.bgnbd_cet_39wk))).toBeLessThan(1e-4);
      expect(relative(paretoNbdPAlive(TEST_PNBD, x, tx, T), Number(row.pnbd_p_alive))).toBeLessThan(1e-3);
      expect(relative(paretoNbdExpected(TEST_PNBD, 39, x, tx, T), Number(row.pnbd_cet_39wk))).toBeLessThan(
        1e-3,
      );
      const spend = gammaGammaExpectedSpend(HARDIE_GG, summary.xSpend[i]!, summary.m[i]!);
      expect(relative(spend, Number(row.gg_expected_avg_spend))).toBeLessThan(1e-4);
    }
  });

  it('holds the BG/NBD point checks', () => {
    const checks = anchors.bgnbd_sample.checks;
    expect(bgNbdUnconditional(BTYD_BG, 52)).toBeCloseTo(checks[0].value, 5);
    expect(relative(bgNbdExpected(BTYD_BG, 52, 26, 216 / 7, 31), checks[1].value)).toBeLessThan(1e-5);
    expect(relative(bgNbdPAlive(BTYD_BG, 26, 216 / 7, 31), checks[2].value)).toBeLessThan(1e-6);
    [10, 15, 20, 25].forEach((x, k) => {
      expect(relative(bgNbdExpected(BTYD_BG, 52, x, 20, 39), checks[3].value[k])).toBeLessThan(1e-5);
    });
    const rounded = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(Math.abs(bgNbdExpected(rounded, 39, 2, 30.43, 38.86) - checks[4].value)).toBeLessThan(
      checks[4].tol,
    );
    // lifetimes' spreadsheet values come from the full-precision fit.
    [0.1429, 1, 3, 31.8571, 32, 78].forEach((t, k) => {
      expect(Math.abs(bgNbdUnconditional(BTYD_BG, t) - checks[5].value[k])).toBeLessThan(checks[5].tol);
    });
    expect(bgNbdPAlive(BTYD_BG, 0, 0, 30)).toBe(1);
  });

  it('holds the Pareto/NBD point checks (BTYD printed its parameters to 3 decimals: 1e-3)', () => {
    const checks = anchors.pareto_nbd_sample.checks;
    expect(relative(paretoNbdUnconditional(TEST_PNBD, 52), checks[0].value)).toBeLessThan(1e-3);
    expect(relative(paretoNbdExpected(TEST_PNBD, 52, 26, 216 / 7, 31), checks[1].value)).toBeLessThan(1e-3);
    expect(relative(paretoNbdPAlive(TEST_PNBD, 26, 216 / 7, 31), checks[2].value)).toBeLessThan(1e-4);
    [10, 15, 20, 25].forEach((x, k) => {
      expect(relative(paretoNbdExpected(TEST_PNBD, 52, x, 20, 39), checks[3].value[k])).toBeLessThan(2e-3);
    });
  });

  it('holds the Gamma-Gamma point checks', () => {
    const check = anchors.gamma_gamma_sample.checks[0];
    const fitted = fitGammaGamma(spendSummary(summary)).params;
    for (let i = 0; i < 10; i++) {
      expect(
        Math.abs(gammaGammaExpectedSpend(fitted, summary.xSpend[i]!, summary.m[i]!) - check.value[i]),
      ).toBeLessThan(check.tol);
    }
  });

  it('tracks weekly and cumulative repeat purchases as BTYD does', () => {
    const track = tracking(cdnowSample(), CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, (t) =>
      bgNbdUnconditional(BTYD_BG, t),
    );
    expect(track.actual.length).toBe(78);
    const cum = anchors.bgnbd_sample.checks.find((c: { what: string }) => c.what.startsWith('cumulative'));
    const inc = anchors.bgnbd_sample.checks.find((c: { what: string }) => c.what.startsWith('incremental'));
    for (let k = 0; k < 6; k++) {
      const week = 19 + k; // weeks 20..25, 1-based
      expect(track.cumulativeActual[week]).toBe(cum.actual[k]);
      expect(track.actual[week]).toBe(inc.actual[k]);
      expect(relative(track.cumulativeExpected[week]!, cum.expected[k])).toBeLessThan(1e-5);
      expect(relative(track.expected[week]!, inc.expected[k])).toBeLessThan(1e-4);
    }
    expect(track.cumulativeActual.at(-1)).toBe(2457 + 1882);
  });
});
