import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../companies/companies.service.ts';
import { logInteraction } from '../interactions/interactions.service.ts';
import { createWorker } from '../jobs/jobs.service.ts';
import { createPerson, updatePerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { createSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import { listTasks } from '../tasks/tasks.service.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { personTimeline } from '../timeline/timeline.service.ts';
import { createUser } from '../users/users.service.ts';
import { createWebhook } from '../webhooks/webhooks.service.ts';
import {
  addCompensation,
  caseHistory,
  createCalendar,
  createCase,
  createRootCause,
  createSlaPolicy,
  createStatusLink,
  decideCompensation,
  draftAcknowledgement,
  evaluateSla,
  getCase,
  listApprovals,
  listCases,
  openCaseStatus,
  revokeStatusLink,
  setCompensationLimits,
  slaJobTypes,
  transitionCase,
  updateCaseSettings,
} from './cases.service.ts';

let db: Db;
let ws: TestWorkspace;
// Friday 2026-01-16 16:30 in Berlin (CET, UTC+1).
const clock = fixedClock('2026-01-16T15:30:00Z');
const base = { baseUrl: 'https://crm.example.test' };
let calendarId: string;
let personId: string;

const nineToFive = [{ from: '09:00', to: '17:00' }];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  const cal = await ws.run((ctx) =>
    createCalendar(ctx, {
      name: 'Berlin office',
      timeZone: 'Europe/Berlin',
      hours: weekdays,
      holidays: [{ date: '2026-01-26', name: 'Company day' }],
    }),
  );
  calendarId = cal.id;
  await ws.run((ctx) =>
    createSlaPolicy(ctx, {
      name: 'Standard high',
      severity: 'high',
      calendarId,
      acknowledgeMinutes: 240,
      resolveMinutes: 960,
    }),
  );
  await ws.run((ctx) =>
    createSlaPolicy(ctx, {
      name: 'Gold high',
      severity: 'high',
      tier: 'gold',
      calendarId,
      acknowledgeMinutes: 60,
      resolveMinutes: 480,
    }),
  );
  personId = (
    await ws.run((ctx) => createPerson(ctx, { firstName: 'Ada', lastName: 'Ng', email: 'ada@example.test' }))
  ).id;
});
afterAll(() => db.close());

const open = (input: Partial<Parameters<typeof createCase>[1]> = {}) =>
  ws.run((ctx) =>
    createCase(ctx, { type: 'complaint', severity: 'high', subject: 'Late parcel', personId, ...input }),
  );
