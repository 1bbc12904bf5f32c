import type { Db } from '@rapport/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany } from '../companies/companies.service.ts';
import { createMembership } from '../memberships/memberships.service.ts';
import { createPerson } from '../people/people.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { type SystemCtx, systemCtx } from '../shared/context.ts';
import { appError, openTestDb, type TestWorkspace, testWorkspace } from '../testing.ts';
import { createUser } from '../users/users.service.ts';
import { createSavedView } from '../views/views.service.ts';
import type { ResultGroup } from './surveys.results.schema.ts';
import {
  answerSurvey,
  createSurvey,
  getSurveyResults,
  inviteToSurvey,
  updateSurvey,
} from './surveys.service.ts';

let db: Db;
let ws: TestWorkspace;
let sys: SystemCtx;
let ownerB: string;
let companyX: string;
let companyY: string;
const clock = fixedClock('2026-01-10T10:00:00Z');
const base = { baseUrl: 'http://localhost' };

beforeAll(async () => {
  db = await openTestDb();
  ws = await testWorkspace(db, clock);
  sys = systemCtx(db, clock);
  ownerB = (
    await createUser(sys, ws.workspaceId, {
      email: `bea-${Date.now()}@example.test`,
      name: 'Bea Owner',
      password: 'correct horse battery staple',
      role: 'agent',
    })
  ).id;
  companyX = (await ws.run((ctx) => createCompany(ctx, { name: 'Xylo AG' }))).id;
  companyY = (await ws.run((ctx) => createCompany(ctx, { name: 'Yarrow GmbH' }))).id;
});
afterAll(() => db.close());

async function activeSurvey(input: Parameters<typeof createSurvey>[1]) {
  const survey = await ws.run((ctx) => createSurvey(ctx, input));
  return ws.run((ctx) => updateSurvey(ctx, survey.id, { status: 'active' }));
}

interface Someone {
  name: string;
  owner?: 'A' | 'B';
  company?: 'X' | 'Y';
  tags?: string[];
}

/** Creates and invites these people now; answers map each name to its answers (or nothing). */
async function inviteAll(surveyId: string, people: Someone[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const p of people) {
    const created = await ws.run(async (ctx) => {
      const person = await createPerson(ctx, {
        firstName: p.name,
        email: `${p.name.toLowerCase()}.${surveyId.slice(-6)}@example.test`,
        ownerId: p.owner === 'A' ? ws.adminId : p.owner === 'B' ? ownerB : null,
        tags: p.tags ?? [],
      });
      if (p.company) {
        const companyId = p.company === 'X' ? companyX : companyY;
        await createMembership(ctx, { personId: person.id, companyId, isPrimary: true });
      }
      return person;
    });
    const { created: links } = await ws.run((ctx) =>
      inviteToSurvey(ctx, surveyId, { personIds: [created.id] }, base),
    );
    const link = links[0]!.link;
    tokens.set(p.name, link.slice(link.lastIndexOf('/') + 1));
  }
  return tokens;
}

async function answer(
  tokens: Map<string, string>,
  answers: Record<string, Record<string, string | string[]>>,
) {
  for (const [name, fields] of Object.entries(answers)) await answerSurvey(sys, tokens.get(name)!, fields);
}

const pick = (g: ResultGroup) => ({
  label: g.label,
  invited: g.invited,
  answered: g.answered,
  responseRate: g.responseRate,
  responses: g.responses,
  score: g.score,
  promoters: g.promoters,
  passives: g.passives,
  detractors: g.detractors,
});

