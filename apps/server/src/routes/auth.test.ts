import type { Db } from '@rapport/core';
import { createUser, createWorkspace, fixedClock, systemCtx } from '@rapport/core';
import { openTestDb, testWorkspace } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';

let db: Db;
const clock = fixedClock('2026-03-01T08:00:00Z');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await openTestDb();
  app = createApp({ db, clock });
});
afterAll(() => db.close());

async function call(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

function cookieOf(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
}

describe('sign-in, sessions and workspaces', () => {
  it('signs in with a password, keeps a session cookie, switches workspace and signs out', async () => {
    const ws = await testWorkspace(db, clock);
    const second = await createWorkspace(systemCtx(db, clock), { name: 'Second' }, ws.adminId);
    const login = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail.toUpperCase(), password: ws.password, workspace: ws.workspaceId },
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/rapport_session=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(login.body).toMatchObject({ workspaceId: ws.workspaceId, role: 'admin' });
    expect(login.body.workspaces).toHaveLength(2);
    const cookie = cookieOf(login.headers);

    const created = await call('POST', '/api/v1/people', { cookie, body: { firstName: 'Session' } });
    expect(created.status).toBe(201);
    const switched = await call('POST', '/api/v1/auth/workspace', {
      cookie,
      body: { workspace: second.slug },
    });
    expect(switched.body.workspaceId).toBe(second.id);
    const me = await call('GET', '/api/v1/auth/me', { cookie });
    expect(me.body.workspaceId).toBe(second.id);
    const inSecond = await call('GET', `/api/v1/people/${created.body.id}`, { cookie });
    expect(inSecond.status).toBe(404);

    const out = await call('POST', '/api/v1/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect((await call('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('refuses wrong passwords without saying which part was wrong, and slows down guessing', async () => {
    const ws = await testWorkspace(db, clock);
    const wrong = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail, password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(401);
    const unknown = await call('POST', '/api/v1/auth/login', {
      body: { email: 'ghost@example.test', password: 'x' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    for (let i = 0; i < 9; i++) {
      await call('POST', '/api/v1/auth/login', { body: { email: ws.adminEmail, password: 'still wrong' } });
    }
    const limited = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail, password: ws.password },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('expires an unused session after 14 days', async () => {
    const ws = await testWorkspace(db, clock);
    const login = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail, password: ws.password },
    });
    const cookie = cookieOf(login.headers);
    clock.advance(13 * 24 * 3600 * 1000);
    expect((await call('GET', '/api/v1/people', { cookie })).status).toBe(200);
    clock.advance(15 * 24 * 3600 * 1000);
    const expired = await call('GET', '/api/v1/people', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('refuses cross-site writes made with the session cookie', async () => {
    const ws = await testWorkspace(db, clock);
    const login = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail, password: ws.password },
    });
    const cookie = cookieOf(login.headers);
    const forged = await call('POST', '/api/v1/people', {
      cookie,
      body: { firstName: 'Forged' },
      headers: { origin: 'https://evil.example', host: 'localhost:4100' },
    });
    expect(forged.status).toBe(403);
    const same = await call('POST', '/api/v1/people', {
      cookie,
      body: { firstName: 'Fine' },
      headers: { origin: 'http://localhost:4100', host: 'localhost:4100' },
    });
    expect(same.status).toBe(201);
  });

  it('lets an admin manage users and roles, never removing the last admin', async () => {
    const ws = await testWorkspace(db, clock);
    const login = await call('POST', '/api/v1/auth/login', {
      body: { email: ws.adminEmail, password: ws.password },
    });
    const cookie = cookieOf(login.headers);
    const agent = await call('POST', '/api/v1/users', {
      cookie,
      body: {
        email: `agent-${ws.workspaceId}@example.test`,
        name: 'Agent A',
        password: 'a long enough password',
        role: 'agent',
      },
    });
    expect(agent.status).toBe(201);
    const short = await call('POST', '/api/v1/users', {
      cookie,
      body: { email: 'x@example.test', name: 'X', password: 'short' },
    });
    expect(short.body.error.details[0].path).toBe('password');
    const demote = await call('PATCH', `/api/v1/users/${ws.adminId}`, { cookie, body: { role: 'viewer' } });
    expect(demote.status).toBe(409);
    const promoted = await call('PATCH', `/api/v1/users/${agent.body.id}`, {
      cookie,
      body: { role: 'manager' },
    });
    expect(promoted.body.role).toBe('manager');
    const agentLogin = await call('POST', '/api/v1/auth/login', {
      body: { email: `agent-${ws.workspaceId}@example.test`, password: 'a long enough password' },
    });
    const agentCookie = cookieOf(agentLogin.headers);
    expect(
      (await call('POST', '/api/v1/api-keys', { cookie: agentCookie, body: { name: 'k' } })).status,
    ).toBe(403);
    const key = await call('POST', '/api/v1/api-keys', {
      cookie,
      body: { name: 'Shop sync', role: 'agent' },
    });
    expect(key.body.key).toMatch(/^rk_/);
    const listed = await call('GET', '/api/v1/api-keys', { cookie });
    expect(JSON.stringify(listed.body)).not.toContain(key.body.key);
    const revoked = await call('DELETE', `/api/v1/api-keys/${key.body.id}`, { cookie });
    expect(revoked.body.revokedAt).not.toBeNull();
    const withKey = await app.request('/api/v1/people', {
      headers: { authorization: `Bearer ${key.body.key}` },
    });
    expect(withKey.status).toBe(401);
  });

  it('adds an existing user to another workspace only with their password', async () => {
    const a = await testWorkspace(db, clock);
    const b = await testWorkspace(db, clock);
    const sys = systemCtx(db, clock);
    await expect(
      createUser(sys, b.workspaceId, { email: a.adminEmail, name: 'Again', password: 'not their password' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const added = await createUser(sys, b.workspaceId, {
      email: a.adminEmail,
      name: 'Again',
      password: a.password,
      role: 'viewer',
    });
    expect(added).toMatchObject({ id: a.adminId, role: 'viewer' });
  });
});
