import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('recovery API', () => {
  it('answers outcomes, root causes and times to a viewer, and 400 for a period backwards', async () => {
    const person = await api.ok('POST', '/api/v1/people', { firstName: 'Rita', email: 'rita@example.test' });
    await api.ok('POST', '/api/v1/orders', { personId: person.id, currency: 'EUR', totalMinor: 2500 });
    const cause = await api.ok('POST', '/api/v1/root-causes', { name: 'Wrong size sent' });
    const complaint = await api.ok('POST', '/api/v1/cases', {
      type: 'complaint',
      subject: 'Wrong size',
      personId: person.id,
    });
    await api.ok('PATCH', `/api/v1/cases/${complaint.id}`, { rootCauseId: cause.id });
    await api.ok('POST', `/api/v1/cases/${complaint.id}/transitions`, { to: 'acknowledged' });

    const viewer = await api.keyFor('viewer');
    const outcomes = await api.call('GET', '/api/v1/recovery/outcomes?period=90d', { key: viewer });
    expect(outcomes.status).toBe(200);
    expect(outcomes.body.groups.map((g: { group: string }) => g.group)).toEqual([
      'recovered',
      'unsatisfied_or_late',
      'unresolved',
      'never_complained',
    ]);
    // Opened today: in its group, but no window has ended yet.
    expect(outcomes.body.groups[2]).toMatchObject({
      customers: 1,
      windows: [
        { days: 90, customers: 0 },
        { days: 180, customers: 0 },
      ],
    });

    const causes = await api.call('GET', '/api/v1/recovery/root-causes?type=complaint', { key: viewer });
    expect(causes.body.data).toEqual([
      expect.objectContaining({ name: 'Wrong size sent', count: 1, cumulativeShare: 1, trend: 'steady' }),
    ]);
    const times = await api.call('GET', '/api/v1/recovery/times', { key: viewer });
    expect(times.body).toMatchObject({ clock: 'clock', acknowledge: { n: 1 }, resolve: { n: 0 } });

    const wrong = await api.call('GET', '/api/v1/recovery/times?since=2026-02-01&until=2026-01-01');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('since');
    const bad = await api.call('GET', '/api/v1/recovery/outcomes?period=7d');
    expect(bad.status).toBe(400);
  });
});
