/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases at a Poisson rate λ ~ Gamma(r, α)
 * over an exponential lifetime of rate μ ~ Gamma(s, β). Fit by maximum likelihood with the exact
 * gradient (pareto.terms.ts).
 */
import { repeatStart } from './bgnbd.ts';
import { byX, prepareRepeat } from './check.ts';
import { fmt, MIN_REPEAT_CUSTOMERS, solve, tooLittleData } from './fit.ts';
import { combine, logPiece } from './pareto.terms.ts';
import { digamma, lgamma } from './special.ts';
import { collapse } from './summarize.ts';
import type { Fit, FitOptions, ParetoNbdParams, RepeatSummary } from './types.ts';

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** A summed Pareto/NBD log-likelihood with its gradient, for a fixed (grouped) summary. */
export function paretoNbdLogLikelihood(s: RepeatSummary): (p: Float64Array, grad: Float64Array) => number {
  const { x, tx, T } = s;
  const n = x.length;
  const { w, values, weightOf } = byX(x, s.weight);
  const g = new Float64Array(4);
  const atTx = collapse({ x, tx, T: tx });
  const atT = collapse({ x, tx: T, T });
  const pTx = new Float64Array(atTx.x.length);
  const pT = new Float64Array(atT.x.length);
  const dTx = new Float64Array(4 * atTx.x.length);
  const dT = new Float64Array(4 * atT.x.length);
  return (params, grad) => {
    const [r, alpha, sh, beta] = params as unknown as [number, number, number, number];
    let total = 0;
    let ll = 0;
    let gr = 0;
    const lgR = lgamma(r);
    const psiR = digamma(r);
    for (let j = 0; j < values.length; j++) {
      total += weightOf[j]!;
      ll += weightOf[j]! * (lgamma(r + values[j]!) - lgR);
      gr += weightOf[j]! * (digamma(r + values[j]!) - psiR);
    }
    ll += total * (r * Math.log(alpha) + sh * Math.log(beta));
    grad[0] = gr + total * Math.log(alpha);
    grad[1] = (total * r) / alpha;
    grad[2] = total * Math.log(beta);
    grad[3] = (total * sh) / beta;
    // The pieces depend on (x, y) only: once per distinct pair (whole days make few of them).
    const d = new Float64Array(4);
    const piece = (pairs: RepeatSummary, values: Float64Array, grads: Float64Array) => {
      for (let j = 0; j < pairs.x.length; j++) {
        values[j] = logPiece(r, alpha, sh, beta, pairs.x[j]!, pairs.T[j]!, d);
        grads.set(d, 4 * j);
      }
    };
    piece(atTx, pTx, dTx);
    piece(atT, pT, dT);
    for (let i = 0; i < n; i++) {
      const jx = atTx.index[i]!;
      const jT = atT.index[i]!;
      const { logBracket } = combine(
        r,
        alpha,
        sh,
        beta,
        x[i]!,
        tx[i]!,
        T[i]!,
        pTx[jx]!,
        dTx,
        pT[jT]!,
        dT,
        4 * jx,
        4 * jT,
        g,
      );
      const wi = w[i]!;
      ll += wi * logBracket;
      for (let k = 0; k < 4; k++) grad[k]! += wi * g[k]!;
    }
    return ll;
  };
}

export function fitParetoNbd(
  s: RepeatSummary,
  options: FitOptions<ParetoNbdParams> = {},
): Fit<ParetoNbdParams> {
  const { g, total, repeat } = prepareRepeat(s, 'Pareto/NBD');
  let meanT = 0;
  for (let i = 0; i < g.x.length; i++) meanT += (g.weight[i]! * g.T[i]!) / total;
  const solved = solve<ParetoNbdParams>({
    names: NAMES,
    start: options.start ?? repeatStart(g, { s: 1, beta: Math.max(meanT, 1e-3) }),
    maxIterations: options.maxIterations,
    customers: total,
    logLikelihood: paretoNbdLogLikelihood(g),
  });
  if (repeat < MIN_REPEAT_CUSTOMERS) solved.warnings.unshift(tooLittleData('Pareto/NBD', repeat));
  const { s: shape, beta } = solved.params;
  // A mean dropout rate s/β of under 1e-4 a week is a mean lifetime of centuries.
  if (shape / beta < 1e-4) {
    const keep = solved.warnings.filter(
      (w) => !(w.code === 'boundary' && /parameter (s|beta) /.test(w.message)),
    );
    solved.warnings.length = 0;
    solved.warnings.push(...keep, {
      code: 'no_dropout',
      message: `Pareto/NBD found that customers almost never leave (s = ${fmt(shape)}, β = ${fmt(beta)}: a mean lifetime of ${fmt(beta / shape / 52)} years). The dropout part of the model has run off to its limit, so P(alive) is close to 1 for everyone and CLV grows with the horizon alone. Treat its P(alive) and CLV with caution, or fit on a longer history.`,
    });
  }
  return { ...solved, customers: total };
}
