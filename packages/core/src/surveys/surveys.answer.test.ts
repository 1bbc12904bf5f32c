import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker } from '../background.ts';
import { createCompany } from '../companies/companies.service.ts';
import { personFeelings } from '../feelings/feelings.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { type SystemCtx, systemCtx } from '../shared/context.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { companyTimeline, personTimeline } from '../timeline/timeline.service.ts';
import {
  answerSurvey,
  createSurvey,
  inviteToSurvey,
  listResponses,
  openSurvey,
  updateSurvey,
} from './surveys.service.ts';

let db: Db;
let ws: TestWorkspace;
let sys: SystemCtx;
const clock = fixedClock('2026-05-04T10:00:00Z');
const base = { baseUrl: 'http://localhost:4100' };
const DAY = 86_400_000;

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  sys = systemCtx(db, clock);
});
afterAll(() => db.close());

async function activeSurvey(input: Parameters<typeof createSurvey>[1]) {
  const survey = await ws.run((ctx) => createSurvey(ctx, input));
  return ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
}

/** A new person invited to `surveyId`: the token of their link. */
async function invite(surveyId: string, first: string, extra: Parameters<typeof createPerson>[1] = {}) {
  const person = await ws.run((ctx) =>
    createPerson(ctx, {
      firstName: first,
      email: `${first.toLowerCase()}.${Date.now()}@example.test`,
      ...extra,
    }),
  );
  const { created } = await ws.run((ctx) => inviteToSurvey(ctx, surveyId, { personIds: [person.id] }, base));
  const link = created[0]!.link;
  return { person, token: link.slice(link.lastIndexOf('/') + 1) };
}

