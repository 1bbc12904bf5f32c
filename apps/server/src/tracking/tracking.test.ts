import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Call, type TestApi, testApi } from '../testing.ts';

let api: TestApi;
let writeKey: string;
let sourceId: string;

beforeAll(async () => {
  api = await testApi();
  const created = await api.call('POST', '/api/v1/sources', { body: { name: 'Web shop' } });
  expect(created.status).toBe(201);
  writeKey = created.body.writeKey;
  sourceId = created.body.id;
});
afterAll(() => api.close());

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** Posts to a tracking endpoint as an SDK does (Basic auth with the write key, JSON); waits for the effects. */
async function send(
  path: string,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string>; raw?: Uint8Array | string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const key = options.key === undefined ? writeKey : options.key;
  if (key) headers.authorization = basic(key);
  const response = await api.app.request(path, {
    method: 'POST',
    headers,
    body: (options.raw ?? JSON.stringify(body)) as BodyInit,
  });
  const answer = { status: response.status, body: (await response.json()) as Call['body'] };
  await api.settled(); // what the messages mean (people, orders) is applied after the answer
  return answer;
}

let counter = 0;
const mid = () => `msg-${Date.now()}-${counter++}`;

async function eventsOf(personId: string) {
  return (await api.call('GET', `/api/v1/people/${personId}/events?limit=200`)).body.data;
}

async function personByExternalId(externalId: string) {
  return (await api.call('GET', `/api/v1/people?externalId=${externalId}`)).body.data[0];
}

