import { createJobWorker, systemCtx } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const analyse = () => createJobWorker(systemCtx(api.db), { workspaceId: api.ws.workspaceId }).runDue();
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('feelings API', () => {
  it('answers how a person and their company felt: summary, timeline, moments, cue', async () => {
    const company = await api.ok('POST', '/api/v1/companies', { name: 'Pharmalux AG' });
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Mara', lastName: 'Keller' });
    await api.ok('POST', '/api/v1/memberships', { personId: person.id, companyId: company.id });
    const log = (body: string, days: number, direction = 'inbound') =>
      api.ok('POST', '/api/v1/interactions', {
        channel: 'email',
        direction,
        occurredAt: ago(days),
        subject: 'Invoice 4471',
        body,
        people: [{ personId: person.id, role: 'from' }],
      });
    await log('Thanks a lot for the quick answer last time, much appreciated!', 50);
    const angry = await log('You charged us twice for invoice 4471. This is outrageous and I am furious.', 5);
    await log('We have refunded the second charge, sorry about that.', 4, 'outbound');
    await analyse();

    const viewer = await api.keyFor('viewer');
    const answer = await api.call('GET', `/api/v1/people/${person.id}/feelings`, { key: viewer });
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toMatchObject({ texts: 2, trend: 'worsening', label: 'negative' });
    expect(answer.body.timeline.map((t: { subjectId: string }) => t.subjectId)).toHaveLength(2);
    expect(answer.body.timeline[1]).toMatchObject({
      subjectType: 'interaction',
      subjectId: angry.id,
      label: 'negative',
      topEmotion: 'anger',
    });
    expect(answer.body.moments).toEqual([
      expect.objectContaining({ subjectId: angry.id, topic: 'billing', drivers: expect.any(Array) }),
    ]);
    expect(answer.body.cue).toMatch(
      /^Angry about a billing error on \d+ \w+: apologise and say what was fixed\.$/,
    );

    const ofCompany = await api.ok('GET', `/api/v1/companies/${company.id}/feelings?days=30`);
    expect(ofCompany.summary.texts).toBe(1);
    expect(ofCompany.cue).toBe(answer.body.cue);

    const unknown = await api.call('GET', '/api/v1/people/per_01jzzzzzzzzzzzzzzzzzzzzzzz/feelings');
    expect(unknown.status).toBe(404);
    expect((await api.call('GET', '/api/v1/companies/com_nope/feelings')).status).toBe(404);
    const bad = await api.call('GET', `/api/v1/people/${person.id}/feelings?days=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('days');
    expect((await api.call('GET', `/api/v1/people/${person.id}/feelings`, { key: null })).status).toBe(401);
  });
});
