import { describe, expect, it } from 'vitest';
import { createCompany } from '../companies/companies.service.ts';
import { logInteraction } from '../interactions/interactions.service.ts';
import { createPerson } from '../people/people.service.ts';
import { systemCtx } from '../shared/context.ts';
import { createSurvey, updateSurvey } from '../surveys/surveys.service.ts';
import { appError } from '../testing.ts';
import { createUser } from '../users/users.service.ts';
import {
  addCompensation,
  createCase,
  createStatusLink,
  decideCompensation,
  draftAcknowledgement,
  listApprovals,
  openCaseStatus,
  revokeStatusLink,
  setCompensationLimits,
  updateCaseSettings,
} from './cases.service.ts';

import { base, clock, db, move, open, personId, setupCases, ws } from './cases.testing.ts';

setupCases();

describe('cases: CSAT, compensation, drafts, status links, timeline', () => {
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
});
