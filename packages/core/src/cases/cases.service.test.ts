import { describe, expect, it } from 'vitest';
import { createWorker } from '../jobs/jobs.service.ts';
import { updatePerson } from '../people/people.service.ts';
import { systemCtx } from '../shared/context.ts';
import { listTasks } from '../tasks/tasks.service.ts';
import { appError } from '../testing.ts';
import { personTimeline } from '../timeline/timeline.service.ts';
import { createWebhook } from '../webhooks/webhooks.service.ts';
import {
  caseHistory,
  createCalendar,
  createRootCause,
  createSlaPolicy,
  evaluateSla,
  getCase,
  listCases,
  slaJobTypes,
} from './cases.service.ts';

import { calendarId, clock, db, move, open, personId, setupCases, weekdays, ws } from './cases.testing.ts';

setupCases();

describe('business calendars and SLA policies', () => {
  it('refuses a calendar without business hours and a policy without a calendar', async () => {
    const noHours = await appError(
      ws.run((ctx) => createCalendar(ctx, { name: 'Never', timeZone: 'Europe/Berlin', hours: {} })),
    );
    expect(noHours.details[0]).toMatchObject({
      path: 'hours',
      message: expect.stringMatching(/business hours/),
    });
    const badZone = await appError(
      ws.run((ctx) => createCalendar(ctx, { name: 'X', timeZone: 'Mars/Base', hours: weekdays })),
    );
    expect(badZone.details[0]!.path).toBe('timeZone');
    const overlap = await appError(
      ws.run((ctx) =>
        createCalendar(ctx, {
          name: 'X',
          timeZone: 'Europe/Berlin',
          hours: {
            mon: [
              { from: '09:00', to: '13:00' },
              { from: '12:00', to: '17:00' },
            ],
          },
        }),
      ),
    );
    expect(overlap.details[0]!.path).toBe('hours.mon.1');
    const noCalendar = await appError(
      ws.run((ctx) =>
        createSlaPolicy(ctx, {
          name: 'X',
          severity: 'low',
          calendarId: 'cal_nope',
          acknowledgeMinutes: 1,
          resolveMinutes: 2,
        }),
      ),
    );
    expect(noCalendar.code).toBe('validation_failed');
    expect(noCalendar.details[0]).toMatchObject({
      path: 'calendarId',
      message: expect.stringMatching(/business hours/),
    });
    const twice = await appError(
      ws.run((ctx) =>
        createSlaPolicy(ctx, {
          name: 'Again',
          severity: 'high',
          calendarId,
          acknowledgeMinutes: 1,
          resolveMinutes: 2,
        }),
      ),
    );
    expect(twice.code).toBe('conflict');
  });
});