describe('survey results', () => {
  it('computes NPS and response rates per period, owner, company and segment, as worked out by hand', async () => {
    const nps = await activeSurvey({ name: 'Relationship NPS', kind: 'nps' });
    // January: six invited, four answer (10, 9, 7, 3).
    const jan = await inviteAll(nps.id, [
      { name: 'J1', owner: 'A', company: 'X', tags: ['vip'] },
      { name: 'J2', owner: 'A', company: 'X' },
      { name: 'J3', owner: 'B', company: 'Y', tags: ['vip'] },
      { name: 'J4', owner: 'B' },
      { name: 'J5', owner: 'A', company: 'X' },
      { name: 'J6' },
    ]);
    clock.set('2026-01-15T08:00:00Z');
    await answer(jan, { J1: { score: '10' }, J2: { score: '9' }, J3: { score: '7' }, J4: { score: '3' } });
    // February: four invited, three answer (6, 0, 9).
    clock.set('2026-02-10T10:00:00Z');
    const feb = await inviteAll(nps.id, [
      { name: 'F1', owner: 'A', company: 'Y' },
      { name: 'F2', owner: 'B', company: 'Y', tags: ['vip'] },
      { name: 'F3', owner: 'B' },
      { name: 'F4', owner: 'A', company: 'X' },
    ]);
    clock.set('2026-02-12T08:00:00Z');
    await answer(feb, { F1: { score: '6', comment: 'Slow.' }, F2: { score: '0' }, F3: { score: '9' } });
    const range = { from: '2026-01-01', to: '2026-04-01' };

    const monthly = await ws.run((ctx) => getSurveyResults(ctx, nps.id, { ...range, period: 'month' }));
    expect(monthly).toMatchObject({
      kind: 'nps',
      groupBy: 'period',
      period: 'month',
      from: '2026-01-01T00:00:00.000Z',
    });
    expect(monthly.groups.map(pick)).toEqual([
      {
        label: '2026-01',
        invited: 6,
        answered: 4,
        responseRate: 0.6667,
        responses: 4,
        score: 25,
        promoters: 2,
        passives: 1,
        detractors: 1,
      },
      {
        label: '2026-02',
        invited: 4,
        answered: 3,
        responseRate: 0.75,
        responses: 3,
        score: -33.3,
        promoters: 1,
        passives: 0,
        detractors: 2,
      },
      {
        label: '2026-03',
        invited: 0,
        answered: 0,
        responseRate: null,
        responses: 0,
        score: null,
        promoters: 0,
        passives: 0,
        detractors: 0,
      },
    ]);
    expect(monthly.groups.map((g) => g.key)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(pick(monthly.total)).toEqual({
      label: 'All',
      invited: 10,
      answered: 7,
      responseRate: 0.7,
      responses: 7,
      score: 0,
      promoters: 3,
      passives: 1,
      detractors: 3,
    });
    expect(monthly.total.mean).toBe(6.29); // 44 / 7
    const scoreSpread = monthly.total.questions.find((q) => q.questionId === 'score')!;
    expect(scoreSpread).toMatchObject({ answered: 7, mean: 6.29 });
    expect(scoreSpread.counts).toEqual(
      expect.arrayContaining([
        { value: '9', count: 2 },
        { value: '0', count: 1 },
        { value: '10', count: 1 },
      ]),
    );

    const quarterly = await ws.run((ctx) => getSurveyResults(ctx, nps.id, { ...range, period: 'quarter' }));
    expect(quarterly.groups.map((g) => [g.label, g.responses, g.score])).toEqual([['2026-Q1', 7, 0]]);

    const byOwner = await ws.run((ctx) => getSurveyResults(ctx, nps.id, { ...range, groupBy: 'owner' }));
    expect(byOwner.groups.map(pick)).toEqual([
      {
        label: 'Bea Owner',
        invited: 4,
        answered: 4,
        responseRate: 1,
        responses: 4,
        score: -25,
        promoters: 1,
        passives: 1,
        detractors: 2,
      },
      {
        label: 'Test Admin',
        invited: 5,
        answered: 3,
        responseRate: 0.6,
        responses: 3,
        score: 33.3,
        promoters: 2,
        passives: 0,
        detractors: 1,
      },
      {
        label: 'No owner',
        invited: 1,
        answered: 0,
        responseRate: 0,
        responses: 0,
        score: null,
        promoters: 0,
        passives: 0,
        detractors: 0,
      },
    ]);
    expect(byOwner.groups.map((g) => g.key)).toEqual([ownerB, ws.adminId, null]);

    const byCompany = await ws.run((ctx) => getSurveyResults(ctx, nps.id, { ...range, groupBy: 'company' }));
    expect(
      byCompany.groups.map((g) => [g.label, g.invited, g.answered, g.responseRate, g.responses, g.score]),
    ).toEqual([
      ['Yarrow GmbH', 3, 3, 1, 3, -66.7],
      ['Xylo AG', 4, 2, 0.5, 2, 100],
      ['No company', 3, 2, 0.6667, 2, 0],
    ]);

    const vip = await ws.run((ctx) =>
      createSavedView(ctx, { kind: 'people', name: 'VIPs', filters: { tag: 'vip' }, visibility: 'shared' }),
    );
    const bySegment = await ws.run((ctx) =>
      getSurveyResults(ctx, nps.id, { ...range, groupBy: 'segment', viewId: vip.id }),
    );
    expect(bySegment.groups.map(pick)).toEqual([
      {
        label: 'VIPs',
        invited: 3,
        answered: 3,
        responseRate: 1,
        responses: 3,
        score: 0,
        promoters: 1,
        passives: 1,
        detractors: 1,
      },
    ]);
    expect(bySegment.groups[0]?.key).toBe(vip.id);
    expect(
      (await appError(ws.run((ctx) => getSurveyResults(ctx, nps.id, { groupBy: 'segment' })))).details,
    ).toEqual([{ path: 'viewId', message: 'choose at least one saved view of people to compare' }]);
    const backwards = await appError(
      ws.run((ctx) => getSurveyResults(ctx, nps.id, { from: '2026-03-01', to: '2026-01-01' })),
    );
    expect(backwards.details).toEqual([{ path: 'from', message: 'must be before to' }]);

    // Only the range counts: January alone.
    const january = await ws.run((ctx) =>
      getSurveyResults(ctx, nps.id, { from: '2026-01-01', to: '2026-02-01', period: 'week' }),
    );
    expect(pick(january.total)).toMatchObject({ invited: 6, answered: 4, responses: 4, score: 25 });
    expect(january.groups[0]?.label).toBe('2026-W01');
  });

  it('computes CSAT (% answering 4–5), CES (mean, share ≥ 5) and the distribution of custom answers', async () => {
    clock.set('2026-03-02T10:00:00Z');
    const csat = await activeSurvey({ name: 'Support CSAT', kind: 'csat', minDaysBetween: 0 });
    const c = await inviteAll(
      csat.id,
      ['C1', 'C2', 'C3', 'C4', 'C5'].map((name) => ({ name })),
    );
    await answer(c, {
      C1: { score: '5' },
      C2: { score: '4' },
      C3: { score: '3' },
      C4: { score: '1' },
      C5: { score: '5' },
    });
    const csatResults = await ws.run((ctx) => getSurveyResults(ctx, csat.id));
    expect(csatResults.total).toMatchObject({
      responses: 5,
      satisfied: 3,
      score: 60,
      mean: 3.6,
      promoters: null,
      easy: null,
    });

    const ces = await activeSurvey({ name: 'Ordering CES', kind: 'ces', minDaysBetween: 0 });
    const e = await inviteAll(
      ces.id,
      ['E1', 'E2', 'E3', 'E4', 'E5'].map((name) => ({ name })),
    );
    await answer(e, { E1: { score: '7' }, E2: { score: '5' }, E3: { score: '4' }, E4: { score: '2' } });
    const cesResults = await ws.run((ctx) => getSurveyResults(ctx, ces.id));
    expect(cesResults.total).toMatchObject({
      invited: 5,
      answered: 4,
      responseRate: 0.8,
      responses: 4,
      score: 4.5,
      mean: 4.5,
      easy: 2,
      easyRate: 0.5,
      satisfied: null,
    });

    const custom = await activeSurvey({
      name: 'Features',
      kind: 'custom',
      minDaysBetween: 0,
      questions: [
        { id: 'value', type: 'scale', label: 'Value for money', min: 1, max: 5 },
        { id: 'uses', type: 'choice', label: 'What do you use?', options: ['a', 'b', 'c'], multiple: true },
        { id: 'why', type: 'text', label: 'Why?' },
      ],
    });
    const k = await inviteAll(
      custom.id,
      ['K1', 'K2', 'K3'].map((name) => ({ name })),
    );
    await answer(k, {
      K1: { value: '4', uses: ['a', 'b'], why: 'Because.' },
      K2: { value: '5', uses: 'a' },
      K3: { value: '4', uses: 'c' },
    });
    const customResults = await ws.run((ctx) => getSurveyResults(ctx, custom.id));
    expect(customResults.total).toMatchObject({ responses: 3, score: null, mean: null });
    expect(customResults.total.questions).toEqual([
      {
        questionId: 'uses',
        answered: 3,
        mean: null,
        counts: [
          { value: 'a', count: 2 },
          { value: 'b', count: 1 },
          { value: 'c', count: 1 },
        ],
      },
      {
        questionId: 'value',
        answered: 3,
        mean: 4.33,
        counts: [
          { value: '4', count: 2 },
          { value: '5', count: 1 },
        ],
      },
    ]);
  });
});