const move = (id: string, to: string, more: object = {}) =>
  ws.run((ctx) => transitionCase(ctx, id, { to: to as 'resolved', ...more }, base));

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

  it('sends a CSAT invitation on resolution when a survey is set', async () => {
    const survey = await ws.run((ctx) => createSurvey(ctx, { name: 'Support CSAT', kind: 'csat' }));
    await ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
    const who = await ws.run((ctx) => createPerson(ctx, { firstName: 'Bo', email: 'bo@example.test' }));
    await ws.run((ctx) => updateCaseSettings(ctx, { csatSurveyId: survey.id }));
    const c = await open({ personId: who.id });
    const done = await move(c.id, 'resolved', { resolution: 'Refunded' });
    expect(done.followUp).toMatchObject({
      surveyId: survey.id,
      invitationId: expect.stringMatching(/^inv_/),
    });
    expect(done.followUp!.link).toMatch(/^https:\/\/crm\.example\.test\/s\//);
    expect(done.csatInvitationId).toBe(done.followUp!.invitationId);
    const nps = await ws.run((ctx) => createSurvey(ctx, { name: 'NPS', kind: 'nps' }));
    const wrongKind = await appError(ws.run((ctx) => updateCaseSettings(ctx, { csatSurveyId: nps.id })));
    expect(wrongKind.details[0]!.path).toBe('csatSurveyId');
    await ws.run((ctx) => updateCaseSettings(ctx, { csatSurveyId: null }));
  });

  it('grants compensation within the role’s limit and asks a manager above it', async () => {
    const sys = systemCtx(db, clock);
    const agent = await createUser(sys, ws.workspaceId, {
      email: `agent-${Date.now()}@example.test`,
      name: 'Al Agent',
      password: 'correct horse battery staple',
      role: 'agent',
    });
    const manager = await createUser(sys, ws.workspaceId, {
      email: `mgr-${Date.now()}@example.test`,
      name: 'Mo Manager',
      password: 'correct horse battery staple',
      role: 'manager',
    });
    await ws.run((ctx) =>
      setCompensationLimits(ctx, {
        limits: [
          { role: 'agent', currency: 'EUR', maxAmountMinor: 5000 },
          { role: 'manager', currency: 'EUR', maxAmountMinor: 50000 },
        ],
      }),
    );
    const asAgent = ws.actorFor(agent.id, 'agent');
    const asManager = ws.actorFor(manager.id, 'manager');
    const c = await open();
    const small = await ws.run(
      (ctx) => addCompensation(ctx, c.id, { kind: 'voucher', amountMinor: 2500, currency: 'EUR' }),
      asAgent,
    );
    expect(small.status).toBe('approved');
    const refused = await appError(
      ws.run(
        (ctx) => addCompensation(ctx, c.id, { kind: 'refund', amountMinor: 12000, currency: 'EUR' }),
        asAgent,
      ),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.details[0]!.path).toBe('amountMinor');
    expect(refused.message).toMatch(
      /120\.00 EUR is above the limit of your role \(agent: up to 50\.00 EUR\)/,
    );
    const usd = await appError(
      ws.run(
        (ctx) => addCompensation(ctx, c.id, { kind: 'refund', amountMinor: 1, currency: 'usd' }),
        asAgent,
      ),
    );
    expect(usd.message).toMatch(/no USD compensation/);
    const asked = await ws.run(
      (ctx) =>
        addCompensation(ctx, c.id, {
          kind: 'refund',
          amountMinor: 12000,
          currency: 'EUR',
          requestApproval: true,
        }),
      asAgent,
    );
    expect(asked.status).toBe('pending');
    const queue = await ws.run((ctx) => listApprovals(ctx));
    expect(queue.data.map((x) => x.id)).toContain(asked.id);
    const self = await appError(
      ws.run((ctx) => decideCompensation(ctx, asked.id, { decision: 'approve' }), asAgent),
    );
    expect(self.code).toBe('forbidden');
    const approved = await ws.run(
      (ctx) => decideCompensation(ctx, asked.id, { decision: 'approve', note: 'Fair' }),
      asManager,
    );
    expect(approved).toMatchObject({ status: 'approved', decidedBy: manager.id });
    const twice = await appError(ws.run((ctx) => decideCompensation(ctx, asked.id, { decision: 'reject' })));
    expect(twice.code).toBe('conflict');
  });

  it('drafts an acknowledgement naming what went wrong, from a conversation', async () => {
    const talk = await ws.run((ctx) =>
      logInteraction(ctx, {
        channel: 'email',
        direction: 'inbound',
        subject: 'Where is my order?',
        body: 'My order #48213 never arrived and this is the third time I write to you.',
        people: [{ personId }],
      }),
    );
    const company = await ws.run((ctx) => createCompany(ctx, { name: 'Ng Ltd', serviceTier: 'gold' }));
    const c = await ws.run((ctx) =>
      createCase(ctx, {
        type: 'complaint',
        severity: 'high',
        category: 'delivery',
        source: { type: 'interaction', id: talk.id },
        companyId: company.id,
      }),
    );
    expect(c).toMatchObject({
      personId,
      companyId: company.id,
      subject: 'Where is my order?',
      tier: 'gold',
      source: { type: 'interaction', id: talk.id },
    });
    const draft = await ws.run((ctx) => draftAcknowledgement(ctx, c.id));
    expect(draft.namedIssue).toBe('your order #48213 never arrived');
    expect(draft.body).toMatch(/^Hello Ada,/);
    expect(draft.body).toContain("I'm sorry your order #48213 never arrived.");
    expect(draft.body).toMatch(/by \w+day \d+ January/);
    expect(draft.basedOn).toContain('category: delivery');
    const missing = await appError(
      ws.run((ctx) => createCase(ctx, { type: 'issue', source: { type: 'review', id: 'rev_nope' } })),
    );
    expect(missing.details[0]!.path).toBe('source.id');
  });

  it('shares an honest status page by a signed link: forged 404, revoked or closed long ago 410', async () => {
    const sys = systemCtx(db, clock);
    const c = await open({ subject: 'Internal: customer is furious', description: 'secret note' });
    const { link } = await ws.run((ctx) => createStatusLink(ctx, c.id, base));
    const token = link.split('/c/')[1]!;
    const view = await openCaseStatus(sys, token);
    expect(view).toMatchObject({
      reference: c.reference,
      status: 'new',
      headline: 'We have received your request',
      agentFirstName: 'Test',
    });
    expect(JSON.stringify(view)).not.toMatch(/furious|secret/);
    expect((await appError(openCaseStatus(sys, `${token.slice(0, -2)}xx`))).code).toBe('not_found');
    await ws.run((ctx) => revokeStatusLink(ctx, c.id));
    expect((await appError(openCaseStatus(sys, token))).code).toBe('gone');
    const again = await ws.run((ctx) => createStatusLink(ctx, c.id, base));
    const fresh = again.link.split('/c/')[1]!;
    expect((await appError(openCaseStatus(sys, token))).code).toBe('not_found'); // replaced
    await move(c.id, 'resolved', { resolution: 'Done' });
    await move(c.id, 'closed');
    expect((await openCaseStatus(sys, fresh)).status).toBe('closed');
    clock.advance(31 * 86_400_000);
    const gone = await appError(openCaseStatus(sys, fresh));
    expect(gone.code).toBe('gone');
    expect(gone.message).toMatch(/closed on/);
  });

  it('shows case openings and status changes on the person’s timeline', async () => {
    const timeline = await ws.run((ctx) => personTimeline(ctx, personId, { kind: 'case', limit: 200 }));
    expect(timeline.data.length).toBeGreaterThan(5);
    const entry = timeline.data.find((e) => e.kind === 'case')!;
    expect(entry.kind === 'case' && entry.caseEvent.caseSubject).toBeTruthy();
  });
});
