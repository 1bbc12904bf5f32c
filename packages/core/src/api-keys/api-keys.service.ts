import type { Role } from '@rapport/db';
import type { Ctx, SystemCtx } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { newToken, tokenHash } from '../shared/tokens.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './api-keys.repo.ts';
import { type ApiKey, type ApiKeyCreate, type ApiKeyCreated, apiKeyCreate } from './api-keys.schema.ts';

export const KEY_PREFIX = 'rk_';
const TOUCH_EVERY_MS = 60_000;

function present(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** Creates a key in the current workspace. The secret is in the answer and nowhere else. */
export async function createApiKey(ctx: Ctx, input: ApiKeyCreate): Promise<ApiKeyCreated> {
  const value = parseInput(apiKeyCreate, input);
  const now = ctx.clock.now();
  if (value.expiresAt && new Date(value.expiresAt) <= now)
    throw invalid('expiresAt', 'must be in the future');
  const key = newToken(KEY_PREFIX);
  const row = await repo.insertKey(ctx.db, {
    id: newId('apiKey'),
    workspace_id: ctx.workspaceId,
    name: value.name,
    role: value.role,
    token_prefix: key.slice(0, 10),
    token_hash: tokenHash(key),
    created_by: ctx.actor.userId,
    created_at: now,
    expires_at: value.expiresAt ? new Date(value.expiresAt) : null,
  });
  return { ...present(row), key };
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  return (await repo.listKeys(ctx.db)).map(present);
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKey> {
  const row = await repo.revokeKey(ctx.db, id, ctx.clock.now());
  if (!row) throw notFound('active API key', id);
  return present(row);
}

export interface KeyPrincipal {
  keyId: string;
  workspaceId: string;
  role: Role;
}

/** The workspace and role of a bearer key; a revoked, expired or unknown key is unauthenticated. */
export async function resolveApiKey(sys: SystemCtx, key: string): Promise<KeyPrincipal> {
  const row = key.startsWith(KEY_PREFIX)
    ? await repo.findKeyByHash(sys.db.kysely, tokenHash(key))
    : undefined;
  const now = sys.clock.now();
  if (!row) throw new AppError('unauthenticated', 'The API key is not valid.');
  if (row.revoked_at) throw new AppError('unauthenticated', 'The API key was revoked.');
  if (row.expires_at && row.expires_at <= now) throw new AppError('unauthenticated', 'The API key expired.');
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await repo.touchKey(sys.db.kysely, row.workspace_id, row.id, now);
  }
  return { keyId: row.id, workspaceId: row.workspace_id, role: row.role };
}
