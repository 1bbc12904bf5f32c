import type { Db } from '@rapport/db';
import { type GammaGammaParams, gammaGammaExpectedSpend, summarize, type Transaction } from '@rapport/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrders } from '../orders/orders.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { personValue, recomputeValueNow } from './value.service.ts';

// The recompute's figures against models' own summary of the same orders (same-day orders merged
// in UTC, zero-amount purchases out of spend), Gamma-Gamma on the paid repeat purchases only, and
// the choice of the most used currency when it changes.

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const nowDay = Math.floor(clock.now().getTime() / DAY);
const people: string[] = [];
const transactions: Transaction[] = [];
let freebies = '';

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  const rand = random(3);
  await ws.run(async (ctx) => {
    const orders = [];
    for (let i = 0; i < 50; i++) {
      const person = await createPerson(ctx, { firstName: 'Buyer', lastName: String(i) });
      people.push(person.id);
      const start = 60 + Math.floor(rand() * 600);
      const gap = 5 + Math.floor(rand() * 50);
      for (let day = start; day > 0; day -= gap) {
        // Some orders a second before and after midnight UTC, some free (a zero amount).
        const at = nowDay * DAY - day * DAY + (rand() < 0.3 ? DAY - 1000 : rand() < 0.5 ? 1000 : DAY / 2);
        const amount = rand() < 0.2 ? 0 : 500 + Math.floor(rand() * 9000);
        orders.push({
          personId: person.id,
          orderedAt: new Date(at).toISOString(),
          currency: 'EUR',
          totalMinor: amount,
        });
        transactions.push({ customerId: person.id, day: Math.floor(at / DAY), amount });
      }
    }
    freebies = (await createPerson(ctx, { firstName: 'Free', lastName: 'Bies' })).id;
    // A first purchase, then four repeat purchase days of which two are free: x 4, paid repeats 2.
    for (const [day, amount] of [
      [300, 1000],
      [250, 0],
      [200, 3000],
      [150, 0],
      [100, 5000],
    ] as const) {
      const at = nowDay * DAY - day * DAY + DAY / 2;
      orders.push({
        personId: freebies,
        orderedAt: new Date(at).toISOString(),
        currency: 'EUR',
        totalMinor: amount,
      });
      transactions.push({ customerId: freebies, day: Math.floor(at / DAY), amount });
    }
    const answers = await createOrders(ctx, orders);
    expect(answers.filter((a) => 'error' in a)).toEqual([]);
  });
}, 60_000);
afterAll(() => db.close());

describe('value figures', () => {
  it('match models’ summary of the same orders, and Gamma-Gamma counts only paid repeat purchases', async () => {
    const result = await ws.run(recomputeValueNow);
    expect(result.customers).toBe(51);
    const spend = result.fit!.params.spend as unknown as GammaGammaParams;
    expect(spend.q).toBeGreaterThan(1);
    const summary = summarize(transactions, nowDay) as ReturnType<typeof summarize> & {
      m: Float64Array;
      xSpend: Float64Array;
    };
    for (const [k, id] of summary.ids.entries()) {
      const f = (await ws.run((ctx) => personValue(ctx, id))).figures!;
      expect(f.x).toBe(summary.x[k]);
      expect(f.tx).toBeCloseTo(summary.tx[k]!, 5);
      expect(f.T).toBeCloseTo(summary.T[k]!, 5);
      expect(f.repeatSpendMinor).toBe(summary.xSpend[k] ? Math.round(summary.m[k]!) : null);
      expect(f.expectedSpendMinor).toBe(
        Math.round(gammaGammaExpectedSpend(spend, summary.xSpend[k]!, summary.m[k]!)),
      );
    }
    const f = (await ws.run((ctx) => personValue(ctx, freebies))).figures!;
    expect(f).toMatchObject({ x: 4, repeatSpendMinor: 4000 });
    expect(f.expectedSpendMinor).toBe(Math.round(gammaGammaExpectedSpend(spend, 2, 4000)));
    // When the fit leaves spend nearly the same for everyone (q very large), x barely matters.
    const withAllFour = Math.round(gammaGammaExpectedSpend(spend, 4, 4000));
    if (withAllFour !== Math.round(gammaGammaExpectedSpend(spend, 2, 4000)))
      expect(f.expectedSpendMinor).not.toBe(withAllFour);
  });

  it('follows the most used currency when it changes, and warns of the orders left out', async () => {
    await ws.run((ctx) =>
      createOrders(
        ctx,
        Array.from({ length: transactions.length + 10 }, (_, k) => ({
          personId: people[k % 3]!,
          orderedAt: new Date(clock.now().getTime() - (k + 1) * 3_600_000).toISOString(),
          currency: 'USD',
          totalMinor: 100,
        })),
      ),
    );
    const result = await ws.run(recomputeValueNow);
    expect(result.fit!.currency).toBe('USD');
    expect(result.customers).toBe(3);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'other_currencies',
        message: expect.stringContaining(`${transactions.length} paid orders in other currencies than USD`),
      }),
    );
    expect((await ws.run((ctx) => personValue(ctx, freebies))).figures).toBeNull();
  });
});
