import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('GET /api/v1/themes', () => {
  it('answers the themes of what customers wrote, with the texts behind them', async () => {
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Ada', lastName: 'Lovelace' });
    const bodies = [
      'The refund never came',
      'Still waiting for my refund',
      'Refund requested twice',
      'Love the new blend',
    ];
    for (const body of bodies)
      await api.ok('POST', '/api/v1/interactions', {
        channel: 'email',
        direction: 'inbound',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        body,
        people: [{ personId: person.id }],
      });
    const answer = await api.ok('GET', '/api/v1/themes?days=7');
    expect(answer.current.texts).toBe(4);
    const refund = answer.themes.find((t: { name: string }) => t.name === 'refund');
    expect(refund.current).toBe(3);
    expect(refund.texts.map((t: { personId: string }) => t.personId)).toEqual([
      person.id,
      person.id,
      person.id,
    ]);
    expect(refund.sentiment.mean).toBeLessThan(0);
  });

  it('refuses a bad period and an unknown segment with the parameter named', async () => {
    const bad = await api.call('GET', '/api/v1/themes?days=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('days');
    const unknown = await api.call('GET', '/api/v1/themes?viewId=view_nope');
    expect(unknown.status).toBe(404);
  });
});
