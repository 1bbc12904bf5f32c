/**
 * BFGS with a strong-Wolfe line search (Nocedal & Wright, Numerical Optimization, algorithms
 * 6.1, 3.5 and 3.6) for small smooth problems: a handful of parameters, an objective that gives
 * its gradient. The objective may answer +Infinity or NaN outside its domain; the line search then
 * steps back. Dense inverse Hessian: meant for n up to a few dozen.
 */

/** Writes the gradient into `g` and returns the value. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when every |gradient| component is below this. */
  gradientTolerance?: number;
  /**
   * Also stop, as converged, when no step decreases the objective any more (its rounding) and
   * every |gradient| component is below this.
   */
  looseTolerance?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped, in words (for a warning when it did not converge). */
  reason: string;
}

const C1 = 1e-4;
const C2 = 0.9;

interface Point {
  x: Float64Array;
  f: number;
  g: Float64Array;
  /** Directional derivative along the search direction. */
  d: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

const maxAbs = (a: Float64Array) => {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
};

export function minimize(
  fg: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-9;
  const looseTolerance = options.looseTolerance ?? Math.sqrt(gtol);
  let evaluations = 0;
  const evaluate = (x: Float64Array, p: Float64Array): Point => {
    const g = new Float64Array(n);
    const f = fg(x, g);
    evaluations++;
    const ok = Number.isFinite(f) && g.every(Number.isFinite);
    return { x, f: ok ? f : Number.POSITIVE_INFINITY, g, d: ok ? dot(g, p) : Number.NaN };
  };
  let current = evaluate(Float64Array.from(start), new Float64Array(n));
  if (!Number.isFinite(current.f)) throw new Error('minimize: the objective is not finite at the start');
  const H = identity(n);
  let iterations = 0;
  let reason = 'the iteration limit was reached';
  let converged = false;
  let stalls = 0;
  while (iterations < maxIterations) {
    if (maxAbs(current.g) < gtol) {
      converged = true;
      reason = 'the gradient vanished';
      break;
    }
    let p = direction(H, current.g);
    if (dot(p, current.g) >= 0) {
      resetIdentity(H);
      p = direction(H, current.g);
    }
    const first = iterations === 0 ? Math.min(1, 1 / Math.max(maxAbs(current.g), 1e-12)) : 1;
    const next = lineSearch(evaluate, current, p, first);
    iterations++;
    if (!next) {
      // No acceptable step. Near the optimum that is the rounding of the objective's sums: done.
      // Further away, a restart from steepest descent helps once; twice means we are stuck.
      if (maxAbs(current.g) < looseTolerance || stalls++ > 0) {
        converged = maxAbs(current.g) < looseTolerance;
        reason = converged
          ? 'the objective cannot decrease further within its rounding'
          : 'no step along the search direction decreased the objective';
        break;
      }
      resetIdentity(H);
      continue;
    }
    stalls = 0;
    const s = next.x.map((v, i) => v - current.x[i]!);
    const y = next.g.map((v, i) => v - current.g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (iterations === 1) scaleIdentity(H, sy / dot(y, y));
      update(H, s, y, sy);
    }
    const change = Math.abs(current.f - next.f);
    current = next;
    if (change <= 1e-13 * Math.max(1, Math.abs(current.f)) && maxAbs(current.g) < looseTolerance) {
      converged = true;
      reason = 'the objective stopped changing';
      break;
    }
  }
  return { x: current.x, value: current.f, gradient: current.g, iterations, evaluations, converged, reason };
}

function identity(n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
}

function resetIdentity(H: Float64Array[]): void {
  H.forEach((row, i) => {
    row.fill(0);
    row[i] = 1;
  });
}

function scaleIdentity(H: Float64Array[], scale: number): void {
  H.forEach((row, i) => {
    row.fill(0);
    row[i] = scale;
  });
}

function direction(H: Float64Array[], g: Float64Array): Float64Array {
  return Float64Array.from(H, (row) => -dot(row, g));
}

/** The BFGS update of the inverse Hessian: H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ. */
function update(H: Float64Array[], s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = Float64Array.from(H, (row) => dot(row, y));
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i]![j]! += rho * ((1 + rho * yHy) * s[i]! * s[j]! - Hy[i]! * s[j]! - s[i]! * Hy[j]!);
    }
  }
}

type Evaluate = (x: Float64Array, p: Float64Array) => Point;

/** A step length satisfying the strong Wolfe conditions, or null when none was found. */
function lineSearch(evaluate: Evaluate, from: Point, p: Float64Array, first: number): Point | null {
  const start = { ...from, d: dot(from.g, p) };
  const at = (alpha: number) =>
    evaluate(
      start.x.map((v, i) => v + alpha * p[i]!),
      p,
    );
  let previous = start;
  let previousAlpha = 0;
  let alpha = first;
  for (let i = 0; i < 40; i++) {
    const point = at(alpha);
    if (!Number.isFinite(point.f)) {
      // Outside the domain: come back towards the last good point.
      alpha = previousAlpha + (alpha - previousAlpha) / 10;
      continue;
    }
    if (point.f > start.f + C1 * alpha * start.d || (i > 0 && point.f >= previous.f)) {
      return zoom(at, start, previous, previousAlpha, point, alpha);
    }
    if (Math.abs(point.d) <= -C2 * start.d) return point;
    if (point.d >= 0) return zoom(at, start, point, alpha, previous, previousAlpha);
    previous = point;
    previousAlpha = alpha;
    alpha *= 2;
  }
  return previous === start ? null : previous;
}

function zoom(
  at: (alpha: number) => Point,
  start: Point,
  loPoint: Point,
  loAlpha: number,
  hiPoint: Point,
  hiAlpha: number,
): Point | null {
  let lo = loPoint;
  let aLo = loAlpha;
  let hi = hiPoint;
  let aHi = hiAlpha;
  for (let i = 0; i < 20; i++) {
    const alpha = interpolate(aLo, lo, aHi, hi);
    const point = at(alpha);
    if (!Number.isFinite(point.f) || point.f > start.f + C1 * alpha * start.d || point.f >= lo.f) {
      hi = point;
      aHi = alpha;
    } else {
      if (Math.abs(point.d) <= -C2 * start.d) return point;
      if (point.d * (aHi - aLo) >= 0) {
        hi = lo;
        aHi = aLo;
      }
      lo = point;
      aLo = alpha;
    }
    if (Math.abs(aHi - aLo) < 1e-12 * Math.max(1, Math.abs(aLo))) break;
  }
  return lo === start || lo.f >= start.f ? null : lo;
}

/** The minimiser of the cubic through both ends (values and slopes), kept inside the bracket. */
function interpolate(a: number, pa: Point, b: number, pb: Point): number {
  const lowEnd = Math.min(a, b);
  const width = Math.abs(b - a);
  const safe = (t: number) =>
    Number.isFinite(t) && t > lowEnd + 0.1 * width && t < lowEnd + 0.9 * width ? t : (a + b) / 2;
  if (!Number.isFinite(pb.f) || !Number.isFinite(pa.f)) return safe(Number.NaN);
  const d1 = pa.d + pb.d - (3 * (pa.f - pb.f)) / (a - b);
  const root = d1 * d1 - pa.d * pb.d;
  if (root < 0) return safe(Number.NaN);
  const d2 = Math.sign(b - a) * Math.sqrt(root);
  return safe(b - ((b - a) * (pb.d + d2 - d1)) / (pb.d - pa.d + 2 * d2));
}
