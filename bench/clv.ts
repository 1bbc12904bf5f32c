/**
 * Customer value (issue 6):  npm run bench -- clv
 * - CDNOW sample (2,357 customers, ../shared/data/cdnow): BG/NBD + Pareto/NBD + Gamma-Gamma fitted
 *   from the summary, target < 100 ms in total; median of 15 runs after 3 warm-ups.
 * - 1,000,000 simulated customers (whole days, 26-week cohort observed 104 weeks): BG/NBD +
 *   Gamma-Gamma, target < 3 s; median of 5 runs after a warm-up.
 * Reference in the same run: the naive fit of bench/lib/clv-naive.ts (per customer, numeric
 * gradients, same BFGS): median of 3 runs on CDNOW; on the million, one run on its first 100,000
 * customers, times 10.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { CDNOW_CALIBRATION_END, cdnowSample, SHARED } from '../packages/models/src/clv/testing.ts';
import {
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  simulateBgNbd,
  simulateSpend,
  spendSummary,
  summarize,
} from '../packages/models/src/index.ts';
import { naiveBgNbd, naiveGammaGamma, naiveParetoNbd } from './lib/clv-naive.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { fmt, median } from './lib/stats.ts';

function time(runs: number, warmups: number, work: () => unknown): number {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const rows: string[][] = [];
console.log(
  `machine: ${machineLine(describeMachine())}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

if (existsSync(join(SHARED, 'cdnow'))) {
  const summary = summarize(cdnowSample(), CDNOW_CALIBRATION_END);
  const spend = spendSummary(summary);
  const ours = time(15, 3, () => {
    fitBgNbd(summary);
    fitParetoNbd(summary);
    fitGammaGamma(spend);
  });
  const naive = time(3, 0, () => {
    naiveBgNbd(summary);
    naiveParetoNbd(summary);
    naiveGammaGamma(spend);
  });
  rows.push([
    'CDNOW sample, 3 models (2,357 customers)',
    fmt(ours, 1),
    fmt(naive, 0),
    fmt(naive / ours, 0),
    '< 100',
    ours < 100 ? 'PASS' : 'FAIL',
  ]);
} else {
  console.log(`(no CDNOW data at ${join(SHARED, 'cdnow')}: that row is skipped)`);
}

const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
const million = simulateBgNbd(truth, {
  customers: 1_000_000,
  seed: 7,
  days: true,
  cohortWeeks: 26,
  observeWeeks: 104,
});
const x = million.x.filter((v) => v > 0);
const m = simulateSpend({ p: 6, q: 4, gamma: 15 }, x, 3);
let fitted = fitBgNbd(million);
const ours = time(5, 1, () => {
  fitted = fitBgNbd(million);
  fitGammaGamma({ x, m });
});
// The naive fit takes minutes on the million: it runs on the first 100,000 customers (and their
// repeat customers for Gamma-Gamma) and its time is scaled by 10 (it is linear in customers).
const part = 100_000;
const subset = {
  x: million.x.subarray(0, part),
  tx: million.tx.subarray(0, part),
  T: million.T.subarray(0, part),
};
const spendPart = Math.round((x.length * part) / 1_000_000);
const started = performance.now();
const naiveParams = naiveBgNbd(subset);
naiveGammaGamma({ x: x.subarray(0, spendPart), m: m.subarray(0, spendPart) });
const naive = (performance.now() - started) * 10;
rows.push([
  'BG/NBD + Gamma-Gamma, 1,000,000 simulated customers',
  fmt(ours, 0),
  `${fmt(naive, 0)} (100,000 × 10)`,
  fmt(naive / ours, 0),
  '< 3,000',
  ours < 3000 ? 'PASS' : 'FAIL',
]);

console.log('| fit | Rapport, ms (median) | naive reference, ms | ratio | target, ms | verdict |');
console.log('|---|---:|---:|---:|---:|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `(1M: BG/NBD r ${fmt(fitted.params.r, 4)} alpha ${fmt(fitted.params.alpha, 4)} a ${fmt(fitted.params.a, 4)} b ${fmt(fitted.params.b, 4)} from truth 0.5 / 5 / 0.8 / 2.5; naive on 100,000 found ${naiveParams.map((v) => fmt(v, 4)).join(' / ')}; ${x.length.toLocaleString('en-US')} repeat customers for Gamma-Gamma)`,
);
