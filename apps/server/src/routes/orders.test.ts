import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body);

describe('an order for its own page', () => {
  it('names the customer, keeps the lines and tells how the status went (refunds included)', async () => {
    const company = await ok('POST', '/api/v1/companies', { name: 'Roastery Supplies AG' });
    const person = await ok('POST', '/api/v1/people', { firstName: 'Lea', lastName: 'Brunner' });
    const order = await ok('POST', '/api/v1/orders', {
      personId: person.id,
      companyId: company.id,
      externalId: 'PAGE-1',
      status: 'pending',
      currency: 'CHF',
      channel: 'phone',
      lines: [
        { sku: 'MUG-1', name: 'Mug', quantity: 3, unitPriceMinor: 1200, discountMinor: 200 },
        { name: 'Returned mug', quantity: -1, unitPriceMinor: 1200 },
      ],
      taxMinor: 180,
      shippingMinor: 700,
    });
    expect(order).toMatchObject({ personName: 'Lea Brunner', companyName: 'Roastery Supplies AG' });
    expect(order.totalMinor).toBe(3 * 1200 - 200 - 1200 + 180 + 700);

    const fresh = await ok('GET', `/api/v1/orders/${order.id}`);
    expect(fresh.statusHistory).toEqual([
      { at: expect.any(String), from: null, to: 'pending', actor: expect.stringMatching(/^key_/) },
    ]);
    await ok('PATCH', `/api/v1/orders/${order.id}`, { status: 'paid' });
    const refunded = await ok('PATCH', `/api/v1/orders/${order.id}`, { status: 'refunded' });
    expect(refunded.status).toBe('refunded');
    expect(refunded.statusHistory.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([
      [null, 'pending'],
      ['pending', 'paid'],
      ['paid', 'refunded'],
    ]);
    // A change that is not a status (the channel) is no step of the history.
    const renamed = await ok('PATCH', `/api/v1/orders/${order.id}`, { channel: 'store' });
    expect(renamed.channel).toBe('store');
    expect(renamed.statusHistory).toHaveLength(3);
    expect(renamed.lines.map((l: { name: string; quantity: number }) => [l.name, l.quantity])).toEqual([
      ['Mug', 3],
      ['Returned mug', -1],
    ]);

    // Everywhere an order shows, it names its customer.
    const listed = await ok('GET', `/api/v1/orders?personId=${person.id}`);
    expect(listed.data[0]).toMatchObject({ id: order.id, personName: 'Lea Brunner' });
    const found = await ok('GET', '/api/v1/search?q=PAGE-1');
    expect(found.orders[0]).toMatchObject({ id: order.id, companyName: 'Roastery Supplies AG' });
  });

  it('lets writers change the status and keeps viewers and bad input out', async () => {
    const person = await ok('POST', '/api/v1/people', { email: 'viewer-check@example.test' });
    const order = await ok('POST', '/api/v1/orders', {
      personId: person.id,
      currency: 'EUR',
      totalMinor: 990,
    });
    expect(order.personName).toBe('viewer-check@example.test');
    expect(order.companyName).toBeNull();
    const viewer = await api.keyFor('viewer');
    const read = await api.call('GET', `/api/v1/orders/${order.id}`, { key: viewer });
    expect(read.status).toBe(200);
    const refused = await api.call('PATCH', `/api/v1/orders/${order.id}`, {
      key: viewer,
      body: { status: 'refunded' },
    });
    expect(refused.status).toBe(403);
    const agent = await api.keyFor('agent');
    const changed = await api.call('PATCH', `/api/v1/orders/${order.id}`, {
      key: agent,
      body: { status: 'fulfilled' },
    });
    expect(changed.status).toBe(200);
    const bad = await api.call('PATCH', `/api/v1/orders/${order.id}`, { body: { status: 'lost' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('status');
    const taken = await api.call('PATCH', `/api/v1/orders/${order.id}`, { body: { externalId: 'PAGE-1' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].path).toBe('externalId');
    const missing = await api.call('GET', '/api/v1/orders/ord_nope');
    expect(missing.status).toBe(404);
    const missingPatch = await api.call('PATCH', '/api/v1/orders/ord_nope', { body: { status: 'paid' } });
    expect(missingPatch.status).toBe(404);
  });

  it("pages a person's orders newest first and shows the timeline up to a moment", async () => {
    const person = await ok('POST', '/api/v1/people', { firstName: 'Paging', lastName: 'Buyer' });
    const ids: string[] = [];
    for (const day of [1, 2, 3, 4, 5]) {
      const placed = await ok('POST', '/api/v1/orders', {
        personId: person.id,
        externalId: `PG-${day}`,
        currency: 'EUR',
        totalMinor: day * 100,
        orderedAt: `2026-03-0${day}T10:00:00Z`,
      });
      ids.push(placed.id);
    }
    const first = await ok('GET', `/api/v1/orders?personId=${person.id}&limit=2`);
    expect(first.data.map((o: { externalId: string }) => o.externalId)).toEqual(['PG-5', 'PG-4']);
    const second = await ok('GET', `/api/v1/orders?personId=${person.id}&limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((o: { externalId: string }) => o.externalId)).toEqual(['PG-3', 'PG-2']);

    const around = await ok('GET', `/api/v1/people/${person.id}/timeline?until=2026-03-03T10:00:00Z&limit=2`);
    expect(around.data.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
    const older = await ok(
      'GET',
      `/api/v1/people/${person.id}/timeline?until=2026-03-03T10:00:00Z&limit=2&cursor=${around.nextCursor}`,
    );
    expect(older.data.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
    const bad = await api.call('GET', `/api/v1/people/${person.id}/timeline?until=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('until');
  });
});
