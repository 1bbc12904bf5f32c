/**
 * The fitting driver shared by the three models: maximum likelihood by BFGS on the logarithms
 * of the (positive) parameters, the objective being minus the mean log-likelihood per customer,
 * then the warnings every model shares (no convergence, parameters at the edge of the space).
 */
import { minimize } from '../optimize/bfgs.ts';
import type { FitWarning } from './types.ts';

/** Log-parameters beyond ±LIMIT (about 1e-7 … 1e7) are outside the model's useful space. */
const LIMIT = 16;

export interface Problem<P> {
  names: readonly (keyof P & string)[];
  start: P;
  maxIterations: number | undefined;
  /** Total weight (customers). */
  customers: number;
  /**
   * The summed log-likelihood at `params` (in `names` order); writes its gradient with respect to
   * each parameter (not its logarithm) into `grad`.
   */
  logLikelihood(params: Float64Array, grad: Float64Array): number;
}

export interface Solved<P> {
  params: P;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  warnings: FitWarning[];
}

export function solve<P>(problem: Problem<P>): Solved<P> {
  const { names, customers } = problem;
  const n = names.length;
  const params = new Float64Array(n);
  const grad = new Float64Array(n);
  const objective = (theta: Float64Array, g: Float64Array) => {
    for (let i = 0; i < n; i++) {
      if (!(Math.abs(theta[i]!) <= LIMIT)) return Number.POSITIVE_INFINITY;
      params[i] = Math.exp(theta[i]!);
    }
    const ll = problem.logLikelihood(params, grad);
    for (let i = 0; i < n; i++) g[i] = (-grad[i]! * params[i]!) / customers;
    return -ll / customers;
  };
  const start = names.map((name) => Math.log(problem.start[name] as number));
  const result = minimize(objective, start, {
    maxIterations: problem.maxIterations ?? 1000,
    gradientTolerance: 1e-10,
    looseTolerance: 1e-5,
  });
  const fitted = Object.fromEntries(names.map((name, i) => [name, Math.exp(result.x[i]!)])) as P;
  const warnings: FitWarning[] = [];
  if (!result.converged) {
    warnings.push({
      code: 'not_converged',
      message: `The fit did not converge (${result.reason} after ${result.iterations} iterations); its parameters are not a reliable maximum and predictions from them should not be used.`,
    });
  }
  names.forEach((name, i) => {
    const theta = result.x[i]!;
    if (Math.abs(theta) > LIMIT - 2.5) {
      warnings.push({
        code: 'boundary',
        message: `The parameter ${name} went to the edge of its range (${fmt(Math.exp(theta))}): the data cannot pin it down, so the model does not describe these customers well.`,
      });
    }
  });
  return {
    params: fitted,
    logLikelihood: -result.value * customers,
    iterations: result.iterations,
    converged: result.converged,
    warnings,
  };
}

export function fmt(value: number): string {
  return value >= 1e4 || value < 1e-3 ? value.toExponential(2) : value.toPrecision(4);
}

/** The sum of the weights (or the count) and the number of repeat customers (x > 0). */
export function count(x: Float64Array, weight: Float64Array | undefined): { total: number; repeat: number } {
  let total = 0;
  let repeat = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight ? weight[i]! : 1;
    total += w;
    if (x[i]! > 0) repeat += w;
  }
  return { total, repeat };
}

export const MIN_REPEAT_CUSTOMERS = 10;

export function tooLittleData(model: string, repeat: number): FitWarning {
  return {
    code: 'too_little_data',
    message: `Only ${repeat} customer${repeat === 1 ? '' : 's'} bought more than once: too few to fit ${model} reliably (at least ${MIN_REPEAT_CUSTOMERS} are needed; hundreds are better). Treat its figures as rough.`,
  };
}