describe('cases', () => {
  it('opens with deadlines in business time: Friday 16:30 + 4 h is Monday 12:30 Berlin', async () => {
    const c = await open();
    expect(c).toMatchObject({ status: 'new', tier: 'standard', slaState: 'ok', ownerId: ws.adminId });
    expect(c.sla!.acknowledge).toMatchObject({
      dueAt: '2026-01-19T11:30:00.000Z',
      remainingMinutes: 240,
      state: 'ok',
    });
    // 16 business hours: Friday 30 min, Monday 8 h, Tuesday 7 h 30 → Tuesday 16:30 CET.
    expect(c.sla!.resolve.dueAt).toBe('2026-01-20T15:30:00.000Z');
    expect(c.reference).toMatch(/^C-[0-9A-Z]{6}$/);
  });

  it('picks the policy of the customer’s tier', async () => {
    await ws.run((ctx) => updatePerson(ctx, personId, { serviceTier: 'gold' }));
    const c = await open();
    expect(c.tier).toBe('gold');
    // 60 business minutes: Friday 16:30–17:00, Monday 09:00–09:30 CET.
    expect(c.sla!.acknowledge.dueAt).toBe('2026-01-19T08:30:00.000Z');
    await ws.run((ctx) => updatePerson(ctx, personId, { serviceTier: 'standard' }));
    const none = await open({ severity: 'low' });
    expect(none.sla).toBeNull();
    expect(none.slaState).toBe('none');
  });

  it('follows the status flow and refuses illegal transitions naming from and to', async () => {
    const c = await open();
    const illegal = await appError(move(c.id, 'closed'));
    expect(illegal.code).toBe('conflict');
    expect(illegal.message).toMatch(/from new to closed/);
    expect(illegal.details[0]!.path).toBe('to');
    await move(c.id, 'acknowledged');
    const noResolution = await appError(move(c.id, 'resolved'));
    expect(noResolution.details[0]!.path).toBe('resolution');
    const rootCause = await ws.run((ctx) => createRootCause(ctx, { name: 'Carrier delay' }));
    const resolved = await move(c.id, 'resolved', {
      resolution: 'Resent by express',
      rootCauseId: rootCause.id,
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      rootCauseName: 'Carrier delay',
      resolution: 'Resent by express',
    });
    expect(resolved.followUp!.message).toMatch(/No CSAT survey is set/);
    const reopened = await move(c.id, 'in_progress');
    expect(reopened).toMatchObject({ status: 'in_progress', reopenedCount: 1, resolvedAt: null });
    const history = await ws.run((ctx) => caseHistory(ctx, c.id));
    expect(history.data.map((e) => e.toStatus)).toEqual(['new', 'acknowledged', 'resolved', 'in_progress']);
  });

  it('pauses the resolve clock while waiting on the customer and moves the deadline on', async () => {
    clock.set('2026-01-19T08:00:00Z'); // Monday 09:00 CET
    const c = await open();
    expect(c.sla!.resolve.dueAt).toBe('2026-01-20T16:00:00.000Z'); // Tuesday 17:00 CET
    await move(c.id, 'acknowledged');
    await move(c.id, 'waiting_on_customer');
    clock.set('2026-01-20T10:00:00Z'); // Tuesday 11:00: 8 business hours waited
    const paused = await ws.run((ctx) => getCase(ctx, c.id));
    expect(paused.sla).toMatchObject({ paused: true });
    expect(paused.sla!.resolve.remainingMinutes).toBe(960);
    const resumed = await move(c.id, 'in_progress');
    // 16 business hours from Tuesday 11:00 CET: Tuesday 6 h, Wednesday 8 h, Thursday 2 h → 11:00.
    expect(resumed.sla!.resolve.dueAt).toBe('2026-01-22T10:00:00.000Z');
    expect(resumed.sla!.paused).toBe(false);
  });

  it('warns and marks breaches in the background: a task for the owner and webhook events', async () => {
    clock.set('2026-01-19T08:00:00Z');
    await ws.run((ctx) =>
      createWebhook(ctx, {
        url: 'https://hooks.example.test/x',
        eventTypes: ['case.sla_warning', 'case.sla_breached'],
      }),
    );
    const c = await open({ subject: 'Breach me' });
    const worker = createWorker(systemCtx(db, clock), {
      types: slaJobTypes,
      clock,
      workspaceId: ws.workspaceId,
    });
    await worker.runDue();
    clock.set('2026-01-19T11:15:00Z'); // 12:15 CET: 195 of 240 minutes used, past 80 %
    await worker.runDue();
    let now = await ws.run((ctx) => getCase(ctx, c.id));
    expect(now.slaState).toBe('warning');
    clock.set('2026-01-19T12:05:00Z'); // past the acknowledge deadline (13:00 CET)
    await worker.runDue();
    now = await ws.run((ctx) => getCase(ctx, c.id));
    expect(now.slaState).toBe('breached');
    expect(now.sla!.acknowledge.state).toBe('breached');
    const history = await ws.run((ctx) => caseHistory(ctx, c.id));
    expect(history.data.filter((e) => e.type.startsWith('sla_')).map((e) => e.type)).toEqual([
      'sla_warning',
      'sla_breached',
    ]);
    const tasks = await ws.run((ctx) => listTasks(ctx, { personId, status: 'open', limit: 100 }));
    const titles = tasks.data.filter((t) => t.title.includes(now.reference)).map((t) => t.title.slice(0, 13));
    expect(titles.sort()).toEqual(['SLA breached:', 'SLA warning: ']);
    const messages = await db.scoped({ workspaceId: ws.workspaceId, actor: 'test' }, (tx) =>
      tx.db.selectFrom('webhook_messages').select('event_type').execute(),
    );
    expect(messages.map((m) => m.event_type).filter((t) => t.startsWith('case.sla'))).toEqual(
      expect.arrayContaining(['case.sla_warning', 'case.sla_breached']),
    );
    // Acknowledging late keeps the breach; the list filters by SLA state.
    const acked = await move(c.id, 'acknowledged');
    expect(acked.sla!.acknowledge.state).toBe('missed');
    expect(acked.slaState).toBe('breached');
    const breached = await ws.run((ctx) => listCases(ctx, { slaState: 'breached', limit: 200 }));
    expect(breached.data.map((x) => x.id)).toContain(c.id);
    const again = await ws.run((ctx) => evaluateSla(ctx));
    expect(again.breaches).toBe(0);
  });

  it('shows case openings and status changes on the person’s timeline', async () => {
    const timeline = await ws.run((ctx) => personTimeline(ctx, personId, { kind: 'case', limit: 200 }));
    expect(timeline.data.length).toBeGreaterThan(5);
    const entry = timeline.data.find((e) => e.kind === 'case')!;
    expect(entry.kind === 'case' && entry.caseEvent.caseSubject).toBeTruthy();
  });
});
