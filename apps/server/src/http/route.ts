import type { Ctx, Role, SystemCtx } from '@rapport/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Principal } from './auth.ts';

export const READ: Role[] = ['admin', 'manager', 'agent', 'viewer'];
export const WRITE: Role[] = ['admin', 'manager', 'agent'];
export const MANAGE: Role[] = ['admin', 'manager'];
export const ADMIN: Role[] = ['admin'];

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Input<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  c: Context;
  sys: SystemCtx;
}

export interface Definition<P, Q, B, Extra> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI style: `/people/{id}`, under /api/v1. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The request carries a CSV file (text/csv or multipart/form-data) rather than JSON. */
  upload?: boolean;
  /**
   * The answer holds secrets Rapport does not keep (survey links): an Idempotency-Key is not
   * honoured, since honouring it would store the answer for replay.
   */
  noReplay?: boolean;
  /** Status and schema of the success answer; `null` schema for 204 or non-JSON answers. */
  response: {
    status: 200 | 201 | 202 | 204;
    schema: Schema | null;
    description?: string;
    contentType?: string;
  };
  handler: (input: Input<P, Q, B> & Extra) => Promise<unknown> | unknown;
  /**
   * Runs once the handler's work is committed, before the answer: what must not see the old
   * state again, such as the credentials caches of a revoked key or a disabled source. (Cleared
   * inside the transaction, a lookup could still read the row as it was and cache it again.)
   */
  afterCommit?: () => void;
}

/**
 * Every route says who may call it: `public`, `authenticated` (any signed-in principal), or
 * the roles allowed in the workspace. The guard test walks the registry and fails on a route
 * without a rule. `platform` routes work on platform tables outside a workspace transaction.
 */
export type Route = Definition<Schema | undefined, Schema | undefined, Schema | undefined, never> & {
  access: 'public' | 'authenticated' | Role[];
  platform: boolean;
};

type S = Schema | undefined;

/** A workspace route: runs in the principal's workspace, in one transaction, as one of `access`. */
export function route<P extends S = undefined, Q extends S = undefined, B extends S = undefined>(
  definition: Definition<P, Q, B, { principal: Principal; ctx: Ctx }> & { access: Role[] },
): Route {
  return { ...definition, platform: false } as unknown as Route;
}

/** A role-checked route on platform tables (users, members), with no workspace transaction. */
export function platformRoute<P extends S = undefined, Q extends S = undefined, B extends S = undefined>(
  definition: Definition<P, Q, B, { principal: Principal }> & { access: Role[] },
): Route {
  return { ...definition, platform: true } as unknown as Route;
}

/** Any signed-in principal, whatever the role (e.g. who am I). */
export function authenticatedRoute<P extends S = undefined, Q extends S = undefined, B extends S = undefined>(
  definition: Definition<P, Q, B, { principal: Principal }>,
): Route {
  return { ...definition, access: 'authenticated', platform: true } as unknown as Route;
}

/** No sign-in needed (sign-in itself, health). */
export function publicRoute<P extends S = undefined, Q extends S = undefined, B extends S = undefined>(
  definition: Definition<P, Q, B, object>,
): Route {
  return { ...definition, access: 'public', platform: true } as unknown as Route;
}

/** A handler may answer with a Response of its own (files, redirects, CSV). */
export function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}
