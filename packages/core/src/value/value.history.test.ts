import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrders } from '../orders/orders.service.ts';
import { createPerson, listPeople } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createSavedView } from '../views/views.service.ts';
import { getValueDashboard, personValue, recomputeValueNow } from './value.service.ts';

// Health history as change points: a recompute writes a customer's point only when their figures
// moved from the last one written; the dashboard carries points forward, for the workspace (its
// daily totals) and for a segment (from the points) alike. Also the churn-risk sort over the same
// figures.

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY).toISOString();
const people: string[] = [];

const recompute = () => ws.run((ctx) => recomputeValueNow(ctx));
const pointsOf = async (id: string) => (await ws.run((ctx) => personValue(ctx, id))).healthHistory;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  await ws.run(async (ctx) => {
    const orders = [];
    for (let i = 0; i < 12; i++) {
      const person = await createPerson(ctx, { firstName: 'Buyer', lastName: String(i) });
      people.push(person.id);
      for (let day = 400 - i * 20; day > 30 + i * 10; day -= 20 + i * 3)
        orders.push({
          personId: person.id,
          orderedAt: ago(day),
          currency: 'EUR',
          totalMinor: 5000 + i * 700,
        });
    }
    expect((await createOrders(ctx, orders)).filter((a) => 'error' in a)).toEqual([]);
  });
}, 60_000);
afterAll(() => db.close());

describe('health history', () => {
  it('writes a point only for customers whose figures moved, and carries the others forward', async () => {
    await recompute();
    for (const id of people) expect(await pointsOf(id)).toHaveLength(1);

    // The next day, without new orders: figures drift by less than the thresholds, mostly.
    clock.advance(DAY);
    await recompute();
    const moved = async () => {
      const out = [];
      for (const id of people) if ((await pointsOf(id)).length > 1) out.push(id);
      return out;
    };
    const drifted = await moved();
    expect(drifted.length).toBeLessThan(people.length);

    // Run again the same day: nothing moved since, so nothing is written twice.
    await recompute();
    expect(await moved()).toEqual(drifted);

    // A day later one customer buys big: their figures move, and get a point that day.
    clock.advance(DAY);
    const buyer = people.find((id) => !drifted.includes(id))!;
    await ws.run((ctx) =>
      createOrders(ctx, [{ personId: buyer, orderedAt: ago(0.1), currency: 'EUR', totalMinor: 90_000 }]),
    );
    await recompute();
    const points = await pointsOf(buyer);
    expect(points.map((p) => p.day)).toEqual(['2026-11-30', '2026-12-02']);
    expect(points[1]!.clvMinor).not.toBe(points[0]!.clvMinor);
  });

  it('answers health over time for the workspace and for a segment, carrying points forward', async () => {
    // Every customer with figures: the segment's health over time (from the points; most customers
    // have only the first day's) must equal the workspace's totals on every day.
    const view = await ws.run((ctx) =>
      createSavedView(ctx, { kind: 'people', name: 'Everyone with figures', filters: { minHealth: 0 } }),
    );
    const whole = (await ws.run((ctx) => getValueDashboard(ctx, {}))).healthOverTime;
    expect(whole.map((d) => [d.day, d.customers])).toEqual([
      ['2026-11-30', 12],
      ['2026-12-01', 12],
      ['2026-12-02', 12],
    ]);
    const segment = (await ws.run((ctx) => getValueDashboard(ctx, { viewId: view.id }))).healthOverTime;
    expect(segment).toEqual(whole);
    for (const d of whole) expect(d.good + d.fair + d.poor).toBeCloseTo(1, 10);
  });

  it("sorts the people list by churn risk (on P(alive)'s index, reversed), page after page", async () => {
    const risks: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await ws.run((ctx) =>
        listPeople(ctx, { sort: '-churnRisk', limit: 5, ...(cursor ? { cursor } : {}) }),
      );
      risks.push(...page.data.flatMap((p) => (p.value ? [p.value.churnRisk] : [])));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(risks).toHaveLength(people.length);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const up = await ws.run((ctx) => listPeople(ctx, { sort: 'churnRisk', limit: 100 }));
    expect(up.data.map((p) => p.value!.churnRisk)).toEqual([...risks].reverse());
  });
});
