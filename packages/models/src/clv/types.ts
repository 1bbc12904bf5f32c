/**
 * The types shared by the customer-value models (issue 6; the contract with core's `value`
 * domain is notes/clv-contract.md). Time is in weeks. Every array holds one entry per customer,
 * or per group of identical customers when `weight` (how many) is given.
 */

/** A fit that should not be used as it is, in words a user understands. */
export interface FitWarning {
  code: 'b_unbounded' | 'q_at_most_one' | 'not_converged' | 'too_little_data' | 'boundary' | (string & {});
  message: string;
}

export interface Fit<P> {
  params: P;
  /** The maximised log-likelihood (natural log, summed over customers). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Customers behind the fit (the sum of the weights). */
  customers: number;
  warnings: FitWarning[];
}

/** x = repeat purchases, tx = time of the last repeat after the first purchase, T = time from the first purchase to the calibration end. */
export interface RepeatSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight?: Float64Array;
}

/** Only customers with x > 0; m = the mean value of their repeat purchases. */
export interface SpendSummary {
  x: Float64Array;
  m: Float64Array;
  weight?: Float64Array;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface FitOptions<P> {
  start?: P;
  maxIterations?: number;
}

/** Thrown when the data cannot be fitted at all (no customers, no repeat purchase, bad values). */
export class ClvDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClvDataError';
  }
}
