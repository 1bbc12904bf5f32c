import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

describe('people API', () => {
  it('creates, reads, updates and lists people', async () => {
    const created = await api.call('POST', '/api/v1/people', {
      body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', tags: ['vip'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^per_/);
    const read = await api.call('GET', `/api/v1/people/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ email: 'ada@example.com', memberships: [] });
    const patched = await api.call('PATCH', `/api/v1/people/${created.body.id}`, {
      body: { title: 'Analyst' },
    });
    expect(patched.body.title).toBe('Analyst');
    const list = await api.call('GET', '/api/v1/people?email=ada@example.com');
    expect(list.body).toEqual({ data: [expect.objectContaining({ id: created.body.id })], nextCursor: null });
  });

  it('answers bad input with 4xx and one error shape, writing nothing', async () => {
    const malformed = await api.call('POST', '/api/v1/people', { body: '{"firstName": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');

    const wrong = await api.call('POST', '/api/v1/people', {
      body: { firstName: 42, email: 'nope', shoeSize: 44 },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('validation_failed');
    expect(wrong.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'firstName',
      'shoeSize',
    ]);

    const missing = await api.call('POST', '/api/v1/people', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('firstName');

    const form = await api.call('POST', '/api/v1/people', {
      body: 'firstName=Ada',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);

    const huge = await api.call('POST', '/api/v1/people', {
      body: { firstName: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');

    const unknownId = await api.call('GET', '/api/v1/people/per_01jzzzzzzzzzzzzzzzzzzzzzzz');
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.error).toMatchObject({ code: 'not_found', details: [{ path: 'id' }] });

    const list = await api.call('GET', '/api/v1/people?limit=500');
    expect(list.status).toBe(400);
    expect(list.body.error.details[0].path).toBe('limit');

    const dates = await api.call('POST', '/api/v1/people', {
      body: {
        firstName: 'Leap',
        birthday: '2023-02-29',
        consent: { email: { status: 'granted', at: 'yesterday' } },
      },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'birthday',
      'consent.email.at',
    ]);

    const count = await api.call('GET', '/api/v1/people?q=nope');
    expect(count.body.data).toEqual([]);
    const nothingWritten = await api.call('GET', '/api/v1/people?q=leap');
    expect(nothingWritten.body.data).toEqual([]);
  });

  it('refuses a duplicate email with 409 naming the field', async () => {
    await api.call('POST', '/api/v1/people', { body: { email: 'twice@example.com' } });
    const again = await api.call('POST', '/api/v1/people', { body: { email: 'Twice@Example.com' } });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].path).toBe('email');
  });

  it('returns the first result for a retried POST with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'create-grace-1' };
    const first = await api.call('POST', '/api/v1/people', { body: { firstName: 'Grace' }, headers });
    const second = await api.call('POST', '/api/v1/people', { body: { firstName: 'Grace' }, headers });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const graces = await api.call('GET', '/api/v1/people?q=grace');
    expect(graces.body.data).toHaveLength(1);
    const other = await api.call('POST', '/api/v1/people', { body: { firstName: 'Not Grace' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_mismatch');
  });

  it('requires authentication and the right role', async () => {
    const anonymous = await api.call('GET', '/api/v1/people', { key: null });
    expect(anonymous.status).toBe(401);
    const badKey = await api.call('GET', '/api/v1/people', { key: 'rk_not-a-key' });
    expect(badKey.status).toBe(401);
    const viewer = await api.keyFor('viewer');
    expect((await api.call('GET', '/api/v1/people', { key: viewer })).status).toBe(200);
    const denied = await api.call('POST', '/api/v1/people', { key: viewer, body: { firstName: 'V' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
  });
});
