import { summarize, type Transaction } from '@rapport/models';
import { describe, expect, it } from 'vitest';
import { PurchaseFolder, parseIntArray } from './value.aggregate.ts';

/** A small deterministic random source. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const monthOf = (day: number) => {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

describe('parseIntArray', () => {
  it('reads PostgreSQL array text, negatives and big integers included', () => {
    const out = new Float64Array(8);
    expect(parseIntArray('{19000,-3,0,1234567890123}', out)).toBe(4);
    expect([...out.slice(0, 4)]).toEqual([19000, -3, 0, 1234567890123]);
    expect(parseIntArray('{7}', out)).toBe(1);
    expect(out[0]).toBe(7);
  });
});

describe('PurchaseFolder', () => {
  it('folds orders in any order as models’ summarize does, with tracking weeks and cohorts', () => {
    const rand = random(11);
    const nowDay = 20_400;
    const spanStart = 19_300;
    const holdoutStart = 20_100;
    const sinceMonth = monthOf(nowDay) - 23;
    const folder = new PurchaseFolder({ spanStart, holdoutStart, sinceMonth, nowDay });
    const transactions: Transaction[] = [];
    const byCustomer = new Map<string, { days: number[]; amounts: number[] }>();
    for (let c = 0; c < 400; c++) {
      const id = `per_${c}`;
      const first = spanStart + Math.floor(rand() * (nowDay - spanStart));
      const orders = 1 + Math.floor(rand() * 12);
      const days: number[] = [];
      const amounts: number[] = [];
      for (let k = 0; k < orders; k++) {
        // Same-day orders, zero amounts (free replacements) and every order of arrival.
        const day = k && rand() < 0.2 ? days[k - 1]! : first + Math.floor(rand() * (nowDay - first + 1));
        const amount = rand() < 0.15 ? 0 : 100 + Math.floor(rand() * 10_000);
        days.push(day);
        amounts.push(amount);
        transactions.push({ customerId: id, day, amount });
      }
      const shape = c % 3;
      const order = days.map((_, k) => k);
      if (shape === 0) order.sort((i, j) => days[i]! - days[j]!);
      if (shape === 1) order.sort((i, j) => days[j]! - days[i]!);
      byCustomer.set(id, { days: order.map((k) => days[k]!), amounts: order.map((k) => amounts[k]!) });
      folder.add({
        cid: id,
        days: `{${order.map((k) => days[k]).join(',')}}`,
        amounts: `{${order.map((k) => amounts[k]).join(',')}}`,
        others: c % 7 === 0 ? 2 : 0,
      });
    }
    folder.add({ cid: 'per_other', days: null, amounts: null, others: 3 });
    const result = folder.result();
    const agg = result.customers;
    expect(result.others).toBe(3 + 2 * Math.ceil(400 / 7));
    expect(result.orders).toBe(transactions.length);

    const whole = summarize(transactions, nowDay);
    const calibration = summarize(transactions, holdoutStart - 1, nowDay);
    const calIndex = new Map(calibration.ids.map((id, k) => [id, k]));
    expect(agg.ids).toEqual([...byCustomer.keys()]);
    expect([...agg.ids].sort()).toEqual([...whole.ids].sort());
    const index = new Map(whole.ids.map((id, k) => [id, k]));
    agg.ids.forEach((id, i) => {
      const k = index.get(id)!;
      const s = whole as typeof whole & { m: Float64Array; xSpend: Float64Array; firstDay: Int32Array };
      expect([agg.x[i], agg.first[i], agg.xSpend[i]]).toEqual([s.x[k], s.firstDay[k], s.xSpend[k]]);
      expect(agg.m[i]).toBeCloseTo(s.m[k]!, 9);
      expect(agg.last[i]).toBe(s.firstDay[k]! + s.tx[k]! * 7);
      const { amounts } = byCustomer.get(id)!;
      expect(agg.total[i]).toBe(amounts.reduce((a, b) => a + b, 0));
      const c = calIndex.get(id);
      if (c === undefined) expect([agg.xCal[i], agg.lastCal[i], agg.xHoldout[i]]).toEqual([0, -1, 0]);
      else {
        const cal = calibration as typeof calibration & { lastDay: Int32Array; xHoldout: Float64Array };
        expect([agg.xCal[i], agg.lastCal[i], agg.xHoldout[i]]).toEqual([
          cal.x[c],
          cal.lastDay[c],
          cal.xHoldout[c],
        ]);
      }
    });

    // Weekly repeat purchases of the customers who first bought before the holdout, and cohorts,
    // counted naively.
    const weekly = new Map<number, number>();
    const cohorts = new Map<string, number>();
    for (const { days } of byCustomer.values()) {
      const distinct = [...new Set(days)].sort((a, b) => a - b);
      const first = distinct[0]!;
      if (first < holdoutStart)
        for (const day of distinct.slice(1)) {
          const week = Math.floor((day - spanStart) / 7);
          weekly.set(week, (weekly.get(week) ?? 0) + 1);
        }
      if (monthOf(first) >= sinceMonth)
        for (const month of new Set(distinct.map(monthOf))) {
          const key = `${monthOf(first)}:${month - monthOf(first)}`;
          cohorts.set(key, (cohorts.get(key) ?? 0) + 1);
        }
    }
    expect(result.weekly).toEqual(weekly);
    expect(new Map(result.cohorts.map((c) => [`${c.cohort}:${c.since}`, c.customers]))).toEqual(cohorts);
    const keys = result.cohorts.map((c) => c.cohort * 1000 + c.since);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});
