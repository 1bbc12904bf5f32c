import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../testing.ts';

let api: TestApi;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  api = await testApi();
  await api.call('POST', '/api/v1/custom-fields', {
    body: { entity: 'person', key: 'vip', label: 'VIP', type: 'boolean' },
  });
});
afterAll(() => api.close());

/** A user of the test workspace, signed in: calls carry their session cookie. */
async function signedIn(name: string, role: string) {
  const email = `${name.toLowerCase()}-${Date.now()}@example.test`;
  const created = await api.call('POST', '/api/v1/users', {
    body: { email, name, password: PASSWORD, role },
  });
  expect(created.status).toBe(201);
  const login = await api.call('POST', '/api/v1/auth/login', {
    key: null,
    body: { email, password: PASSWORD, workspace: api.ws.workspaceId },
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    id: created.body.id as string,
    call: (method: string, path: string, body?: unknown) =>
      api.call(method, path, { key: null, headers: { cookie }, ...(body === undefined ? {} : { body }) }),
  };
}

describe('saved views through HTTP', () => {
  it('saves, lists, renames, shares, applies and deletes views with the rights of each role', async () => {
    const ana = await signedIn('Ana', 'agent');
    const ben = await signedIn('Ben', 'agent');
    const vic = await signedIn('Vic', 'viewer');

    const created = await ana.call('POST', '/api/v1/views', {
      kind: 'people',
      name: 'VIP customers',
      filters: { relationshipType: ['customer'], custom: { vip: 'yes' }, sort: '-updatedAt' },
      visibility: 'shared',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'people', visibility: 'shared', ownerName: 'Ana' });
    const view = created.body;
    const secret = (await ana.call('POST', '/api/v1/views', { kind: 'people', name: 'Ana only' })).body;

    // The stored filters are a list query: the people list answers them as they are.
    await api.call('POST', '/api/v1/people', { body: { firstName: 'Vip', custom: { vip: true } } });
    await api.call('POST', '/api/v1/people', { body: { firstName: 'Plain', custom: { vip: false } } });
    const query = new URLSearchParams({ sort: view.filters.sort, relationshipType: 'customer' });
    query.set('custom.vip', view.filters.custom.vip);
    const people = await vic.call('GET', `/api/v1/people?${query}`);
    expect(people.body.data.map((p: { name: string }) => p.name)).toEqual(['Vip']);

    const seenByBen = (await ben.call('GET', '/api/v1/views?kind=people')).body.data;
    expect(seenByBen.map((v: { name: string }) => v.name)).toEqual(['VIP customers']);
    const seenByAna = (await ana.call('GET', '/api/v1/views?kind=people')).body.data;
    expect(seenByAna.map((v: { name: string }) => v.name)).toEqual(['VIP customers', 'Ana only']);
    expect((await ben.call('GET', `/api/v1/views/${secret.id}`)).status).toBe(404);

    const taken = await ben.call('PATCH', `/api/v1/views/${view.id}`, { name: 'Ben now' });
    expect(taken.status).toBe(403);
    expect(taken.body.error.details[0].path).toBe('id');
    expect((await ben.call('DELETE', `/api/v1/views/${view.id}`)).status).toBe(403);

    const badFilter = await ana.call('PATCH', `/api/v1/views/${view.id}`, {
      filters: { custom: { vip: 'maybe' } },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details[0]).toEqual({
      path: 'filters.custom.vip',
      message: 'must be true or false',
    });
    const renamed = await ana.call('PATCH', `/api/v1/views/${view.id}`, {
      name: 'VIPs',
      visibility: 'private',
    });
    expect(renamed.body).toMatchObject({ name: 'VIPs', visibility: 'private', filters: view.filters });
    expect((await ben.call('GET', '/api/v1/views?kind=people')).body.data).toEqual([]);

    // A viewer keeps private views but may not share them.
    const mine = await vic.call('POST', '/api/v1/views', { kind: 'companies', name: 'My accounts' });
    expect(mine.status).toBe(201);
    const share = await vic.call('PATCH', `/api/v1/views/${mine.body.id}`, { visibility: 'shared' });
    expect(share.status).toBe(403);
    expect(share.body.error.details[0].path).toBe('visibility');

    // An admin API key sees shared views and may remove one; it cannot save views of its own.
    const shared = (
      await ben.call('POST', '/api/v1/views', { kind: 'companies', name: 'Ben shared', visibility: 'shared' })
    ).body;
    expect((await api.call('GET', '/api/v1/views')).body.data.map((v: { id: string }) => v.id)).toEqual([
      shared.id,
    ]);
    expect((await api.call('POST', '/api/v1/views', { body: { kind: 'people', name: 'Key' } })).status).toBe(
      403,
    );
    expect((await api.call('DELETE', `/api/v1/views/${shared.id}`)).status).toBe(204);
    expect((await ana.call('DELETE', `/api/v1/views/${view.id}`)).status).toBe(204);
    expect((await ana.call('GET', `/api/v1/views/${view.id}`)).status).toBe(404);

    const audit = await api.call('GET', `/api/v1/audit-log?entityId=${view.id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'create',
      'delete',
      'update',
    ]);
  });

  it('answers 400 with field paths for a bad body and never half-writes', async () => {
    const ana = await signedIn('Anna', 'agent');
    const bad = await ana.call('POST', '/api/v1/views', { kind: 'orders', name: '', filters: { sort: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'name']);
    const badSort = await ana.call('POST', '/api/v1/views', {
      kind: 'companies',
      name: 'S',
      filters: { sort: 'email' },
    });
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0].path).toBe('filters.sort');
    expect((await ana.call('GET', '/api/v1/views')).body.data).toEqual([]);
  });
});
