import { createHash } from 'node:crypto';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import * as repo from './idempotency.repo.ts';

/** Keys are remembered for 24 hours, as Stripe does. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface IdempotentRequest {
  key: string;
  principal: string;
  method: string;
  path: string;
  body: string;
}

export interface Outcome {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs a create once per Idempotency-Key: a retry with the same key and the same request gets
 * the first answer again; the same key with a different request is refused. The answer is
 * stored in the same transaction as the create, so both happen or neither.
 */
export async function once(
  ctx: Ctx,
  request: IdempotentRequest,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<Outcome> {
  if (request.key.length === 0 || request.key.length > 255) {
    throw invalid('Idempotency-Key', 'must be 1 to 255 characters');
  }
  const hash = createHash('sha256')
    .update(`${request.method} ${request.path}\n${request.body}`)
    .digest('hex');
  const stored = await repo.findKey(ctx, request.principal, request.key);
  if (stored && stored.request_hash === hash)
    return { status: stored.status, body: stored.response, replayed: true };
  if (stored) {
    throw new AppError(
      'idempotency_mismatch',
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      [{ path: 'Idempotency-Key', message: 'reused with a different request' }],
    );
  }
  const result = await run();
  if (result.status < 300) {
    await repo.insertKey(ctx, {
      principal: request.principal,
      key: request.key,
      method: request.method,
      path: request.path,
      request_hash: hash,
      status: result.status,
      response: result.body,
    });
  }
  return { ...result, replayed: false };
}

export function forgetExpiredKeys(ctx: Ctx): Promise<void> {
  return repo.deleteOlderThan(ctx, new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS));
}
