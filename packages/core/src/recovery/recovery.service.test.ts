import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCalendar,
  createCase,
  createRootCause,
  createSlaPolicy,
  transitionCase,
  updateCase,
  updateCaseSettings,
} from '../cases/cases.service.ts';
import { createOrders } from '../orders/orders.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { answerSurvey, createSurvey, inviteToSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { recomputeValueNow } from '../value/value.service.ts';
import { getRecoveryOutcomes, getResolutionTimes, getRootCausePareto } from './recovery.service.ts';

let db: Db;
let ws: TestWorkspace;
// T0: the complaints are opened then; the analysis runs 200 days later.
const T0 = new Date('2026-01-05T10:00:00Z');
const clock = fixedClock(T0);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY).toISOString();
const base = { baseUrl: 'https://crm.example.test' };
const who: Record<string, string> = {};
const allDay = [{ from: '00:00', to: '24:00' }];

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  const sys = systemCtx(db, clock);
  await ws.run(async (ctx) => {
    const calendar = await createCalendar(ctx, {
      name: 'Always',
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    });
    await createSlaPolicy(ctx, {
      name: 'Normal',
      severity: 'normal',
      calendarId: calendar.id,
      acknowledgeMinutes: 60,
      resolveMinutes: 120,
    });
    const csat = await createSurvey(ctx, { name: 'Support CSAT', kind: 'csat', minDaysBetween: 0 });
    await updateSurvey(ctx, csat.id, { status: 'active' });
    await updateCaseSettings(ctx, { csatSurveyId: csat.id });
    // Ten buyers with a history; A–D complain at T0, E–J never do (E opens a question).
    const orders = [];
    for (const name of 'ABCDEFGHIJ') {
      const person = await createPerson(ctx, {
        firstName: name,
        email: `${name.toLowerCase()}@example.test`,
      });
      who[name] = person.id;
      for (const day of [-300, -200, -100])
        orders.push({
          personId: person.id,
          orderedAt: at(day),
          currency: 'EUR',
          totalMinor: 4000 + 100 * day,
        });
    }
    orders.push(
      { personId: who.E!, orderedAt: at(-40), currency: 'EUR', totalMinor: 5000 },
      { personId: who.A!, orderedAt: at(30), currency: 'EUR', totalMinor: 9000 },
      { personId: who.B!, orderedAt: at(120), currency: 'EUR', totalMinor: 3000 },
      { personId: who.D!, orderedAt: at(150), currency: 'EUR', totalMinor: 3000 },
    );
    await createOrders(ctx, orders);
  });
  await ws.run(recomputeValueNow);

  const complaint = (name: string) =>
    ws.run((ctx) =>
      createCase(ctx, { type: 'complaint', subject: `Complaint of ${name}`, personId: who[name]! }),
    );
  const resolve = (id: string) =>
    ws.run(async (ctx) => {
      await transitionCase(ctx, id, { to: 'acknowledged' }, base);
      return transitionCase(ctx, id, { to: 'resolved', resolution: 'Sorted' }, base);
    });
  const a = await complaint('A');
  const b = await complaint('B');
  const c = await complaint('C');
  await complaint('D');
  await ws.run((ctx) =>
    createCase(ctx, { type: 'question', subject: 'Where is my invoice?', personId: who.E! }),
  );
  const ra = await resolve(a.id);
  const rb = await resolve(b.id);
  await answerSurvey(sys, tokenOf(ra.followUp!.link!), { score: '5' });
  await answerSurvey(sys, tokenOf(rb.followUp!.link!), { score: '2' });
  clock.advance(3 * HOUR);
  const rc = await resolve(c.id);
  await answerSurvey(sys, tokenOf(rc.followUp!.link!), { score: '5' });

  // NPS answers 10 days on: A a promoter, E a detractor.
  clock.set(at(10));
  const nps = await ws.run(async (ctx) => {
    const survey = await createSurvey(ctx, { name: 'NPS', kind: 'nps', minDaysBetween: 0 });
    await updateSurvey(ctx, survey.id, { status: 'active' });
    return inviteToSurvey(ctx, survey.id, { personIds: [who.A!, who.E!] }, base);
  });
  for (const invited of nps.created)
    await answerSurvey(sys, tokenOf(invited.link), { score: invited.personId === who.A ? '10' : '3' });
  for (const day of [90, 180]) {
    clock.set(at(day));
    await ws.run(recomputeValueNow);
  }
  clock.set(at(200));
});
afterAll(() => db.close());