describe('answering a survey', () => {
  it('checks the answers and says which need another look, by question', async () => {
    const survey = await activeSurvey({
      name: 'Onboarding',
      kind: 'custom',
      questions: [
        { id: 'ease', type: 'scale', label: 'How easy was the setup?', min: 1, max: 5 },
        {
          id: 'used',
          type: 'choice',
          label: 'What did you use?',
          options: ['Guide', 'Video', 'Call'],
          multiple: true,
        },
        { id: 'plan', type: 'choice', label: 'Your plan', options: ['Basic', 'Pro'], required: false },
        { id: 'note', type: 'text', label: 'Anything else?', maxLength: 10 },
      ],
    });
    const { token } = await invite(survey.id, 'Vali');
    const wrong = await appError(
      answerSurvey(sys, token, {
        ease: '9',
        used: ['Guide', 'Fax'],
        plan: ['Basic', 'Pro'],
        note: 'far too long a note',
      }),
    );
    expect(wrong.code).toBe('validation_failed');
    expect(wrong.message).toBe('4 answers need another look; nothing was recorded yet.');
    expect(wrong.details).toEqual([
      { path: 'ease', message: 'Choose a number from 1 to 5.' },
      { path: 'used', message: 'Choose from the options given.' },
      { path: 'plan', message: 'Choose one option.' },
      { path: 'note', message: 'Answer in at most 10 characters (this one has 19).' },
    ]);
    expect((await appError(answerSurvey(sys, token, { ease: ' ', used: [] }))).details).toEqual([
      { path: 'ease', message: 'Please answer this question.' },
      { path: 'used', message: 'Please answer this question.' },
    ]);
    await answerSurvey(sys, token, {
      ease: '4',
      used: ['Video', 'Guide', 'Video'],
      note: ' fine ',
      extra: 'x',
    });
    const [response] = (await ws.run((ctx) => listResponses(ctx, survey.id))).data;
    expect(response).toMatchObject({
      score: null,
      comment: null,
      answers: { ease: 4, used: ['Video', 'Guide'], note: 'fine' },
    });
  });

  it('records an answer once, with the owner and company of that moment; a second submit is refused', async () => {
    const survey = await activeSurvey({ name: 'NPS', kind: 'nps', thankYou: 'Thanks a lot!' });
    const company = await ws.run((ctx) => createCompany(ctx, { name: 'Acme Answering' }));
    const { person, token } = await invite(survey.id, 'Rita', { ownerId: ws.adminId });
    await ws.run((ctx) =>
      createMembership(ctx, { personId: person.id, companyId: company.id, isPrimary: true }),
    );
    clock.advance(DAY);
    expect(await openSurvey(sys, token)).toMatchObject({ surveyName: 'NPS', kind: 'nps', firstName: 'Rita' });
    expect(await answerSurvey(sys, token, { score: '9', comment: 'Quick and friendly.' })).toEqual({
      surveyName: 'NPS',
      thankYou: 'Thanks a lot!',
    });
    const again = await appError(answerSurvey(sys, token, { score: '3' }));
    expect(again).toMatchObject({ code: 'conflict', meta: { answeredAt: clock.now().toISOString() } });
    expect(again.message).toMatch(/already answered/);
    expect((await appError(openSurvey(sys, token))).code).toBe('conflict');
    const { data } = await ws.run((ctx) => listResponses(ctx, survey.id));
    expect(data).toEqual([
      expect.objectContaining({
        personId: person.id,
        personName: 'Rita',
        companyId: company.id,
        companyName: 'Acme Answering',
        ownerId: ws.adminId,
        ownerName: 'Test Admin',
        score: 9,
        comment: 'Quick and friendly.',
        answers: { score: 9, comment: 'Quick and friendly.' },
        submittedAt: clock.now().toISOString(),
      }),
    ]);

    // Its comment is felt, like any message the customer writes (the background analysis).
    await createJobWorker(sys, { clock, workspaceId: ws.workspaceId }).runDue();
    const felt = await ws.run((ctx) => personFeelings(ctx, person.id));
    expect(felt.timeline).toEqual([
      expect.objectContaining({ subjectType: 'survey_answer', subjectId: data[0]!.id, label: 'positive' }),
    ]);

    // On the person's and the company's timelines.
    const entry = { kind: 'survey', id: data[0]!.id, at: clock.now().toISOString() };
    const mine = await ws.run((ctx) => personTimeline(ctx, person.id));
    expect(mine.data).toEqual([{ ...entry, response: data[0] }]);
    const theirs = await ws.run((ctx) => companyTimeline(ctx, company.id, { kind: 'survey' }));
    expect(theirs.data.map((e) => e.id)).toEqual([data[0]!.id]);
    const onlyNotes = await ws.run((ctx) => personTimeline(ctx, person.id, { kind: 'note' }));
    expect(onlyNotes.data).toEqual([]);
  });

  it('records exactly one answer when the same link is submitted twice at once', async () => {
    const survey = await activeSurvey({ name: 'Race', kind: 'csat' });
    const { token } = await invite(survey.id, 'Twice');
    const outcomes = await Promise.allSettled([
      answerSurvey(sys, token, { score: '5' }),
      answerSurvey(sys, token, { score: '1' }),
      answerSurvey(sys, token, { score: '3' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    }
    const { data } = await ws.run((ctx) => listResponses(ctx, survey.id));
    expect(data).toHaveLength(1);
  });

  it('refuses expired links, closed surveys and forged or unknown links, each with its message', async () => {
    const survey = await activeSurvey({ name: 'Refusals', kind: 'ces' });
    const { token } = await invite(survey.id, 'Late');
    const { token: other } = await invite(survey.id, 'Closed');
    await ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'closed' }));
    const closed = await appError(answerSurvey(sys, other, { score: '6' }));
    expect(closed).toMatchObject({ code: 'gone', message: expect.stringMatching(/survey is closed/) });
    await ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
    clock.advance(31 * DAY);
    const expired = await appError(answerSurvey(sys, token, { score: '6' }));
    expect(expired).toMatchObject({ code: 'gone', message: expect.stringMatching(/link has expired/) });
    const parts = other.split('.');
    const forged = [parts[0], parts[1], parts[2], 'A'.repeat(22)].join('.');
    for (const bad of [forged, 'nonsense', `${other}x`]) {
      const error = await appError(openSurvey(sys, bad));
      expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/link is not valid/) });
    }
  });
});
