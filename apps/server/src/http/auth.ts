import type { Role } from '@rapport/core';
import { type Actor, AppError, resolveApiKey, resolveSession, type SystemCtx } from '@rapport/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { CredentialsCache } from './credentials-cache.ts';

export const SESSION_COOKIE = 'rapport_session';

/** Who is calling: a user through a session cookie, or an integration through an API key. */
export interface Principal {
  kind: 'user' | 'api_key';
  workspaceId: string;
  role: Role;
  userId: string | null;
  keyId: string | null;
  sessionId: string | null;
  /** The idempotency and audit identity: usr_… or key_…. */
  id: string;
}

export function actorOf(principal: Principal): Actor {
  return { kind: principal.kind, id: principal.id, role: principal.role, userId: principal.userId };
}

function bearer(c: Context): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <API key>".', [
      { path: 'Authorization', message: 'malformed' },
    ]);
  }
  return match[1]!;
}

/**
 * Cookie sessions are for the web app; unsafe methods with a cookie must come from our own
 * origin (a cross-site form cannot post as the user). API keys are not sent by browsers on
 * their own, so they need no such check.
 */
function checkOrigin(c: Context) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return;
  const origin = c.req.header('origin');
  if (!origin) return;
  const host = c.req.header('host');
  if (!host || new URL(origin).host !== host) {
    throw new AppError('forbidden', 'Cross-site request refused; call the API with an API key instead.', [
      { path: 'Origin', message: `${origin} is not this server` },
    ]);
  }
}

/** Resolved credentials, per process; see CredentialsCache for what that means for revocation. */
export const keyCache = new CredentialsCache<Awaited<ReturnType<typeof resolveApiKey>>>();
export const sessionCache = new CredentialsCache<Awaited<ReturnType<typeof resolveSession>>>();

export async function authenticate(c: Context, sys: SystemCtx): Promise<Principal> {
  const key = bearer(c);
  if (key) {
    const found = await keyCache.get(key, () => resolveApiKey(sys, key), sys.clock.now().getTime());
    return {
      kind: 'api_key',
      workspaceId: found.workspaceId,
      role: found.role,
      userId: null,
      keyId: found.keyId,
      sessionId: null,
      id: found.keyId,
    };
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) {
    throw new AppError(
      'unauthenticated',
      'Sign in first (POST /api/v1/auth/login) or send an API key as "Authorization: Bearer <key>".',
    );
  }
  checkOrigin(c);
  const session = await sessionCache.get(token, () => resolveSession(sys, token), sys.clock.now().getTime());
  return {
    kind: 'user',
    workspaceId: session.workspaceId,
    role: session.role,
    userId: session.userId,
    keyId: null,
    sessionId: session.sessionId,
    id: session.userId,
  };
}

export function requireRole(principal: Principal, roles: Role[]) {
  if (!roles.includes(principal.role)) {
    throw new AppError(
      'forbidden',
      `Your role (${principal.role}) may not do this; it needs ${roles.join(' or ')}.`,
      [{ path: 'role', message: `needs ${roles.join(' or ')}` }],
    );
  }
}
