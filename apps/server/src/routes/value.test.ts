import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('value API', () => {
  it('recomputes on demand and answers figures, lists, dashboard and settings', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const person = await api.ok('POST', '/api/v1/people', { firstName: 'Val', lastName: `Buyer ${i}` });
      ids.push(person.id);
      for (let k = 0; k <= i % 6; k++)
        await api.ok('POST', '/api/v1/orders', {
          personId: person.id,
          orderedAt: ago(400 - i * 7 - k * 30),
          currency: 'EUR',
          totalMinor: 1500 + 100 * i,
        });
    }
    const run = await api.ok('POST', '/api/v1/value/recompute');
    expect(run).toMatchObject({ customers: 25, fit: { model: 'bgnbd', customers: 25, currency: 'EUR' } });

    const viewer = await api.keyFor('viewer');
    const value = await api.call('GET', `/api/v1/people/${ids[24]}/value`, { key: viewer });
    expect(value.status).toBe(200);
    expect(value.body.figures).toMatchObject({ subjectId: ids[24], x: 0, currency: 'EUR' });
    expect(value.body.figures.healthReasons[0]).toEqual(
      expect.objectContaining({ component: expect.any(String), reason: expect.any(String) }),
    );
    expect(value.body.healthHistory).toHaveLength(1);
    expect(value.body.fit.id).toBe(run.fit.id);

    const sorted = await api.ok('GET', '/api/v1/people?sort=-clv&limit=5');
    expect(sorted.data[0].value).toEqual(
      expect.objectContaining({ clvMinor: expect.any(Number), churnBand: expect.any(String) }),
    );
    expect(sorted.data.map((p: { value: { clvMinor: number } }) => p.value.clvMinor)).toEqual(
      [...sorted.data.map((p: { value: { clvMinor: number } }) => p.value.clvMinor)].sort((a, b) => b - a),
    );
    const filtered = await api.ok('GET', '/api/v1/people?churnRisk=low&churnRisk=medium&minHealth=1');
    expect(filtered.data.length).toBeGreaterThan(0);
    const badFilter = await api.call('GET', '/api/v1/people?churnRisk=extreme');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details[0].path).toBe('churnRisk');
    const badSort = await api.call('GET', '/api/v1/companies?sort=wealth');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0].path).toBe('sort');

    const dashboard = await api.ok('GET', '/api/v1/value/dashboard');
    expect(dashboard).toMatchObject({ customerUnit: 'person', customers: 25, repeatRate: { customers: 25 } });
    expect(dashboard.clvDistribution.bins).toHaveLength(20);
    const noView = await api.call('GET', '/api/v1/value/dashboard?viewId=viw_nope');
    expect(noView.status).toBe(404);
    expect(noView.body.error.details[0].path).toBe('viewId');

    expect(await api.ok('GET', '/api/v1/value/settings')).toMatchObject({
      customerUnit: 'person',
      model: 'bgnbd',
    });
    const bad = await api.call('PATCH', '/api/v1/value/settings', {
      body: { horizonWeeks: 600, annualDiscountRate: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'annualDiscountRate',
      'horizonWeeks',
    ]);
    const manager = await api.keyFor('manager');
    expect(
      (await api.call('PATCH', '/api/v1/value/settings', { key: manager, body: { horizonWeeks: 26 } }))
        .status,
    ).toBe(403);
    expect((await api.call('POST', '/api/v1/value/recompute', { key: viewer })).status).toBe(403);
    const changed = await api.ok('PATCH', '/api/v1/value/settings', {
      horizonWeeks: 26,
      currency: 'eur',
      margin: 0.4,
    });
    expect(changed).toMatchObject({ horizonWeeks: 26, currency: 'EUR', margin: 0.4 });
    expect((await api.call('GET', '/api/v1/companies/com_nope/value')).status).toBe(404);
  });
});
