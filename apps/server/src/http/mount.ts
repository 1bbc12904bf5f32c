import type { Db } from '@rapport/core';
import { AppError, type Clock, inWorkspace, once, type SystemCtx } from '@rapport/core';
import type { Context, Hono } from 'hono';
import { actorOf, authenticate, requireRole } from './auth.ts';
import { errorResponse } from './errors.ts';
import { parsePart, readJsonBody, readQuery } from './input.ts';
import { isResponse, type Route } from './route.ts';

export interface Deps {
  db: Db;
  sys: SystemCtx;
  clock: Clock;
}

function honoPath(path: string) {
  return `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`;
}

function answer(c: Context, route: Route, result: unknown, status?: number) {
  if (isResponse(result)) return result;
  const code = status ?? route.response.status;
  if (code === 204) return c.body(null, 204);
  return c.json(result as object, code as 200);
}

/** Wires one route: authenticate, check the role, validate, run in the workspace's transaction, answer. */
export function mount(app: Hono, route: Route, deps: Deps) {
  app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
    try {
      const principal = route.access === 'public' ? null : await authenticate(c, deps.sys);
      if (principal && Array.isArray(route.access)) requireRole(principal, route.access);
      const params = parsePart(route.params, c.req.param(), '');
      const query = parsePart(route.query, readQuery(c), '');
      let raw = '';
      let body: unknown;
      if (route.body) {
        const read = await readJsonBody(c);
        raw = read.raw;
        body = parsePart(route.body, read.value, '');
      }
      const input = { params, query, body, c, sys: deps.sys, principal } as never;
      if (route.platform || !principal) {
        const result = await route.handler(input);
        route.afterCommit?.();
        return answer(c, route, result);
      }
      const key = c.req.header('idempotency-key');
      const handler = route.handler;
      const outcome = await inWorkspace(
        deps.db,
        principal.workspaceId,
        actorOf(principal),
        async (ctx) => {
          const run = async () => ({
            status: route.response.status,
            body: await handler({ ...(input as object), ctx } as never),
          });
          if (key === undefined || route.method !== 'post' || route.noReplay) {
            return { ...(await run()), replayed: false };
          }
          return once(
            ctx,
            { key, principal: principal.id, method: 'POST', path: c.req.path, body: raw },
            run,
          );
        },
        deps.clock,
      );
      route.afterCommit?.();
      if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
      return answer(c, route, outcome.body, outcome.status);
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}

export function notFoundRoute(c: Context) {
  return errorResponse(
    c,
    new AppError('not_found', `No route ${c.req.method} ${c.req.path}; see /api/docs for the API.`, [
      { path: 'path', message: 'no such route' },
    ]),
  );
}
