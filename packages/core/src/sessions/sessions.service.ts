import type { Role } from '@rapport/db';
import type { SystemCtx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newToken, tokenHash } from '../shared/tokens.ts';
import { listWorkspacesOfUser } from '../workspaces/workspaces.service.ts';
import * as repo from './sessions.repo.ts';

/** Sessions slide: each use pushes expiry to 14 days out (written at most once an hour). */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 3600 * 1000;

export interface SessionPrincipal {
  sessionId: string;
  userId: string;
  workspaceId: string;
  role: Role;
}

/** Starts a session for a user in a workspace they belong to; returns the cookie token. */
export async function startSession(
  sys: SystemCtx,
  userId: string,
  workspaceId?: string,
): Promise<{ token: string; workspaceId: string; expiresAt: Date }> {
  const workspaces = await listWorkspacesOfUser(sys, userId);
  const chosen = workspaceId
    ? workspaces.find((w) => w.id === workspaceId || w.slug === workspaceId)
    : workspaces[0];
  if (!chosen) {
    throw new AppError(
      'forbidden',
      workspaceId
        ? `You are not a member of workspace ${workspaceId}.`
        : 'You are not a member of any workspace yet.',
      [{ path: 'workspace', message: 'not a member' }],
    );
  }
  const token = newToken();
  const now = sys.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.insertSession(sys, {
    id: tokenHash(token),
    user_id: userId,
    workspace_id: chosen.id,
    created_at: now,
    expires_at: expiresAt,
  });
  return { token, workspaceId: chosen.id, expiresAt };
}

export async function resolveSession(sys: SystemCtx, token: string): Promise<SessionPrincipal> {
  const id = tokenHash(token);
  const row = await repo.findSessionWithRole(sys, id);
  const now = sys.clock.now();
  if (!row) throw new AppError('unauthenticated', 'Your session is not valid; sign in again.');
  if (row.expires_at <= now) {
    await repo.deleteSession(sys, id);
    throw new AppError('unauthenticated', 'Your session expired; sign in again.');
  }
  if (row.disabled_at) throw new AppError('unauthenticated', 'Your account is disabled.');
  if (!row.role)
    throw new AppError('forbidden', 'You are no longer a member of this workspace; switch workspace.');
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(sys, id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return { sessionId: id, userId: row.user_id, workspaceId: row.workspace_id, role: row.role };
}

export async function switchWorkspace(
  sys: SystemCtx,
  principal: SessionPrincipal,
  workspace: string,
): Promise<string> {
  const workspaces = await listWorkspacesOfUser(sys, principal.userId);
  const chosen = workspaces.find((w) => w.id === workspace || w.slug === workspace);
  if (!chosen) {
    throw new AppError('forbidden', `You are not a member of workspace ${workspace}.`, [
      { path: 'workspace', message: 'not a member' },
    ]);
  }
  await repo.setSessionWorkspace(sys, principal.sessionId, chosen.id);
  return chosen.id;
}

export async function endSession(sys: SystemCtx, token: string): Promise<void> {
  await repo.deleteSession(sys, tokenHash(token));
}
