import {
  AppError,
  authenticate as checkPassword,
  email,
  endSession,
  findUser,
  listWorkspacesOfUser,
  SESSION_TTL_MS,
  startSession,
  switchWorkspace,
  workspaceWithRole,
} from '@rapport/core';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, sessionCache } from '../http/auth.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { authenticatedRoute, publicRoute, type Route } from '../http/route.ts';

const failures = new RateLimiter(10, 15 * 60 * 1000);

const me = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    apiKeyId: z.string().nullable(),
    workspaceId: z.string(),
    role: z.enum(['admin', 'manager', 'agent', 'viewer']),
    workspaces: z.array(workspaceWithRole),
  })
  .meta({ id: 'Me' });

const login = z
  .strictObject({
    email,
    password: z.string().min(1).max(200),
    workspace: z.string().optional().describe('Workspace id or slug; default: the first one.'),
  })
  .meta({ id: 'Login' });

export const authRoutes: Route[] = [
  publicRoute({
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    summary: 'Sign in with email and password; sets the session cookie',
    body: login,
    response: { status: 200, schema: me },
    handler: async ({ body, c, sys }) => {
      const limitKey = `${c.req.header('x-forwarded-for') ?? 'local'}|${body.email}`;
      const wait = failures.retryAfter(limitKey);
      if (wait) {
        c.header('Retry-After', String(wait));
        throw new AppError(
          'rate_limited',
          `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minutes.`,
        );
      }
      const user = await checkPassword(sys, body.email, body.password);
      if (!user) {
        failures.hit(limitKey);
        throw new AppError('unauthenticated', 'Wrong email or password.', [
          { path: 'password', message: 'wrong email or password' },
        ]);
      }
      failures.reset(limitKey);
      const session = await startSession(sys, user.id, body.workspace);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_TTL_MS / 1000,
      });
      const workspaces = await listWorkspacesOfUser(sys, user.id);
      const current = workspaces.find((w) => w.id === session.workspaceId)!;
      return {
        user: { id: user.id, email: user.email, name: user.name },
        apiKeyId: null,
        workspaceId: current.id,
        role: current.role,
        workspaces,
      };
    },
  }),
  publicRoute({
    method: 'post',
    path: '/auth/logout',
    tag: 'Auth',
    summary: 'Sign out: ends the session',
    response: { status: 204, schema: null },
    handler: async ({ c, sys }) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        await endSession(sys, token);
        sessionCache.forget(token);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  authenticatedRoute({
    method: 'get',
    path: '/auth/me',
    tag: 'Auth',
    summary: 'Who am I: the user or API key, the current workspace and role',
    response: { status: 200, schema: me },
    handler: async ({ principal, sys }) => {
      const user = principal.userId ? await findUser(sys, principal.userId) : undefined;
      const workspaces = user ? await listWorkspacesOfUser(sys, user.id) : [];
      return {
        user: user ? { id: user.id, email: user.email, name: user.name } : null,
        apiKeyId: principal.keyId,
        workspaceId: principal.workspaceId,
        role: principal.role,
        workspaces,
      };
    },
  }),
  authenticatedRoute({
    method: 'post',
    path: '/auth/workspace',
    tag: 'Auth',
    summary: 'Switch the session to another workspace you belong to',
    body: z.strictObject({ workspace: z.string().min(1) }).meta({ id: 'SwitchWorkspace' }),
    response: { status: 200, schema: z.object({ workspaceId: z.string() }) },
    handler: async ({ principal, body, sys, c }) => {
      if (principal.kind !== 'user' || !principal.sessionId) {
        throw new AppError(
          'forbidden',
          'An API key belongs to one workspace; create a key in the other workspace.',
        );
      }
      const workspaceId = await switchWorkspace(
        sys,
        { ...principal, sessionId: principal.sessionId, userId: principal.userId! },
        body.workspace,
      );
      sessionCache.forget(getCookie(c, SESSION_COOKIE) ?? '');
      return { workspaceId };
    },
  }),
];
