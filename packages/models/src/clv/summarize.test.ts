import { describe, expect, it } from 'vitest';
import { minimize } from '../optimize/bfgs.ts';
import {
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdPAlive,
  collapse,
  discountedClv,
  discountedClvIfAlive,
  paretoNbdExpected,
  paretoNbdExpectedIfAlive,
  paretoNbdPAlive,
  rfmScores,
  summarize,
  tracking,
} from './index.ts';

describe('summarize', () => {
  const t = (customerId: string, day: number, amount: number) => ({ customerId, day, amount });
  it('merges same-day purchases, counts repeats only, leaves free purchases out of spend', () => {
    const s = summarize(
      [
        t('a', 0, 10),
        t('a', 0, 5), // same day as the first: merged
        t('a', 7, 20),
        t('a', 14, 0), // a free repeat purchase: counted, not spent
        t('a', 14, 0),
        t('a', 21, 40),
        t('a', 30, 99), // holdout
        t('b', 14, 8),
        t('c', 29, 5), // first purchase after the calibration end: not in the cohort
      ],
      28,
      35,
    );
    expect(s.ids).toEqual(['a', 'b']);
    expect([...s.x]).toEqual([3, 0]);
    expect([...s.tx]).toEqual([3, 0]);
    expect([...s.T]).toEqual([4, 2]);
    expect([...s.m]).toEqual([30, 0]);
    expect([...s.xSpend]).toEqual([2, 0]);
    expect([...s.xHoldout!]).toEqual([1, 0]);
    expect([...s.firstDay]).toEqual([0, 14]);
    expect([...s.lastDay]).toEqual([21, 14]);
  });
});

describe('collapse', () => {
  it('groups identical triples with their counts and maps every customer to its group', () => {
    const s = {
      x: Float64Array.of(0, 1, 0, 1, 2),
      tx: Float64Array.of(0, 3, 0, 3, 3),
      T: Float64Array.of(5, 5, 5, 5, 5),
    };
    const c = collapse(s);
    expect(c.x.length).toBe(3);
    expect([...c.weight!]).toEqual([2, 2, 1]);
    expect([...c.index]).toEqual([0, 1, 0, 1, 2]);
    // Weights add up when collapsing again.
    expect([...collapse(c).weight!]).toEqual([2, 2, 1]);
  });
});

describe('discountedClv', () => {
  const bg = { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262 };
  const customer = { x: 3, tx: 30, T: 38 };
  it('without discounting is expected purchases times spend times margin', () => {
    const clv = discountedClv({ model: 'bgnbd', params: bg }, customer, 40, {
      horizonWeeks: 52,
      annualDiscountRate: 0,
      margin: 0.5,
    });
    expect(clv).toBeCloseTo(bgNbdExpected(bg, 52, 3, 30, 38) * 40 * 0.5, 10);
  });
  it('discounts later purchases and grows with the horizon', () => {
    const at = (rate: number, weeks: number) =>
      discountedClv({ model: 'bgnbd', params: bg }, customer, 40, {
        horizonWeeks: weeks,
        annualDiscountRate: rate,
      });
    expect(at(0.1, 52)).toBeLessThan(at(0, 52));
    expect(at(0.1, 52)).toBeGreaterThan(at(0, 52) / 1.1);
    expect(at(0.1, 104)).toBeGreaterThan(at(0.1, 52));
  });
  it('is P(alive) × the CLV if alive, which depends on x and T only', () => {
    const pareto = { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6687 };
    const options = { horizonWeeks: 30.5, annualDiscountRate: 0.1, margin: 0.3 };
    for (const model of [
      { model: 'bgnbd', params: bg },
      { model: 'paretoNbd', params: pareto },
    ] as const)
      for (const [x, tx, T] of [
        [0, 0, 12],
        [3, 30, 38],
        [3, 2, 38],
        [40, 70, 78.5],
        [400, 77, 78],
      ] as const) {
        const alive = model.model === 'bgnbd' ? bgNbdPAlive(bg, x, tx, T) : paretoNbdPAlive(pareto, x, tx, T);
        const expected = model.model === 'bgnbd' ? bgNbdExpected : paretoNbdExpected;
        const ifAlive = model.model === 'bgnbd' ? bgNbdExpectedIfAlive : paretoNbdExpectedIfAlive;
        expect(expected(model.params as never, 13, x, tx, T)).toBe(
          ifAlive(model.params as never, 13, x, T) * alive,
        );
        const clv = discountedClv(model, { x, tx, T }, 40, options);
        expect(alive * discountedClvIfAlive(model, x, T, options) * 40 * 0.3).toBeCloseTo(clv, 9);
      }
  });
});

describe('rfmScores', () => {
  it('gives quintiles 1..5, 5 best, recent best, ties alike', () => {
    const n = 10;
    const recency = Float64Array.from({ length: n }, (_, i) => i * 10); // 0 is the most recent
    const frequency = Float64Array.from({ length: n }, (_, i) => i);
    const monetary = Float64Array.from({ length: n }, () => 7);
    const { r, f, m } = rfmScores(recency, frequency, monetary);
    expect([...r]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect([...f]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(new Set(m).size).toBe(1);
  });
});

describe('tracking', () => {
  it('counts repeat purchases per week from the first purchase and sums the expectation', () => {
    const tr = tracking(
      [
        { customerId: 'a', day: 0, amount: 1 },
        { customerId: 'a', day: 8, amount: 1 },
        { customerId: 'a', day: 8, amount: 1 },
        { customerId: 'b', day: 3, amount: 1 },
        { customerId: 'b', day: 20, amount: 1 },
      ],
      13,
      20,
      (weeks) => weeks,
    );
    expect(tr.actual).toEqual([0, 1, 1]);
    expect(tr.cumulativeActual).toEqual([0, 1, 2]);
    expect(tr.cumulativeExpected).toEqual([1 + 4 / 7, 2 + 11 / 7, 3 + 18 / 7]);
  });
});

describe('minimize (BFGS)', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimize(
      (x, g) => {
        const [a, b] = [x[0]!, x[1]!];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.evaluations).toBeLessThan(100);
  });
  it('steps back from where the objective is not defined', () => {
    const result = minimize(
      (x, g) => {
        g[0] = 1 - 1 / x[0]!;
        return x[0]! > 0 ? x[0]! - Math.log(x[0]!) : Number.NaN;
      },
      [5],
    );
    expect(result.x[0]).toBeCloseTo(1, 6);
  });
});
