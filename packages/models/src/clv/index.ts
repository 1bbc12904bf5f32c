// Customer value (issue 6): BG/NBD, Pareto/NBD and Gamma-Gamma fitted by maximum likelihood with
// analytic gradients, their per-customer predictions, discounted CLV, RFM, and the summaries
// from transactions. The contract with core's `value` domain: notes/clv-contract.md.
export { bgNbdLogLikelihood, fitBgNbd } from './bgnbd.ts';
export { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from './gammagamma.ts';
export { fitParetoNbd, paretoNbdLogLikelihood } from './pareto.ts';
export {
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdPAlive,
  bgNbdUnconditional,
  paretoNbdExpected,
  paretoNbdExpectedIfAlive,
  paretoNbdPAlive,
  paretoNbdUnconditional,
} from './predict.ts';
export {
  type Simulated,
  type SimulateOptions,
  simulateBgNbd,
  simulateParetoNbd,
  simulateSpend,
} from './simulate.ts';
export { spendSummary } from './spend.ts';
export { collapse, type Summary, summarize, type Transaction } from './summarize.ts';
export { type Tracking, tracking } from './tracking.ts';
export {
  type BgNbdParams,
  ClvDataError,
  type Fit,
  type FitOptions,
  type FitWarning,
  type GammaGammaParams,
  type ParetoNbdParams,
  type RepeatSummary,
  type SpendSummary,
} from './types.ts';
export {
  type ClvOptions,
  discountedClv,
  discountedClvIfAlive,
  type PurchaseModel,
  rfmScores,
} from './value.ts';
