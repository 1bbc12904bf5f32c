import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

/** Sends a batch, then waits until what it means (the person of an identify) is applied. */
async function track(writeKey: string, batch: unknown[]) {
  const response = await api.app.request('/v1/batch', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({ batch }),
  });
  await api.settled();
  return response;
}

describe('sources and events API', () => {
  it('creates, lists, changes and deletes sources, with field paths for bad input', async () => {
    const bad = await api.call('POST', '/api/v1/sources', {
      body: { name: '', interactionEvents: [{ event: 'X', channel: 'pigeon' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'interactionEvents.0.channel',
      'name',
    ]);
    const twice = await api.call('POST', '/api/v1/sources', {
      body: {
        name: 'App',
        interactionEvents: [
          { event: 'Call Booked', channel: 'phone' },
          { event: 'Call Booked', channel: 'meeting' },
        ],
      },
    });
    expect(twice.body.error.details).toEqual([
      { path: 'interactionEvents', message: 'an event is listed twice' },
    ]);

    const created = await api.call('POST', '/api/v1/sources', { body: { name: 'iOS app' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^src_/),
      name: 'iOS app',
      enabled: true,
      writeKey: expect.stringMatching(/^[\w-]{32}$/),
      lastEventAt: null,
      recentEvents: 0,
      interactionEvents: [],
    });
    const id = created.body.id;
    const oldKey = created.body.writeKey;
    expect(
      (await track(oldKey, [{ type: 'track', userId: 'u1', event: 'Opened', messageId: 'a' }])).status,
    ).toBe(200);

    const listed = await api.call('GET', '/api/v1/sources');
    expect(listed.body.data).toContainEqual(
      expect.objectContaining({ id, recentEvents: 1, lastEventAt: expect.any(String) }),
    );

    const rotated = await api.call('PATCH', `/api/v1/sources/${id}`, {
      body: { rotateWriteKey: true, interactionEvents: [{ event: 'Call Booked', channel: 'phone' }] },
    });
    expect(rotated.body.writeKey).not.toBe(oldKey);
    expect(rotated.body.interactionEvents).toEqual([
      { event: 'Call Booked', channel: 'phone', direction: 'inbound' },
    ]);
    expect((await track(oldKey, [])).status).toBe(401);
    expect(
      (await track(rotated.body.writeKey, [{ type: 'page', userId: 'u1', messageId: 'b' }])).status,
    ).toBe(200);

    expect((await api.call('PATCH', '/api/v1/sources/src_nope', { body: { name: 'x' } })).status).toBe(404);
    expect((await api.call('DELETE', `/api/v1/sources/${id}`)).status).toBe(204);
    expect((await api.call('GET', `/api/v1/events?sourceId=${id}`)).body.data).toEqual([]);
    expect((await api.call('GET', `/api/v1/sources/${id}`)).status).toBe(404);
    expect((await track(rotated.body.writeKey, [])).status).toBe(401);
  });

  it('pages through what arrived, by source and per person, with filters', async () => {
    const a = await api.call('POST', '/api/v1/sources', { body: { name: 'Web' } });
    const b = await api.call('POST', '/api/v1/sources', { body: { name: 'Server' } });
    await track(a.body.writeKey, [
      {
        type: 'identify',
        userId: 'pager',
        traits: { email: 'pager@example.com' },
        messageId: 'p0',
        timestamp: '2025-12-31T00:00:00Z',
      },
      ...Array.from({ length: 5 }, (_, i) => ({
        type: 'page',
        userId: 'pager',
        name: `Page ${i}`,
        messageId: `p${i + 1}`,
        timestamp: `2026-01-01T10:0${i}:00Z`,
      })),
    ]);
    await track(b.body.writeKey, [
      {
        type: 'track',
        userId: 'pager',
        event: 'Invoice Paid',
        messageId: 's1',
        timestamp: '2026-01-02T10:00:00Z',
      },
    ]);
    const first = await api.call('GET', `/api/v1/events?sourceId=${a.body.id}&limit=4`);
    expect(first.body.data).toHaveLength(4);
    const rest = await api.call(
      'GET',
      `/api/v1/events?sourceId=${a.body.id}&limit=4&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(
      [...first.body.data, ...rest.body.data].map((e: { messageId: string }) => e.messageId).sort(),
    ).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const all = await api.call('GET', '/api/v1/events?limit=200');
    expect(all.body.data.map((e: { sourceId: string }) => e.sourceId)).toEqual(
      expect.arrayContaining([a.body.id, b.body.id]),
    );

    const [person] = (await api.call('GET', '/api/v1/people?externalId=pager')).body.data;
    const newest = await api.call('GET', `/api/v1/people/${person.id}/events?limit=2`);
    expect(newest.body.data.map((e: { name: string }) => e.name)).toEqual(['Invoice Paid', 'Page 4']);
    const older = await api.call(
      'GET',
      `/api/v1/people/${person.id}/events?limit=2&cursor=${newest.body.nextCursor}`,
    );
    expect(older.body.data.map((e: { name: string }) => e.name)).toEqual(['Page 3', 'Page 2']);
    const pages = await api.call('GET', `/api/v1/people/${person.id}/events?type=page&name=Page%201`);
    expect(pages.body.data.map((e: { messageId: string }) => e.messageId)).toEqual(['p2']);
    const wrong = await api.call('GET', `/api/v1/people/${person.id}/events?type=click`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('type');
    expect((await api.call('GET', '/api/v1/people/per_01jzzzzzzzzzzzzzzzzzzzzzzz/events')).status).toBe(404);
  });
});
