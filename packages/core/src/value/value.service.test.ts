import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { logInteraction } from '../interactions/interactions.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createOrders, refundOrder } from '../orders/orders.service.ts';
import { createPerson, listPeople } from '../people/people.service.ts';
import { breakPromise, createPromise, keepPromise } from '../promises/promises.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createSavedView } from '../views/views.service.ts';
import {
  companyValue,
  getValueDashboard,
  getValueSettings,
  personValue,
  RECOMPUTE_JOB,
  recomputeValueNow,
  updateValueSettings,
} from './value.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY).toISOString();
const people: string[] = [];
let loyal = '';
let lapsed = '';
let once = '';

/** A small deterministic random source. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const work = () =>
  createJobWorker(systemCtx(db, clock), {
    clock,
    workspaceId: ws.workspaceId,
    onError: (error) => {
      throw error;
    },
  }).runDue();

const jobs = () =>
  db.kysely
    .selectFrom('jobs')
    .select(['key', 'state', 'run_at'])
    .where('workspace_id', '=', ws.workspaceId)
    .where('type', '=', RECOMPUTE_JOB)
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  const rand = random(7);
  await ws.run(async (ctx) => {
    const orders = [];
    for (let i = 0; i < 60; i++) {
      const person = await createPerson(ctx, { firstName: 'Buyer', lastName: String(i) });
      people.push(person.id);
      const start = 100 + Math.floor(rand() * 500);
      const gap = 10 + Math.floor(rand() * 60);
      const stop = Math.floor(rand() * start);
      for (let day = start; day > stop; day -= gap)
        orders.push({
          personId: person.id,
          orderedAt: ago(day),
          currency: 'EUR',
          totalMinor: 1000 + Math.floor(rand() * 9000),
        });
    }
    loyal = (await createPerson(ctx, { firstName: 'Loyal', lastName: 'Lou' })).id;
    for (let day = 700; day > 10; day -= 14)
      orders.push({ personId: loyal, orderedAt: ago(day), currency: 'EUR', totalMinor: 20_000 });
    // Same day twice: one purchase.
    orders.push({ personId: loyal, orderedAt: ago(14), currency: 'EUR', totalMinor: 500 });
    lapsed = (await createPerson(ctx, { firstName: 'Lapsed', lastName: 'Lee' })).id;
    for (let day = 700; day > 400; day -= 7)
      orders.push({ personId: lapsed, orderedAt: ago(day), currency: 'EUR', totalMinor: 20_000 });
    once = (await createPerson(ctx, { firstName: 'Once', lastName: 'Only' })).id;
    orders.push({ personId: once, orderedAt: ago(30), currency: 'EUR', totalMinor: 5000 });
    // Left out: another currency, cancelled, pending.
    orders.push({ personId: once, orderedAt: ago(20), currency: 'USD', totalMinor: 5000 });
    orders.push({
      personId: once,
      orderedAt: ago(10),
      currency: 'EUR',
      totalMinor: 5000,
      status: 'cancelled' as const,
    });
    orders.push({
      personId: once,
      orderedAt: ago(9),
      currency: 'EUR',
      totalMinor: 5000,
      status: 'pending' as const,
    });
    const answers = await createOrders(ctx, orders);
    expect(answers.filter((a) => 'error' in a)).toEqual([]);
  });
}, 60_000);
afterAll(() => db.close());

describe('value recompute', () => {
  it('runs in the background a little after orders are written, once, and schedules the night', async () => {
    expect(await jobs()).toEqual([expect.objectContaining({ key: 'orders', state: 'queued' })]);
    // More orders while it waits: still one.
    await ws.run((ctx) =>
      createOrders(ctx, [
        { personId: once, orderedAt: ago(40), currency: 'EUR', totalMinor: 0, status: 'refunded' },
      ]),
    );
    expect(await jobs()).toHaveLength(1);
    expect(await work()).toBe(0); // not due yet
    clock.advance(61_000);
    expect(await work()).toBe(1);
    const after = await jobs();
    expect(after.map((j) => [j.key, j.state])).toEqual([
      ['orders', 'done'],
      ['nightly:2026-12-01', 'queued'],
    ]);
    expect(after[1]!.run_at.toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('computes every figure of a customer, with RFM, health reasons, history and the fit', async () => {
    const answer = await ws.run((ctx) => personValue(ctx, loyal));
    const f = answer.figures!;
    expect(f).toMatchObject({ subjectType: 'person', subjectId: loyal, currency: 'EUR', churnBand: 'low' });
    // 50 fortnightly purchases plus a same-day extra one: 50 purchase days, 49 repeats.
    expect(f.rfm.frequency).toBe(50);
    expect(f.x).toBe(49);
    expect(f.rfm.monetaryMinor).toBe(50 * 20_000 + 500);
    expect(f.repeatSpendMinor).toBe(20_000 + Math.round(500 / 49));
    expect(f.rfm).toMatchObject({ f: 5, m: 5, recencyDays: 14 });
    expect(f.pAlive).toBeGreaterThan(0.9);
    expect(f.expectedPurchases365).toBeGreaterThan(f.expectedPurchases90);
    expect(f.expectedPurchases90).toBeGreaterThan(3);
    expect(f.clvMinor).toBeGreaterThan(100_000);
    expect(f.health).toBeGreaterThanOrEqual(70);
    expect(f.healthReasons.map((r) => r.component).sort()).toEqual(['activity', 'complaints', 'value']);
    expect(f.healthReasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 2);
    expect(f.healthReasons.find((r) => r.component === 'value')!.reason).toMatch(/top \d+% of customers/);
    expect(answer.healthHistory).toEqual([expect.objectContaining({ day: '2026-11-30', health: f.health })]);
    expect(answer.fit).toMatchObject({ model: 'bgnbd', customers: 63, currency: 'EUR' });
    expect(answer.fit!.params.purchases).toEqual(
      expect.objectContaining({ r: expect.any(Number), b: expect.any(Number) }),
    );
    expect(answer.fit!.warnings.map((w) => w.code)).toContain('other_currencies');

    const gone = (await ws.run((ctx) => personValue(ctx, lapsed))).figures!;
    expect(gone.pAlive).toBeLessThan(0.2);
    expect(gone.churnBand).toBe('high');
    expect(gone.health).toBeLessThan(f.health);
    const single = (await ws.run((ctx) => personValue(ctx, once))).figures!;
    expect(single).toMatchObject({
      x: 0,
      repeatSpendMinor: null,
      rfm: expect.objectContaining({ frequency: 1, monetaryMinor: 5000 }),
    });
  });

  it('adds sentiment, contact recency and complaints to health when known, renormalising weights', async () => {
    await ws.run((ctx) =>
      logInteraction(ctx, {
        channel: 'email',
        direction: 'outbound',
        occurredAt: ago(5),
        subject: 'Your order',
        body: 'It has shipped.',
        people: [{ personId: lapsed, role: 'to' }],
      }),
    );
    await ws.run(recomputeValueNow);
    const reasons = (await ws.run((ctx) => personValue(ctx, lapsed))).figures!.healthReasons;
    expect(reasons.find((r) => r.component === 'contact')).toMatchObject({
      score: 100,
      reason: 'Last in touch 5 days ago.',
    });
    expect(reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 2);
  });

  it('counts open complaint cases and broken promises in health, in plain words', async () => {
    const due = new Date(clock.now().getTime() + 2 * DAY).toISOString();
    await ws.run(async (ctx) => {
      await createCase(ctx, { type: 'complaint', subject: 'Parcel lost', personId: lapsed });
      await createCase(ctx, { type: 'question', subject: 'Invoice copy', personId: lapsed });
      const broken = await createPromise(ctx, { what: 'Refund by Friday', personId: lapsed, dueAt: due });
      await breakPromise(ctx, broken.id);
      const again = await createPromise(ctx, { what: 'Call back', personId: lapsed, dueAt: due });
      await breakPromise(ctx, again.id);
      const kept = await createPromise(ctx, { what: 'New parcel', personId: lapsed, dueAt: due });
      await keepPromise(ctx, kept.id);
    });
    await ws.run(recomputeValueNow);
    const reasons = (await ws.run((ctx) => personValue(ctx, lapsed))).figures!.healthReasons;
    expect(reasons.find((r) => r.component === 'complaints')).toMatchObject({
      score: 40,
      reason: '1 open complaint (1 case not yet done).',
    });
    expect(reasons.find((r) => r.component === 'promises')).toMatchObject({
      score: 33,
      reason: '2 promises broken in the last 180 days (1 kept).',
    });
    expect(reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 2);
    // Without a promise the component is left out (unknown, not good).
    const other = (await ws.run((ctx) => personValue(ctx, loyal))).figures!.healthReasons;
    expect(other.map((r) => r.component)).not.toContain('promises');
    expect(other.find((r) => r.component === 'complaints')!.reason).toBe('No open complaints.');
  });

  it('filters and sorts the people list on the figures, those without last, and shows them on rows', async () => {
    const noOrders = await ws.run((ctx) => createPerson(ctx, { firstName: 'Zero', lastName: 'Orders' }));
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ws.run((ctx) =>
        listPeople(ctx, { sort: '-clv', limit: 7, ...(cursor ? { cursor } : {}) }),
      );
      all.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      if (all.length === 7) expect(page.data[0]!.value).toMatchObject({ currency: 'EUR' });
    } while (cursor);
    expect(all).toHaveLength(people.length + 3 + 1);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(loyal);
    expect(all.at(-1)).toBe(noOrders.id);
    const up = await ws.run((ctx) => listPeople(ctx, { sort: 'health', limit: 200 }));
    const healths = up.data.flatMap((p) => (p.value ? [p.value.health] : []));
    expect(healths).toEqual([...healths].sort((a, b) => a - b));
    expect(up.data.at(-1)!.value).toBeNull();

    const risky = await ws.run((ctx) => listPeople(ctx, { churnRisk: 'high', limit: 200 }));
    expect(risky.data.map((p) => p.id)).toContain(lapsed);
    expect(risky.data.every((p) => p.value?.churnBand === 'high')).toBe(true);
    const rich = await ws.run((ctx) => listPeople(ctx, { minClv: 100_000, minHealth: 50, limit: 200 }));
    expect(rich.data.map((p) => p.id)).toContain(loyal);
    expect(rich.data.every((p) => p.value!.clvMinor >= 100_000 && p.value!.health >= 50)).toBe(true);
    const bad = await appError(ws.run((ctx) => listPeople(ctx, { maxHealth: 101 as number })));
    expect(bad.details[0]!.path).toBe('maxHealth');
  });

  it('answers the dashboard: distribution, segments, quadrants, cohorts, repeat rate, tracking, health', async () => {
    const view = await ws.run((ctx) =>
      createSavedView(ctx, { kind: 'people', name: 'At risk', filters: { churnRisk: ['high'] } }),
    );
    const d = await ws.run((ctx) => getValueDashboard(ctx, {}));
    expect(d.customers).toBe(63);
    expect(d.clvDistribution.bins.reduce((s, b) => s + b.customers, 0)).toBe(63);
    expect(d.clvBySegment.views).toEqual([expect.objectContaining({ viewId: view.id, name: 'At risk' })]);
    expect(d.clvBySegment.relationshipTypes).toEqual([
      expect.objectContaining({ relationshipType: 'customer', customers: 63 }),
    ]);
    expect(d.quadrants.cells.reduce((s, c) => s + c.customers, 0)).toBe(63);
    // Valuable and slipping, not gone: the lapsed weekly buyer (P(alive) ~ 0) is a win-back, not a save.
    expect(d.quadrants.saveFirst.length).toBeGreaterThan(0);
    expect(d.quadrants.saveFirst.map((s) => s.subjectId)).not.toContain(lapsed);
    for (const s of d.quadrants.saveFirst) {
      expect(s.pAlive).toBeGreaterThanOrEqual(0.05);
      expect(s.monetaryMinor).toBeGreaterThanOrEqual(d.quadrants.valueThresholdMinor);
    }
    expect(d.quadrants.saveFirst.every((s) => s.name && s.name !== s.subjectId)).toBe(true);
    expect(d.repeatRate).toEqual({ customers: 63, repeaters: expect.any(Number), rate: expect.any(Number) });
    expect(d.cohorts.length).toBeGreaterThan(0);
    expect(d.tracking!.weeks.length).toBeGreaterThan(50);
    const last = d.tracking!.weeks.at(-1)!;
    expect(last.holdout).toBe(true);
    expect(last.cumulativePredicted).toBeGreaterThan(0);
    expect(d.tracking!.holdout.actual).toBeGreaterThan(0);
    expect(d.tracking!.holdout.predicted / d.tracking!.holdout.actual).toBeGreaterThan(0.3);
    expect(d.healthOverTime).toEqual([expect.objectContaining({ day: '2026-11-30', customers: 63 })]);
    const segment = await ws.run((ctx) => getValueDashboard(ctx, { viewId: view.id }));
    expect(segment.customers).toBeLessThan(63);
    expect(segment.customers).toBe(d.clvBySegment.views[0]!.customers);
  });

  it('validates settings, and a change to companies recomputes for companies', async () => {
    for (const [patch, path] of [
      [{ horizonWeeks: 0 }, 'horizonWeeks'],
      [{ horizonWeeks: 521 }, 'horizonWeeks'],
      [{ annualDiscountRate: 1.5 }, 'annualDiscountRate'],
      [{ margin: 0 }, 'margin'],
      [{ currency: 'EURO' }, 'currency'],
      [{ model: 'pareto' }, 'model'],
      [{ customerUnit: 'team' }, 'customerUnit'],
    ] as const) {
      const error = await appError(ws.run((ctx) => updateValueSettings(ctx, patch as never)));
      expect(error.details[0]!.path).toBe(path);
    }
    expect(await ws.run(getValueSettings)).toMatchObject({
      customerUnit: 'person',
      horizonWeeks: 52,
      updatedAt: null,
    });
    const company = await ws.run((ctx) => createCompany(ctx, { name: 'Acme' }));
    await ws.run(async (ctx) => {
      await createMembership(ctx, { personId: loyal, companyId: company.id, level: 'executive' });
      await createOrders(ctx, [
        { companyId: company.id, orderedAt: ago(200), currency: 'EUR', totalMinor: 90_000 },
        { companyId: company.id, orderedAt: ago(100), currency: 'EUR', totalMinor: 90_000 },
      ]);
    });
    const settings = await ws.run((ctx) =>
      updateValueSettings(ctx, { customerUnit: 'company', model: 'paretoNbd', margin: 0.3 }),
    );
    expect(settings).toMatchObject({ customerUnit: 'company', model: 'paretoNbd', margin: 0.3 });
    await work();
    const acme = await ws.run((ctx) => companyValue(ctx, company.id));
    expect(acme.figures).toMatchObject({ subjectType: 'company', x: 1 });
    expect(acme.figures!.healthReasons.find((r) => r.component === 'coverage')!.reason).toMatch(
      /No contact with executives/,
    );
    expect(acme.fit).toMatchObject({ model: 'paretoNbd', customerUnit: 'company', customers: 1 });
    // The people's figures are gone with the change of unit.
    expect((await ws.run((ctx) => personValue(ctx, loyal))).figures).toBeNull();
  });

  it('a refund queues a recompute, and the refunded purchase no longer counts', async () => {
    await ws.run((ctx) => updateValueSettings(ctx, { customerUnit: 'person', model: 'bgnbd' }));
    const [order] = await ws.run((ctx) =>
      createOrders(ctx, [{ personId: once, orderedAt: ago(1), currency: 'EUR', totalMinor: 100 }]),
    );
    clock.advance(61_000);
    await work();
    expect((await ws.run((ctx) => personValue(ctx, once))).figures!.x).toBe(1);
    await ws.run((ctx) => refundOrder(ctx, (order as { id: string }).id, {}));
    expect((await jobs()).some((j) => j.key === 'orders' && j.state === 'queued')).toBe(true);
    clock.advance(61_000);
    await work();
    expect((await ws.run((ctx) => personValue(ctx, once))).figures!.x).toBe(0);
  });
});