describe('service recovery outcomes', () => {
  it('compares repurchase, NPS and CLV change of the four groups over 90 and 180 days', async () => {
    const r = await ws.run((ctx) => getRecoveryOutcomes(ctx));
    const group = (name: string) => r.groups.find((g) => g.group === name)!;
    const w = (name: string, days: number) => group(name).windows.find((x) => x.days === days)!;
    expect(r.customerUnit).toBe('person');
    expect(group('recovered').customers).toBe(1);
    expect(group('unsatisfied_or_late').customers).toBe(2);
    expect(group('unresolved').customers).toBe(1);
    expect(r.sampleLimit).toBe(8_000);
    expect(r.excluded.unrated).toBe(0);
    expect(group('never_complained').customers).toBe(6);

    expect(w('recovered', 90).repurchase).toMatchObject({ n: 1, buyers: 1, rate: 1 });
    expect(w('recovered', 90).repurchase.ci!.low).toBeCloseTo(0.025, 3);
    expect(w('unsatisfied_or_late', 90).repurchase).toMatchObject({ n: 2, buyers: 0, rate: 0 });
    expect(w('unsatisfied_or_late', 180).repurchase).toMatchObject({ n: 2, buyers: 1, rate: 0.5 });
    expect(w('unresolved', 180).repurchase).toMatchObject({ n: 1, buyers: 1 });
    // The comparison counts from its first order of the period (day −100): E bought again on day −40.
    expect(w('never_complained', 90).repurchase).toMatchObject({ n: 6, buyers: 1 });

    expect(w('recovered', 90).nps).toMatchObject({ n: 1, promoters: 1, detractors: 0, score: 100 });
    expect(w('never_complained', 90).nps.n).toBe(0);
    expect(w('never_complained', 180).nps).toMatchObject({ n: 1, detractors: 1, score: -100 });
    expect(w('never_complained', 180).nps.ci).toEqual({ low: -100, high: -100 });

    // CLV snapshots on days 0, 90 and 180: the complainers have both ends; the comparison's start
    // (day −100) has none.
    expect(w('recovered', 90).clvChange.n).toBe(1);
    expect(typeof w('recovered', 90).clvChange.meanMinor).toBe('number');
    expect(w('unsatisfied_or_late', 180).clvChange.n).toBe(2);
    expect(w('unsatisfied_or_late', 180).clvChange.ci).not.toBeNull();
    expect(w('never_complained', 90).clvChange).toMatchObject({ n: 0, meanMinor: null, ci: null });
    expect(r.findings.some((f) => /intervals overlap: no evidence either way/.test(f))).toBe(true);
  });

  it('counts a window only once it has ended, and refuses a period that ends before it starts', async () => {
    const r = await ws.run((ctx) => getRecoveryOutcomes(ctx, { since: '2026-01-01', until: '2026-01-06' }));
    const recovered = r.groups.find((g) => g.group === 'recovered')!;
    expect(recovered.customers).toBe(1);
    const early = await ws.run(async (ctx) => {
      clock.set(at(100));
      try {
        return await getRecoveryOutcomes(ctx, { since: '2026-01-01', until: '2026-01-06' });
      } finally {
        clock.set(at(200));
      }
    });
    const g = early.groups.find((x) => x.group === 'recovered')!;
    expect(g.windows.map((x) => x.customers)).toEqual([1, 0]);
    const wrong = await appError(
      ws.run((ctx) => getRecoveryOutcomes(ctx, { since: '2026-02-01', until: '2026-01-01' })),
    );
    expect(wrong.details[0]!.path).toBe('since');
  });
});

describe("CLV change from the history's change points", () => {
  it('takes the CLV at the reference day from the last point before it, however old', async () => {
    // B's figures written on the complaint day: moved two months back, the point still holds then.
    const before = await ws.run((ctx) => getRecoveryOutcomes(ctx));
    const moved = await db.kysely
      .updateTable('health_history')
      .set({ day: at(-60).slice(0, 10) })
      .where('subject_id', '=', who.B!)
      .where('day', '=', at(0).slice(0, 10))
      .executeTakeFirst();
    expect(Number(moved.numUpdatedRows)).toBe(1);
    const after = await ws.run((ctx) => getRecoveryOutcomes(ctx));
    const change = (r: typeof after) =>
      r.groups.find((g) => g.group === 'unsatisfied_or_late')!.windows.find((w) => w.days === 180)!.clvChange;
    expect(change(after)).toEqual(change(before));
    expect(change(after).n).toBe(2);
  });
});

describe('root causes and times', () => {
  it('ranks root causes with cumulative shares and their trend', async () => {
    await ws.run(async (ctx) => {
      const late = await createRootCause(ctx, { name: 'Late courier' });
      const broken = await createRootCause(ctx, { name: 'Damaged in transit' });
      clock.set(at(-100));
      for (let i = 0; i < 2; i++) {
        const k = await createCase(ctx, { type: 'complaint', subject: 'Old', personId: who.F! });
        await updateCase(ctx, k.id, { rootCauseId: broken.id });
      }
      clock.set(at(195));
      for (let i = 0; i < 12; i++) {
        const k = await createCase(ctx, { type: 'complaint', subject: 'Late again', personId: who.G! });
        await updateCase(ctx, k.id, { rootCauseId: late.id });
      }
      const k = await createCase(ctx, { type: 'complaint', subject: 'Dented', personId: who.H! });
      await updateCase(ctx, k.id, { rootCauseId: broken.id });
      clock.set(at(200));
    });
    const p = await ws.run((ctx) => getRootCausePareto(ctx, { period: '180d' }));
    expect(p.data.map((d) => [d.name, d.count, d.previousCount, d.cumulativeShare, d.trend])).toEqual([
      ['Late courier', 12, 0, 0.9231, 'rising'],
      ['Damaged in transit', 1, 2, 1, 'steady'],
    ]);
    expect(p.withoutCause).toBe(0);
    expect(p.cases).toBe(13);
    const complaintsOnly = await ws.run((ctx) =>
      getRootCausePareto(ctx, { period: '365d', type: 'question' }),
    );
    expect(complaintsOnly.data).toEqual([]);
  });

  it('gives the distributions of time to acknowledge and to resolve', async () => {
    const t = await ws.run((ctx) => getResolutionTimes(ctx, { since: '2026-01-01', until: '2026-01-06' }));
    expect(t.acknowledge.n).toBe(3);
    expect(t.resolve.n).toBe(3);
    expect(t.acknowledge.bins[0]).toMatchObject({ label: '< 1 h', count: 2 });
    expect(t.acknowledge.bins[1]).toMatchObject({ label: '1–4 h', count: 1 });
    expect(t.acknowledge.medianHours).toBe(0);
    expect(t.acknowledge.p90Hours).toBeCloseTo(2.4, 5);
    expect(t.open).toEqual({ unacknowledged: 2, unresolved: 2 });
    expect(t.resolve.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });
});
