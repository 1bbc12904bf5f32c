import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePeople } from '../duplicates/duplicates.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemCtx } from '../shared/context.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createSavedView } from '../views/views.service.ts';
import {
  createSurvey,
  deleteSurvey,
  getSurvey,
  inviteToSurvey,
  issueLinks,
  listInvitations,
  listSurveys,
  openSurvey,
  updateSurvey,
} from './surveys.service.ts';

let db: Db;
let ws: TestWorkspace;
const clock = fixedClock('2026-03-02T09:00:00Z');
const base = { baseUrl: 'https://crm.example.test' };
const DAY = 86_400_000;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
});
afterAll(() => db.close());

const person = (input: Parameters<typeof createPerson>[1]) => ws.run((ctx) => createPerson(ctx, input));
const active = async (input: Parameters<typeof createSurvey>[1]) => {
  const created = await ws.run((ctx) => createSurvey(ctx, input));
  return ws.run((ctx) => updateSurvey(ctx, created.id, { status: 'active' }));
};

describe('surveys', () => {
  it('gives NPS, CSAT and CES surveys their standard question and an optional comment', async () => {
    const nps = await ws.run((ctx) => createSurvey(ctx, { name: 'Relationship NPS', kind: 'nps' }));
    expect(nps).toMatchObject({ status: 'draft', minDaysBetween: 90, invited: 0, responses: 0 });
    expect(nps.questions).toEqual([
      {
        id: 'score',
        type: 'scale',
        label: expect.stringMatching(/^How likely are you to recommend Test .+ to a friend or colleague\?$/),
        required: true,
        min: 0,
        max: 10,
        minLabel: 'Not at all likely',
        maxLabel: 'Extremely likely',
      },
      {
        id: 'comment',
        type: 'text',
        label: 'What is the main reason for your score?',
        required: false,
        maxLength: 2000,
      },
    ]);
    const csat = await ws.run((ctx) =>
      createSurvey(ctx, {
        name: 'Support CSAT',
        kind: 'csat',
        scoreLabel: 'How satisfied are you with our support?',
      }),
    );
    expect(csat.questions[0]).toMatchObject({
      min: 1,
      max: 5,
      label: 'How satisfied are you with our support?',
    });
    const ces = await ws.run((ctx) => createSurvey(ctx, { name: 'Ordering CES', kind: 'ces' }));
    expect(ces.questions[0]).toMatchObject({ min: 1, max: 7, label: expect.stringMatching(/^How easy/) });
  });

  it('checks custom questions: at least one, unique ids, scales above min, options once', async () => {
    expect(
      (await appError(ws.run((ctx) => createSurvey(ctx, { name: 'Empty', kind: 'custom' })))).details,
    ).toEqual([{ path: 'questions', message: 'a custom survey needs at least one question' }]);
    const bad = await appError(
      ws.run((ctx) =>
        createSurvey(ctx, {
          name: 'Bad',
          kind: 'custom',
          questions: [
            { id: 'rate', type: 'scale', label: 'Rate us', min: 5, max: 3 },
            { id: 'rate', type: 'choice', label: 'Pick', options: ['a', 'a'] },
            { id: 'Bad Id', type: 'text', label: 'Say' },
          ],
        }),
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details.map((d) => d.path).sort()).toEqual([
      'questions.0.max',
      'questions.1.id',
      'questions.1.options',
      'questions.2.id',
    ]);
    const onNps = await appError(
      ws.run((ctx) =>
        createSurvey(ctx, { name: 'x', kind: 'nps', questions: [{ id: 'a', type: 'text', label: 'a' }] }),
      ),
    );
    expect(onNps.details[0]?.path).toBe('questions');
  });

  it('moves draft → active → closed → active; questions change only in a draft; only drafts are deleted', async () => {
    const custom = await ws.run((ctx) =>
      createSurvey(ctx, {
        name: 'Onboarding',
        kind: 'custom',
        questions: [{ id: 'useful', type: 'choice', label: 'Useful?', options: ['Yes', 'No'] }],
      }),
    );
    const edited = await ws.run((ctx) =>
      updateSurvey(ctx, custom.id, {
        questions: [
          { id: 'useful', type: 'choice', label: 'Was it useful?', options: ['Yes', 'No'], multiple: true },
        ],
        intro: 'Two minutes.',
      }),
    );
    expect(edited.questions[0]).toMatchObject({ label: 'Was it useful?', multiple: true, required: true });
    await ws.run((ctx) => updateSurvey(ctx, custom.id, { status: 'active' }));
    const locked = await appError(ws.run((ctx) => updateSurvey(ctx, custom.id, { questions: [] })));
    expect(locked).toMatchObject({ code: 'conflict', details: [{ path: 'questions' }] });
    expect((await appError(ws.run((ctx) => updateSurvey(ctx, custom.id, { status: 'draft' })))).code).toBe(
      'conflict',
    );
    expect((await appError(ws.run((ctx) => deleteSurvey(ctx, custom.id)))).code).toBe('conflict');
    await ws.run((ctx) => updateSurvey(ctx, custom.id, { status: 'closed', thankYou: 'Merci!' }));
    expect(await ws.run((ctx) => getSurvey(ctx, custom.id))).toMatchObject({
      status: 'closed',
      thankYou: 'Merci!',
    });
    await ws.run((ctx) => updateSurvey(ctx, custom.id, { status: 'active' }));
    const draft = await ws.run((ctx) => createSurvey(ctx, { name: 'Scrap', kind: 'nps' }));
    await ws.run((ctx) => deleteSurvey(ctx, draft.id));
    expect((await appError(ws.run((ctx) => getSurvey(ctx, draft.id)))).code).toBe('not_found');
    const page = await ws.run((ctx) => listSurveys(ctx, { limit: 1 }));
    expect(page.data).toHaveLength(1);
    const next = await ws.run((ctx) => listSurveys(ctx, { limit: 50, cursor: page.nextCursor! }));
    expect(next.data.map((s) => s.id)).not.toContain(page.data[0]!.id);
    const actives = await ws.run((ctx) => listSurveys(ctx, { status: 'active' }));
    expect(actives.data.map((s) => s.name)).toEqual(['Onboarding']);
  });
});

describe('inviting', () => {
  it('creates one link per person and skips, with the reason, who may not or cannot be asked', async () => {
    const survey = await active({ name: 'NPS spring', kind: 'nps' });
    const ok = await person({ firstName: 'Olga', lastName: 'Ostrova', email: 'olga@example.test' });
    const dnc = await person({ firstName: 'Dora', email: 'dora@example.test', doNotContact: true });
    const denied = await person({
      firstName: 'Dennis',
      email: 'dennis@example.test',
      consent: { email: { status: 'denied' } },
    });
    const noEmail = await person({ firstName: 'Nemo' });
    const twin = await person({ firstName: 'Olga', lastName: 'Twin', email: 'olga.twin@example.test' });
    await ws.run((ctx) => mergePeople(ctx, { survivorId: ok.id, mergedId: twin.id }));
    const outcome = await ws.run((ctx) =>
      inviteToSurvey(
        ctx,
        survey.id,
        { personIds: [ok.id, dnc.id, denied.id, noEmail.id, twin.id, ok.id] },
        base,
      ),
    );
    expect(outcome.created).toEqual([
      {
        invitationId: expect.stringMatching(/^inv_/),
        personId: ok.id,
        name: 'Olga Ostrova',
        email: 'olga@example.test',
        phone: null,
        link: expect.stringMatching(/^https:\/\/crm\.example\.test\/s\/inv_[^/]+$/),
        expiresAt: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
      },
    ]);
    expect(outcome.skipped.map((s) => [s.personId, s.reason])).toEqual([
      [dnc.id, 'do_not_contact'],
      [denied.id, 'no_consent'],
      [noEmail.id, 'no_email'],
      [twin.id, 'merged'],
    ]);
    const link = outcome.created[0]!.link;
    const form = await openSurvey(systemCtx(db, clock), link.slice(link.lastIndexOf('/') + 1));
    expect(form).toMatchObject({ surveyName: 'NPS spring', firstName: 'Olga' });

    // Asked again: an unanswered invitation stands; another survey within 90 days waits.
    const again = await ws.run((ctx) => inviteToSurvey(ctx, survey.id, { personIds: [ok.id] }, base));
    expect(again.skipped).toMatchObject([{ reason: 'already_invited' }]);
    const other = await active({ name: 'CSAT', kind: 'csat' });
    const soon = await ws.run((ctx) => inviteToSurvey(ctx, other.id, { personIds: [ok.id] }, base));
    expect(soon.skipped).toEqual([
      {
        personId: ok.id,
        name: 'Olga Ostrova',
        reason: 'recently_surveyed',
        message: 'surveyed on 2026-03-02; this survey leaves 90 days between surveys of a person',
      },
    ]);
    clock.advance(91 * DAY);
    const later = await ws.run((ctx) => inviteToSurvey(ctx, other.id, { personIds: [ok.id] }, base));
    expect(later.created).toHaveLength(1);
    const unlimited = await active({ name: 'Always', kind: 'ces', minDaysBetween: 0 });
    expect(
      (await ws.run((ctx) => inviteToSurvey(ctx, unlimited.id, { personIds: [ok.id], channel: 'sms' }, base)))
        .skipped,
    ).toMatchObject([{ reason: 'no_phone' }]);
  });

  it('invites everyone a saved view of people matches, and refuses unknown people, drafts and closed surveys', async () => {
    const survey = await active({ name: 'Segment NPS', kind: 'nps' });
    const tagged = await Promise.all(
      ['Ana', 'Ben', 'Cy'].map((firstName) =>
        person({ firstName, email: `${firstName.toLowerCase()}.seg@example.test`, tags: ['pilot'] }),
      ),
    );
    await person({ firstName: 'Untagged', email: 'untagged.seg@example.test' });
    const view = await ws.run((ctx) =>
      createSavedView(ctx, {
        kind: 'people',
        name: 'Pilot customers',
        filters: { tag: 'pilot', sort: '-createdAt' },
      }),
    );
    const outcome = await ws.run((ctx) =>
      inviteToSurvey(ctx, survey.id, { viewId: view.id, expiresInDays: 7 }, base),
    );
    expect(outcome.created.map((c) => c.personId).sort()).toEqual(tagged.map((p) => p.id).sort());
    expect(outcome.created[0]?.expiresAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString());
    const companies = await ws.run((ctx) =>
      createSavedView(ctx, { kind: 'companies', name: 'All companies', filters: {} }),
    );
    expect(
      (await appError(ws.run((ctx) => inviteToSurvey(ctx, survey.id, { viewId: companies.id }, base))))
        .details,
    ).toEqual([{ path: 'viewId', message: 'is a view of companies; choose a view of people' }]);
    const unknown = await appError(
      ws.run((ctx) => inviteToSurvey(ctx, survey.id, { personIds: [tagged[0]!.id, 'per_nobody'] }, base)),
    );
    expect(unknown.details).toEqual([
      { path: 'personIds.1', message: 'no person per_nobody in this workspace' },
    ]);
    expect((await appError(ws.run((ctx) => inviteToSurvey(ctx, survey.id, {}, base)))).details[0]?.path).toBe(
      'personIds',
    );
    const draft = await ws.run((ctx) => createSurvey(ctx, { name: 'Draft', kind: 'nps' }));
    const refused = await appError(
      ws.run((ctx) => inviteToSurvey(ctx, draft.id, { personIds: [tagged[0]!.id] }, base)),
    );
    expect(refused).toMatchObject({ code: 'conflict', details: [{ path: 'status' }] });
    expect(refused.message).toMatch(/activate it/);
  });

  it('lists invitations by status and issues new links that replace the old ones', async () => {
    const survey = await active({ name: 'Links', kind: 'nps' });
    const people = await Promise.all(
      ['Lia', 'Lou'].map((firstName) =>
        person({ firstName, email: `${firstName.toLowerCase()}.l@example.test` }),
      ),
    );
    const sys = systemCtx(db, clock);
    const { created } = await ws.run((ctx) =>
      inviteToSurvey(ctx, survey.id, { personIds: people.map((p) => p.id) }, base),
    );
    const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
    const listed = await ws.run((ctx) => listInvitations(ctx, survey.id, { status: 'pending' }));
    expect(listed.data.map((i) => i.personName).sort()).toEqual(['Lia', 'Lou']);
    expect(JSON.stringify(listed)).not.toContain(tokenOf(created[0]!.link));
    const renewed = await ws.run((ctx) =>
      issueLinks(ctx, survey.id, { invitationIds: [created[0]!.invitationId], expiresInDays: 3 }, base),
    );
    expect(renewed.data).toMatchObject([
      { invitationId: created[0]!.invitationId, name: expect.any(String) },
    ]);
    expect((await appError(openSurvey(sys, tokenOf(created[0]!.link)))).code).toBe('not_found');
    expect(await openSurvey(sys, tokenOf(renewed.data[0]!.link))).toMatchObject({ surveyName: 'Links' });
    const all = await ws.run((ctx) => issueLinks(ctx, survey.id, { expiresInDays: 3 }, base));
    expect(all.data).toHaveLength(2);
    clock.advance(4 * DAY);
    const expired = await ws.run((ctx) => listInvitations(ctx, survey.id, { status: 'expired' }));
    expect(expired.data).toHaveLength(2);
    const wrong = await appError(
      ws.run((ctx) => issueLinks(ctx, survey.id, { invitationIds: ['inv_nope'] }, base)),
    );
    expect(wrong.details).toEqual([
      { path: 'invitationIds.0', message: 'no invitation inv_nope to this survey' },
    ]);
  });
});
