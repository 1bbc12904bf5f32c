import {
  type Actor,
  AppError,
  DuplicateMessage,
  type EventType,
  ingest,
  inWorkspace,
  MAX_BATCH_BYTES,
  MAX_EVENT_BYTES,
  parseRequest,
  resolveWriteKey,
  type TrackingSource,
} from '@rapport/core';
import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { CredentialsCache } from '../http/credentials-cache.ts';
import { STATUS, toAppError } from '../http/errors.ts';
import type { Deps } from '../http/mount.ts';
import { trackingApplier } from './applier.ts';
import { readTrackingBody } from './body.ts';

/**
 * Segment's HTTP tracking API at Segment's paths, so that pointing an SDK's host at Rapport is
 * all it takes: `/v1/identify`, `/v1/track`, `/v1/page`, `/v1/screen`, `/v1/group`, `/v1/alias`,
 * `/v1/batch`, and the short forms analytics.js posts to (`/v1/i`, `/v1/t`, …, `/v1/b`).
 * Authenticated by a source's write key: HTTP Basic user name (empty password) or `writeKey` in
 * the body. Answers `{ success: true }` once the messages are stored; a batch also lists the
 * messages it refused. Their effects (people, orders, …) follow within moments (applier.ts).
 */
const ENDPOINTS: [string[], EventType | 'batch'][] = [
  [['identify', 'i'], 'identify'],
  [['track', 't'], 'track'],
  [['page', 'p'], 'page'],
  [['screen', 's'], 'screen'],
  [['group', 'g'], 'group'],
  [['alias', 'a'], 'alias'],
  [['batch', 'b', 'import'], 'batch'],
];

/** Resolved write keys, per process (5 s; a disabled or deleted source is forgotten here at once). */
export const writeKeyCache = new CredentialsCache<TrackingSource>();

function basicUser(c: Context): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new AppError(
      'unauthenticated',
      'Send the write key as HTTP Basic user name ("Basic base64(writeKey:)").',
      [{ path: 'Authorization', message: 'not Basic' }],
    );
  }
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

function writeKeyOf(c: Context, body: unknown): string {
  const key =
    basicUser(c) ??
    (typeof body === 'object' && body !== null ? (body as { writeKey?: unknown }).writeKey : undefined);
  if (typeof key !== 'string' || key === '') {
    throw new AppError(
      'unauthenticated',
      'Send a source’s write key as HTTP Basic user name, or as "writeKey" in the body.',
      [{ path: 'writeKey', message: 'missing' }],
    );
  }
  return key;
}

function failure(c: Context, error: unknown) {
  const appError = toAppError(error);
  if (appError.code === 'internal') console.error(error);
  return c.json({ success: false, ...appError.toJSON() }, STATUS[appError.code]);
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock: the whole request again

async function handle(c: Context, deps: Deps, type: EventType | 'batch') {
  try {
    const receivedAt = deps.clock.now();
    const body = await readTrackingBody(c, type === 'batch' ? MAX_BATCH_BYTES : MAX_EVENT_BYTES);
    const key = writeKeyOf(c, body);
    const source = await writeKeyCache.get(key, () => resolveWriteKey(deps.sys, key), receivedAt.getTime());
    const parsed = parseRequest(body, type, receivedAt);
    const actor: Actor = { kind: 'source', id: source.id, role: 'agent', userId: null };
    const run = (dedupe: boolean) =>
      inWorkspace(
        deps.db,
        source.workspaceId,
        actor,
        (ctx) => ingest(ctx, source, parsed, receivedAt, dedupe),
        deps.clock,
      );
    // Most requests carry only new messages: stored without duplicate checks; a retried message
    // (or one sent twice in the request) fails that, and the request is stored again, skipping it.
    const result = await run(false).catch((error: { code?: string }) => {
      if (error instanceof DuplicateMessage || RETRYABLE.has(error.code ?? '')) return run(true);
      throw error;
    });
    // What the messages mean (people, orders, …) is applied once they are stored, after the answer.
    if (result.pending) trackingApplier(deps.db, deps.clock).kick(source.workspaceId);
    if (result.rejected.length && result.stored + result.duplicates === 0) {
      const details = result.rejected.map((r) => ({ path: r.path, message: r.message }));
      const error = new AppError(
        'validation_failed',
        `Nothing was stored: ${details[0]!.path}: ${details[0]!.message}.`,
        details,
      );
      return c.json({ success: false, ...error.toJSON(), rejected: result.rejected }, 400);
    }
    if (type !== 'batch') return c.json({ success: true });
    return c.json({ success: true, ...result });
  } catch (error) {
    return failure(c, error);
  }
}

export function mountTracking(app: Hono, deps: Deps) {
  // Browsers post from other origins (analytics.js, sendBeacon): allowed, without cookies.
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'Content-Encoding'],
      maxAge: 86400,
    }),
  );
  for (const [names, type] of ENDPOINTS) {
    for (const name of names) app.post(`/v1/${name}`, (c) => handle(c, deps, type));
  }
}
