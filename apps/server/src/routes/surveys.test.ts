import { createApiKey, inWorkspace, systemActor, testWorkspace } from '@rapport/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  key: null,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

async function activeNps(name: string) {
  const survey = await api.ok('POST', '/api/v1/surveys', { name, kind: 'nps' });
  await api.ok('PATCH', `/api/v1/surveys/${survey.id}`, { status: 'active' });
  return survey;
}

describe('surveys through HTTP', () => {
  it('creates, invites, answers (public form), and shows results, answers and the timeline entry', async () => {
    const agent = await api.keyFor('agent');
    const viewer = await api.keyFor('viewer');
    const refused = await api.call('POST', '/api/v1/surveys', {
      key: agent,
      body: { name: 'x', kind: 'nps' },
    });
    expect(refused.status).toBe(403);
    const survey = await activeNps('Quarterly NPS');
    const person = await api.ok('POST', '/api/v1/people', {
      firstName: 'Hanna',
      email: 'hanna@example.test',
    });

    const invited = await api.call('POST', `/api/v1/surveys/${survey.id}/invitations`, {
      key: agent,
      body: { personIds: [person.id] },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example.com' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.skipped).toEqual([]);
    const [created] = invited.body.created;
    expect(created).toMatchObject({ personId: person.id, name: 'Hanna', email: 'hanna@example.test' });
    expect(created.link).toMatch(/^https:\/\/crm\.example\.com\/s\/inv_/);
    const path = new URL(created.link).pathname;
    expect(
      (
        await api.call('POST', `/api/v1/surveys/${survey.id}/invitations`, {
          key: viewer,
          body: { personIds: [person.id] },
        })
      ).status,
    ).toBe(403);

    const answered = await api.call('POST', path, form({ score: '10', comment: 'Always there for us.' }));
    expect(answered.status).toBe(200);

    const invitations = await api.call('GET', `/api/v1/surveys/${survey.id}/invitations`, { key: viewer });
    expect(invitations.body.data).toEqual([
      expect.objectContaining({
        personId: person.id,
        personName: 'Hanna',
        status: 'answered',
        channel: 'email',
      }),
    ]);
    const results = await api.call('GET', `/api/v1/surveys/${survey.id}/results?groupBy=period&period=week`, {
      key: viewer,
    });
    expect(results.status).toBe(200);
    expect(results.body.total).toMatchObject({
      invited: 1,
      answered: 1,
      responseRate: 1,
      score: 100,
      promoters: 1,
    });
    const responses = await api.call('GET', `/api/v1/surveys/${survey.id}/responses?withComment=true`, {
      key: viewer,
    });
    expect(responses.body.data).toEqual([
      expect.objectContaining({
        personName: 'Hanna',
        score: 10,
        comment: 'Always there for us.',
        surveyKind: 'nps',
      }),
    ]);
    const view = await api.ok('GET', `/api/v1/people/${person.id}?timeline=true`);
    expect(view.timeline.data[0]).toMatchObject({
      kind: 'survey',
      response: { surveyName: 'Quarterly NPS', score: 10, comment: 'Always there for us.' },
    });
    const listed = await api.ok('GET', '/api/v1/surveys');
    expect(listed.data.find((s: { id: string }) => s.id === survey.id)).toMatchObject({
      invited: 1,
      responses: 1,
    });

    const renewed = await api.call('POST', `/api/v1/surveys/${survey.id}/invitations/links`, {
      key: agent,
      body: { invitationIds: [created.invitationId] },
    });
    expect(renewed.status).toBe(400);
    expect(renewed.body.error.details).toEqual([{ path: 'invitationIds.0', message: 'is answered already' }]);
  });

  it('answers with field paths and clear codes: bad questions, drafts, unknown surveys', async () => {
    const bad = await api.call('POST', '/api/v1/surveys', {
      body: {
        name: 'Custom',
        kind: 'custom',
        questions: [{ id: 'q', type: 'choice', label: 'Pick', options: ['one'] }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'questions.0.options', message: expect.any(String) }]);
    const draft = await api.ok('POST', '/api/v1/surveys', { name: 'Draft', kind: 'csat' });
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Dee', email: 'dee@example.test' });
    const early = await api.call('POST', `/api/v1/surveys/${draft.id}/invitations`, {
      body: { personIds: [person.id] },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/activate it/);
    expect((await api.call('GET', '/api/v1/surveys/srv_nope/results')).status).toBe(404);
    const segment = await api.call('GET', `/api/v1/surveys/${draft.id}/results?groupBy=segment`);
    expect(segment.status).toBe(400);
    expect(segment.body.error.details[0].path).toBe('viewId');
    expect((await api.call('DELETE', `/api/v1/surveys/${draft.id}`)).status).toBe(204);
  });

  it('never stores a link: an Idempotency-Key is not honoured where the answer holds links', async () => {
    const survey = await activeNps('Retry');
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Ret', email: 'ret@example.test' });
    const send = () =>
      api.call('POST', `/api/v1/surveys/${survey.id}/invitations`, {
        body: { personIds: [person.id] },
        headers: { 'idempotency-key': 'invite-ret-1' },
      });
    const first = await send();
    expect(first.body.created).toHaveLength(1);
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body).toMatchObject({ created: [], skipped: [{ reason: 'already_invited' }] });
    const token = new URL(first.body.created[0].link).pathname.slice(3);
    await inWorkspace(api.db, api.ws.workspaceId, systemActor, async (ctx) => {
      const stored = await sql<{ n: number }>`select
          (select count(*) from idempotency_keys where response::text like ${`%${token}%`})
        + (select count(*) from audit_log where changes::text like ${`%${token}%`}) as n`.execute(ctx.db);
      expect(Number(stored.rows[0]?.n)).toBe(0);
    });
  });

  it('keeps workspaces apart: surveys, invitations, answers and links of one are out of reach of another', async () => {
    const survey = await activeNps('Ours');
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Own', email: 'own@example.test' });
    const { created } = await api.ok('POST', `/api/v1/surveys/${survey.id}/invitations`, {
      personIds: [person.id],
    });
    await api.call('POST', new URL(created[0].link).pathname, form({ score: '8' }));

    const other = await testWorkspace(api.db);
    const theirs = (await other.run((ctx) => createApiKey(ctx, { name: 'other', role: 'admin' }))).key;
    for (const path of ['', '/results', '/invitations', '/responses']) {
      const res = await api.call('GET', `/api/v1/surveys/${survey.id}${path}`, { key: theirs });
      expect(res.status, path).toBe(404);
    }
    expect((await api.call('GET', '/api/v1/surveys', { key: theirs })).body.data).toEqual([]);
    const mine = await api.call('POST', '/api/v1/surveys', {
      key: theirs,
      body: { name: 'Theirs', kind: 'nps' },
    });
    await api.call('PATCH', `/api/v1/surveys/${mine.body.id}`, { key: theirs, body: { status: 'active' } });
    const reach = await api.call('POST', `/api/v1/surveys/${mine.body.id}/invitations`, {
      key: theirs,
      body: { personIds: [person.id] },
    });
    expect(reach.status).toBe(400);
    expect(reach.body.error.details[0]).toEqual({
      path: 'personIds.0',
      message: `no person ${person.id} in this workspace`,
    });

    // PostgreSQL itself: raw SQL in the other workspace sees none of our rows.
    await inWorkspace(api.db, other.workspaceId, systemActor, async (ctx) => {
      for (const table of ['surveys', 'survey_invitations', 'survey_responses']) {
        const seen = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
          where workspace_id = ${api.ws.workspaceId}`.execute(ctx.db);
        expect(seen.rows[0]?.n, table).toBe(0);
      }
    });
  });
});
