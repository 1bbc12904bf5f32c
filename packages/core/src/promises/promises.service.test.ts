import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/cases.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createWorker } from '../jobs/jobs.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { listTasks } from '../tasks/tasks.service.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { companyTimeline, personTimeline } from '../timeline/timeline.service.ts';
import {
  breakPromise,
  brokenPromisesOf,
  createPromise,
  draftPromiseMessage,
  getPromise,
  keepPromise,
  listPromises,
  promiseJobTypes,
  promiseKeptRate,
  renegotiatePromise,
} from './promises.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
let personId: string;
let companyId: string;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  personId = (await ws.run((ctx) => createPerson(ctx, { firstName: 'Lea', email: 'lea@example.test' }))).id;
  companyId = (await ws.run((ctx) => createCompany(ctx, { name: 'Lea GmbH' }))).id;
  await ws.run((ctx) => createMembership(ctx, { personId, companyId }));
});
afterAll(() => db.close());

const at = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

describe('the promise ledger', () => {
  it('needs a due date and a customer; copies the customer from a case', async () => {
    const noDue = await appError(
      ws.run((ctx) => createPromise(ctx, { what: 'Call back', personId } as never)),
    );
    expect(noDue.details[0]).toEqual({
      path: 'dueAt',
      message: expect.stringMatching(/^required: a promise needs a due date/),
    });
    const nobody = await appError(ws.run((ctx) => createPromise(ctx, { what: 'Call back', dueAt: at(2) })));
    expect(nobody.details[0]!.path).toBe('personId');
    const c = await ws.run((ctx) =>
      createCase(ctx, { type: 'issue', subject: 'Broken grinder', personId, team: 'Support EMEA' }),
    );
    const p = await ws.run((ctx) =>
      createPromise(ctx, { what: 'Send a replacement grinder', dueAt: at(48), caseId: c.id }),
    );
    expect(p).toMatchObject({
      status: 'open',
      personId,
      companyId,
      companyName: 'Lea GmbH',
      caseId: c.id,
      team: 'Support EMEA',
      ownerId: ws.adminId,
      atRisk: false,
    });
    expect(p.history.map((e) => e.type)).toEqual(['made']);
  });

  it('renegotiates only with a reason, and says whether the customer was told', async () => {
    const p = await ws.run((ctx) =>
      createPromise(ctx, { what: 'Refund the shipping', dueAt: at(24), personId }),
    );
    const noReason = await appError(
      ws.run((ctx) => renegotiatePromise(ctx, p.id, { dueAt: at(72) } as never)),
    );
    expect(noReason.details.map((d) => d.path)).toEqual(['reason', 'toldCustomer']);
    const empty = await appError(
      ws.run((ctx) => renegotiatePromise(ctx, p.id, { dueAt: at(72), reason: ' ', toldCustomer: true })),
    );
    expect(empty.details[0]).toEqual({ path: 'reason', message: 'required: say why the date moves' });
    const moved = await ws.run((ctx) =>
      renegotiatePromise(ctx, p.id, {
        dueAt: at(72),
        reason: 'Finance closes the month first',
        toldCustomer: true,
      }),
    );
    expect(moved).toMatchObject({
      status: 'renegotiated',
      dueAt: at(72),
      originalDueAt: at(24),
      renegotiations: 1,
    });
    expect(moved.history[1]).toMatchObject({
      type: 'renegotiated',
      fromDueAt: at(24),
      toDueAt: at(72),
      toldCustomer: true,
    });
    const kept = await ws.run((ctx) => keepPromise(ctx, p.id));
    expect(kept).toMatchObject({ status: 'kept', keptLate: false });
    const again = await appError(ws.run((ctx) => breakPromise(ctx, p.id)));
    expect(again.code).toBe('conflict');
  });

  it('reminds the owner before the due date and breaks open promises at it (job, injected time)', async () => {
    clock.set('2026-03-10T09:00:00Z');
    const p = await ws.run((ctx) =>
      createPromise(ctx, { what: 'Call back with the tracking number', dueAt: at(30), personId }),
    );
    const worker = createWorker(systemCtx(db, clock), {
      types: promiseJobTypes,
      clock,
      workspaceId: ws.workspaceId,
    });
    await worker.runDue();
    expect((await ws.run((ctx) => getPromise(ctx, p.id))).remindedAt).toBeNull();
    clock.advance(7 * HOUR); // 23 hours before: inside the default 24-hour reminder window
    await worker.runDue();
    const reminded = await ws.run((ctx) => getPromise(ctx, p.id));
    expect(reminded.remindedAt).toBe(clock.now().toISOString());
    expect(reminded.atRisk).toBe(true);
    const tasks = await ws.run((ctx) => listTasks(ctx, { personId, status: 'open' }));
    expect(tasks.data.map((t) => t.title)).toContain(
      `Promise due 2026-03-11 15:00 UTC: Call back with the tracking number`,
    );
    const draft = await ws.run((ctx) =>
      draftPromiseMessage(ctx, p.id, {
        reason: 'the carrier has not scanned it yet',
        newDueAt: '2026-03-12T12:00:00Z',
      }),
    );
    expect(draft.body).toMatch(/^Hello Lea,/);
    expect(draft.body).toContain('I promised you: Call back with the tracking number, by Wednesday 11 March');
    expect(draft.body).toContain('because the carrier has not scanned it yet');
    expect(draft.body).toContain('Thursday 12 March');
    clock.advance(24 * HOUR);
    await worker.runDue();
    const broken = await ws.run((ctx) => getPromise(ctx, p.id));
    expect(broken).toMatchObject({ status: 'broken', brokenAt: '2026-03-11T15:00:00.000Z' });
    expect(broken.history.map((e) => e.type)).toEqual(['made', 'reminded', 'broken']);
    const late = await appError(ws.run((ctx) => keepPromise(ctx, p.id)));
    expect(late.message).toMatch(/was broken on 2026-03-11 15:00 UTC/);
  });

  it('computes kept rates per owner, team, company and month; counts for the health score', async () => {
    const rate = await ws.run((ctx) =>
      promiseKeptRate(ctx, { by: 'owner', from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }),
    );
    expect(rate.data).toEqual([
      expect.objectContaining({
        key: ws.adminId,
        name: 'Test Admin',
        promises: 3,
        keptOnTime: 1,
        keptLate: 0,
        broken: 2,
        open: 0,
        renegotiated: 1,
        keptRate: 0.333,
      }),
    ]);
    const byMonth = await ws.run((ctx) =>
      promiseKeptRate(ctx, { by: 'month', from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }),
    );
    expect(byMonth.data.map((r) => r.key)).toEqual(['2026-03']);
    const byCompany = await ws.run((ctx) =>
      promiseKeptRate(ctx, { by: 'company', from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }),
    );
    expect(byCompany.data[0]).toMatchObject({ key: companyId, name: 'Lea GmbH' });
    const bad = await appError(
      ws.run((ctx) => promiseKeptRate(ctx, { from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })),
    );
    expect(bad.details[0]!.path).toBe('from');
    const counts = await ws.run((ctx) => brokenPromisesOf(ctx, 'person', [personId, 'per_nobody']));
    // The case's promise (due 2026-03-04) broke when the job ran on the 10th.
    expect(counts.get(personId)).toEqual({ broken: 2, kept: 1, open: 0 });
    expect(counts.get('per_nobody')).toEqual({ broken: 0, kept: 0, open: 0 });
    const ofCompany = await ws.run((ctx) => brokenPromisesOf(ctx, 'company', [companyId]));
    expect(ofCompany.get(companyId)).toEqual({ broken: 2, kept: 1, open: 0 });
    // Without ids (the recompute of every customer): the customers with a promise, only.
    const everyone = await ws.run((ctx) => brokenPromisesOf(ctx, 'person'));
    expect(everyone.get(personId)).toEqual({ broken: 2, kept: 1, open: 0 });
    expect(everyone.has('per_nobody')).toBe(false);
    const broken = await ws.run((ctx) => listPromises(ctx, { status: 'broken', ownerId: 'me' }));
    expect(broken.data).toHaveLength(2);
  });

  it('shows promises made, renegotiated, kept and broken on the person and company timelines', async () => {
    const person = await ws.run((ctx) => personTimeline(ctx, personId, { kind: 'promise', limit: 50 }));
    const types = person.data.map((e) => (e.kind === 'promise' ? e.promiseEvent.type : e.kind));
    expect(types.sort()).toEqual(['broken', 'broken', 'kept', 'made', 'made', 'made', 'renegotiated']);
    const company = await ws.run((ctx) =>
      companyTimeline(ctx, companyId, { kind: ['promise', 'case'], limit: 50 }),
    );
    expect(company.data.some((e) => e.kind === 'case')).toBe(true);
    expect(company.data.filter((e) => e.kind === 'promise')).toHaveLength(7);
  });
});
