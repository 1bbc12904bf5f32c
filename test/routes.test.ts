import { routes } from '@rapport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../apps/server/src/testing.ts';

/** The only routes anyone may call without signing in. */
const PUBLIC = new Set(['post /auth/login', 'post /auth/logout']);
const ROLES = new Set(['admin', 'manager', 'agent', 'viewer']);

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

const sample = (path: string) => `/api/v1${path.replace(/\{\w+\}/g, 'per_01jzzzzzzzzzzzzzzzzzzzzzzz')}`;

describe('every route has an access rule', () => {
  it('names public, authenticated or a non-empty list of roles', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (route.access === 'public')
        expect(PUBLIC.has(name), `${name} is public but not allow-listed`).toBe(true);
      else if (route.access !== 'authenticated') {
        expect(Array.isArray(route.access) && route.access.length > 0, `${name} has no roles`).toBe(true);
        for (const role of route.access) expect(ROLES.has(role), `${name}: unknown role ${role}`).toBe(true);
      }
    }
  });

  it('answers 401 to every non-public route without credentials', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await api.call(route.method.toUpperCase(), sample(route.path), {
        key: null,
        body: route.body ? {} : undefined,
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('answers 403 to a viewer on every route that viewers may not use', async () => {
    const viewer = await api.keyFor('viewer');
    const closed = routes.filter((r) => Array.isArray(r.access) && !r.access.includes('viewer'));
    expect(closed.length).toBeGreaterThan(20);
    for (const route of closed) {
      const res = await api.call(route.method.toUpperCase(), sample(route.path), {
        key: viewer,
        body: route.body ? {} : undefined,
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});