describe('the Segment tracking API', () => {
  it('stores a gzip-compressed batch', async () => {
    const batch = {
      batch: [
        {
          type: 'identify',
          userId: 'gz-1',
          messageId: mid(),
          traits: { email: 'gz1@example.com', name: 'Gus Zip' },
        },
        {
          type: 'track',
          userId: 'gz-1',
          messageId: mid(),
          event: 'Viewed Pricing',
          properties: { plan: 'pro' },
        },
      ],
      sentAt: new Date().toISOString(),
    };
    const sent = await send('/v1/batch', null, {
      raw: gzipSync(JSON.stringify(batch)),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(sent).toMatchObject({
      status: 200,
      body: { success: true, stored: 2, duplicates: 0, rejected: [] },
    });
    const person = await personByExternalId('gz-1');
    expect(person).toMatchObject({ email: 'gz1@example.com', firstName: 'Gus', lastName: 'Zip' });
    const events = await eventsOf(person.id);
    expect(events.map((e: { type: string; name: string }) => `${e.type} ${e.name}`)).toEqual(
      expect.arrayContaining(['track Viewed Pricing', 'identify null']),
    );
  });

  it('takes text/plain bodies with the write key inside, as browsers send them (sendBeacon)', async () => {
    const sent = await send(
      '/v1/t',
      { writeKey, anonymousId: 'beacon-1', event: 'Clicked CTA', messageId: mid() },
      { key: null, headers: { 'content-type': 'text/plain;charset=UTF-8' } },
    );
    expect(sent).toEqual({ status: 200, body: { success: true } });
    const recent = await api.call('GET', `/api/v1/events?sourceId=${sourceId}&limit=5`);
    expect(recent.body.data[0]).toMatchObject({
      type: 'track',
      name: 'Clicked CTA',
      anonymousId: 'beacon-1',
      personId: null,
    });
  });

  it('refuses an unknown, a missing or a disabled write key with 401 and a clear message', async () => {
    const message = { userId: 'u-401', event: 'X', messageId: mid() };
    const unknown = await send('/v1/track', message, { key: 'not-a-key' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({
      success: false,
      error: { code: 'unauthenticated', details: [{ path: 'writeKey' }] },
    });
    const missing = await send('/v1/track', message, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toContain('write key');

    const other = await api.call('POST', '/api/v1/sources', { body: { name: 'Old app' } });
    await api.call('PATCH', `/api/v1/sources/${other.body.id}`, { body: { enabled: false } });
    const disabled = await send('/v1/track', message, { key: other.body.writeKey });
    expect(disabled.status).toBe(401);
    expect(disabled.body.error.message).toContain('disabled');
    await api.call('PATCH', `/api/v1/sources/${other.body.id}`, { body: { enabled: true } });
    expect((await send('/v1/track', message, { key: other.body.writeKey })).status).toBe(200);
  });

  it('refuses a message over 32 KB and a batch over 500 KB with 400, naming the message, storing nothing', async () => {
    const small = { type: 'track', userId: 'big-1', event: 'Small', messageId: mid() };
    const big = {
      type: 'track',
      userId: 'big-1',
      event: 'Big',
      messageId: 'big-one',
      properties: { blob: 'x'.repeat(33 * 1024) },
    };
    const oversize = await send('/v1/batch', { batch: [small, big] });
    expect(oversize.status).toBe(400);
    expect(oversize.body.error.details).toEqual([
      {
        path: 'batch.1',
        message: expect.stringMatching(/message big-one is [\d,]+ bytes; the limit is 32 KB/),
      },
    ]);
    const single = await send('/v1/track', big);
    expect(single.status).toBe(400);
    expect(single.body.error.details[0].path).toBe('(body)');

    const many = Array.from({ length: 30 }, () => ({
      ...small,
      messageId: mid(),
      properties: { blob: 'y'.repeat(20_000) },
    }));
    const huge = await send('/v1/batch', { batch: many });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain('500 KB');
    const recent = await api.call('GET', `/api/v1/events?sourceId=${sourceId}&limit=50`);
    expect(recent.body.data.some((e: { userId: string }) => e.userId === 'big-1')).toBe(false);
  });

  it('stores the valid messages of a batch, reports the invalid ones with their paths, and records refused effects', async () => {
    const ids = [mid(), mid(), mid(), mid(), mid()];
    const sent = await send('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'mixed-1', messageId: ids[0], traits: { email: 'mixed1@example.com' } },
        { type: 'identify', userId: 'mixed-2', messageId: ids[1], traits: { email: 'not-an-email' } },
        { type: 'track', userId: 'mixed-1', messageId: ids[2] },
        {
          type: 'page',
          userId: 'mixed-1',
          messageId: ids[3],
          name: 'Home',
          properties: { url: 'https://shop.example/' },
        },
        { type: 'bogus', userId: 'mixed-1', messageId: ids[4] },
      ],
    });
    expect(sent.status).toBe(200);
    // Invalid messages are refused at once; what a valid one means (a person) is applied after.
    expect(sent.body).toMatchObject({ success: true, received: 5, stored: 3, duplicates: 0, pending: 2 });
    expect(sent.body.rejected).toEqual([
      { index: 2, messageId: ids[2], path: 'batch.2.event', message: 'is required' },
      { index: 4, messageId: ids[4], path: 'batch.4.type', message: expect.stringContaining('identify') },
    ]);
    const person = await personByExternalId('mixed-1');
    expect((await eventsOf(person.id)).map((e: { messageId: string }) => e.messageId).sort()).toEqual(
      [ids[0], ids[3]].sort(),
    );
    // The identify with a bad email made no one: its event says why.
    expect(await personByExternalId('mixed-2')).toBeUndefined();
    const stored = (await api.call('GET', `/api/v1/events?sourceId=${sourceId}&limit=200`)).body.data;
    const byMessage = new Map(stored.map((e: { messageId: string }) => [e.messageId, e]));
    expect(byMessage.get(ids[1])).toMatchObject({
      effect: 'refused',
      error: expect.stringMatching(/^traits\.email: /),
    });
    expect(byMessage.get(ids[0])).toMatchObject({ effect: 'applied', error: null });
    expect(byMessage.get(ids[3])).toMatchObject({ effect: 'none' });
    // Fixed and sent again, it makes the person.
    const fixed = await send('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'mixed-2', messageId: mid(), traits: { email: 'mixed2@example.com' } },
      ],
    });
    expect(fixed.body).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await personByExternalId('mixed-2')).toMatchObject({ email: 'mixed2@example.com' });
  });

  it('keeps an identify that names no one yet, and attaches it once an identify with an email comes', async () => {
    const first = await send('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'quiet-1', messageId: mid(), traits: { plan: 'trial' } },
        { type: 'track', userId: 'quiet-1', messageId: mid(), event: 'Trial Started' },
      ],
    });
    expect(first.body).toMatchObject({ stored: 2, rejected: [] });
    expect(await personByExternalId('quiet-1')).toBeUndefined();
    await send('/v1/identify', {
      userId: 'quiet-1',
      messageId: mid(),
      traits: { email: 'quiet1@example.com' },
    });
    const person = await personByExternalId('quiet-1');
    expect(
      (await eventsOf(person.id)).map((e: { type: string; name: string | null }) => e.name ?? e.type).sort(),
    ).toEqual(['Trial Started', 'identify', 'identify']);
  });

  it('answers 400 when every message of a request is refused', async () => {
    const single = await send('/v1/identify', { messageId: mid(), traits: { email: 'x@example.com' } });
    expect(single.status).toBe(400);
    expect(single.body.error.details).toEqual([
      { path: 'userId', message: 'a message needs a userId or an anonymousId' },
    ]);
    const notJson = await send('/v1/batch', null, { raw: '{"batch": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const form = await send('/v1/track', null, {
      raw: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('stores a retried batch once (same messageIds), answering success', async () => {
    const batch = {
      batch: [
        {
          type: 'identify',
          userId: 'retry-1',
          messageId: 'retry-a',
          traits: { email: 'retry1@example.com', plan: 'pro' },
        },
        {
          type: 'track',
          userId: 'retry-1',
          messageId: 'retry-b',
          event: 'Order Completed',
          properties: { order_id: 'R-1', total: 10, currency: 'EUR' },
        },
        { type: 'page', userId: 'retry-1', messageId: 'retry-c', name: 'Checkout' },
      ],
    };
    const first = await send('/v1/batch', batch);
    expect(first.body).toMatchObject({ success: true, stored: 3, duplicates: 0 });
    const again = await send('/v1/batch', batch);
    expect(again).toMatchObject({
      status: 200,
      body: { success: true, stored: 0, duplicates: 3, rejected: [] },
    });
    const person = await personByExternalId('retry-1');
    expect(await eventsOf(person.id)).toHaveLength(3);
    const orders = await api.call('GET', '/api/v1/orders?externalId=R-1');
    expect(orders.body.data).toHaveLength(1);
    expect(orders.body.data[0]).toMatchObject({ personId: person.id, totalMinor: 1000, currency: 'EUR' });
    expect((await api.call('GET', '/api/v1/people?email=retry1@example.com')).body.data).toHaveLength(1);
    expect(person.traits).toEqual({ plan: 'pro' });
  });

  it('answers CORS preflights for browsers', async () => {
    const response = await api.app.request('/v1/t', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
