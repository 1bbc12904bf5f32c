import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const always = [{ from: '00:00', to: '24:00' }];
const week = { sun: always, mon: always, tue: always, wed: always, thu: always, fri: always, sat: always };

describe('cases, SLA settings and promises through HTTP', () => {
  it('sets up calendars and policies, refusing one without business hours', async () => {
    const none = await api.call('POST', '/api/v1/business-calendars', {
      body: { name: 'Never', timeZone: 'Europe/Berlin', hours: {} },
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('hours');
    const badTime = await api.call('POST', '/api/v1/business-calendars', {
      body: { name: 'Bad', timeZone: 'Europe/Berlin', hours: { mon: [{ from: '9', to: '17:00' }] } },
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.details[0].path).toBe('hours.mon.0.from');
    const cal = await api.ok('POST', '/api/v1/business-calendars', {
      name: '24/7',
      timeZone: 'UTC',
      hours: week,
    });
    expect(cal.weeklyMinutes).toBe(7 * 1440);
    const noCal = await api.call('POST', '/api/v1/sla-policies', {
      body: { name: 'X', severity: 'urgent', acknowledgeMinutes: 30, resolveMinutes: 240 },
    });
    expect(noCal.status).toBe(400);
    expect(noCal.body.error.details[0].path).toBe('calendarId');
    const policy = await api.ok('POST', '/api/v1/sla-policies', {
      name: 'Urgent',
      severity: 'urgent',
      calendarId: cal.id,
      acknowledgeMinutes: 30,
      resolveMinutes: 240,
    });
    expect(policy).toMatchObject({ tier: null, calendarName: '24/7' });
    expect((await api.ok('GET', '/api/v1/sla-policies')).data).toHaveLength(1);
  });

  it('opens, filters, moves and shares a case; refuses illegal transitions with from and to', async () => {
    const person = await api.ok('POST', '/api/v1/people', {
      firstName: 'Kim',
      email: 'kim@example.com',
      serviceTier: 'platinum',
    });
    expect(person.serviceTier).toBe('platinum');
    const missing = await api.call('POST', '/api/v1/cases', { body: { type: 'complaint', subject: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('personId');
    const badType = await api.call('POST', '/api/v1/cases', {
      body: { type: 'rant', subject: 'x', personId: person.id },
    });
    expect(badType.body.error.details[0].path).toBe('type');
    const created = await api.call('POST', '/api/v1/cases', {
      body: {
        type: 'complaint',
        severity: 'urgent',
        category: 'billing',
        subject: 'Charged twice',
        personId: person.id,
        team: 'Billing',
      },
    });
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({ status: 'new', tier: 'platinum', slaState: 'ok', team: 'Billing' });
    expect(c.sla.acknowledge.targetMinutes).toBe(30);

    const listed = await api.ok(
      'GET',
      `/api/v1/cases?status=open&severity=urgent&team=Billing&slaState=ok&personId=${person.id}`,
    );
    expect(listed.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const none = await api.ok('GET', '/api/v1/cases?slaState=breached');
    expect(none.data).toHaveLength(0);
    const badFilter = await api.call('GET', '/api/v1/cases?slaState=late');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details[0].path).toMatch(/^slaState/);

    const illegal = await api.call('POST', `/api/v1/cases/${c.id}/transitions`, {
      body: { to: 'waiting_on_customer' },
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({ code: 'conflict', from: 'new', to: 'waiting_on_customer' });
    expect(illegal.body.error.message).toContain('from new to waiting_on_customer');
    const acked = await api.ok('POST', `/api/v1/cases/${c.id}/transitions`, { to: 'acknowledged' });
    expect(acked.followUp).toBeNull();
    const draft = await api.ok('GET', `/api/v1/cases/${c.id}/acknowledgement-draft`);
    expect(draft.namedIssue).toBe('you were charged twice');
    expect(draft.body).toContain("I'm sorry you were charged twice.");
    expect(draft.body).toContain('Hello Kim,');

    const link = await api.call('POST', `/api/v1/cases/${c.id}/status-link`);
    expect(link.status).toBe(201);
    const path = new URL(link.body.link).pathname;
    const page = await api.call('GET', path, { key: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('We are on it');
    expect(page.body).toContain('name="viewport"');
    expect(page.body).not.toContain('Charged twice');
    const forged = await api.call('GET', `${path.slice(0, -3)}abc`, { key: null });
    expect(forged.status).toBe(404);
    expect((await api.call('DELETE', `/api/v1/cases/${c.id}/status-link`)).status).toBe(204);
    const revoked = await api.call('GET', path, { key: null });
    expect(revoked.status).toBe(410);
    expect(revoked.body).toContain('turned off');

    const limits = await api.call('PUT', '/api/v1/compensation-limits', {
      body: { limits: [{ role: 'agent', currency: 'EUR', maxAmountMinor: 1000 }] },
    });
    expect(limits.status).toBe(200);
    const agent = await api.keyFor('agent');
    const tooMuch = await api.call('POST', `/api/v1/cases/${c.id}/compensations`, {
      key: agent,
      body: { kind: 'refund', amountMinor: 5000, currency: 'EUR' },
    });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.error.details[0].path).toBe('amountMinor');
    const asked = await api.call('POST', `/api/v1/cases/${c.id}/compensations`, {
      key: agent,
      body: { kind: 'refund', amountMinor: 5000, currency: 'EUR', requestApproval: true },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    const agentLimits = await api.call('PUT', '/api/v1/compensation-limits', {
      key: agent,
      body: { limits: [] },
    });
    expect(agentLimits.status).toBe(403);
    const queue = await api.ok('GET', '/api/v1/approvals');
    expect(queue.data.map((x: { id: string }) => x.id)).toEqual([asked.body.id]);
    const approved = await api.ok('POST', `/api/v1/approvals/${asked.body.id}`, { decision: 'approve' });
    expect(approved.status).toBe('approved');

    const resolved = await api.call('POST', `/api/v1/cases/${c.id}/transitions`, {
      body: { to: 'resolved', resolution: 'Refunded the second charge' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.followUp.message).toMatch(/No CSAT survey/);
    const history = await api.ok('GET', `/api/v1/cases/${c.id}/history`);
    expect(history.data.map((e: { type: string }) => e.type)).toEqual([
      'opened',
      'status_changed',
      'compensation',
      'compensation',
      'status_changed',
    ]);
    const timeline = await api.ok('GET', `/api/v1/people/${person.id}/timeline?kind=case`);
    expect(timeline.data.map((e: { caseEvent: { toStatus: string } }) => e.caseEvent.toStatus)).toEqual([
      'resolved',
      'acknowledged',
      'new',
    ]);

    const promiseNoDue = await api.call('POST', '/api/v1/promises', {
      body: { what: 'Call back', caseId: c.id },
    });
    expect(promiseNoDue.status).toBe(400);
    expect(promiseNoDue.body.error.details[0].path).toBe('dueAt');
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const p = await api.ok('POST', '/api/v1/promises', {
      what: 'Call you back about the refund',
      caseId: c.id,
      dueAt: due,
    });
    expect(p).toMatchObject({ personId: person.id, caseId: c.id, team: 'Billing', status: 'open' });
    const noReason = await api.call('POST', `/api/v1/promises/${p.id}/renegotiate`, {
      body: { dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), toldCustomer: false },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    const draftRisk = await api.ok(
      'GET',
      `/api/v1/promises/${p.id}/at-risk-draft?reason=the%20bank%20is%20slow`,
    );
    expect(draftRisk.body).toContain('because the bank is slow');
    const kept = await api.ok('POST', `/api/v1/promises/${p.id}/kept`, {});
    expect(kept.status).toBe('kept');
    const rate = await api.ok(
      'GET',
      '/api/v1/promises/kept-rate?by=team&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z',
    );
    expect(rate.data[0]).toMatchObject({ key: 'Billing', keptOnTime: 1, keptRate: 1 });
    const ofCase = await api.ok('GET', `/api/v1/promises?caseId=${c.id}&status=kept`);
    expect(ofCase.data).toHaveLength(1);
  });

  it('opens a case from a review, copying its author and text', async () => {
    const lea = await api.ok('POST', '/api/v1/people', { firstName: 'Lea', email: 'lea@cases.test' });
    const review = await api.ok('POST', '/api/v1/reviews', {
      source: 'google',
      rating: 1,
      title: 'Never again',
      text: 'The package arrived damaged and nobody answers my emails.',
      authorEmail: 'lea@cases.test',
    });
    const c = await api.ok('POST', '/api/v1/cases', {
      type: 'complaint',
      source: { type: 'review', id: review.id },
    });
    expect(c).toMatchObject({
      personId: lea.id,
      subject: 'Never again',
      source: { type: 'review', id: review.id },
    });
    const draft = await api.ok('GET', `/api/v1/cases/${c.id}/acknowledgement-draft`);
    expect(draft.namedIssue).toBe('your order arrived damaged');
    const wrong = await api.call('POST', '/api/v1/cases', {
      body: { type: 'issue', source: { type: 'survey_response', id: 'rsp_nope' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('source.id');
  });

  it('sets the root-cause taxonomy and the case settings; never a 500 for bad input', async () => {
    const cause = await api.ok('POST', '/api/v1/root-causes', { name: 'Billing system error' });
    const dup = await api.call('POST', '/api/v1/root-causes', { body: { name: 'billing system ERROR' } });
    expect(dup.status).toBe(409);
    const archived = await api.ok('PATCH', `/api/v1/root-causes/${cause.id}`, { archived: true });
    expect(archived.archived).toBe(true);
    const settings = await api.call('PATCH', '/api/v1/case-settings', { body: { warnPercent: 150 } });
    expect(settings.status).toBe(400);
    expect(settings.body.error.details[0].path).toBe('warnPercent');
    expect((await api.ok('PATCH', '/api/v1/case-settings', { warnPercent: 75 })).warnPercent).toBe(75);
    expect((await api.call('GET', '/api/v1/cases/case_nope')).status).toBe(404);
    expect((await api.call('POST', '/api/v1/promises/prm_nope/kept', { body: {} })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/cases?cursor=zzz')).status).toBe(400);
  });
});
