import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '@rapport/db';
import type { Kysely } from 'kysely';
import { AppError } from './errors.ts';

/**
 * Signed links that need no sign-in (survey invitations `/s/<token>`, case status pages
 * `/c/<token>`): the token is `<record id>.<expiry, unix seconds in base 36>.<16 random bytes>.<MAC>`,
 * the MAC an HMAC-SHA256 (first 16 bytes) of everything before it under the server's signing
 * secret. A forged or altered token fails the MAC before the database is asked anything; a
 * genuine one is then looked up by its SHA-256 (the only form in which it is stored).
 */

const MIN_SECRET_LENGTH = 32;
let configured: Buffer | null = null;

/**
 * RAPPORT_SECRET: the server signs with this instead of the secret generated in the database
 * (server_secrets). Changing it invalidates every link issued before.
 */
export function setSigningSecret(secret: string | undefined): void {
  if (secret === undefined || secret === '') {
    configured = null;
    return;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new AppError(
      'validation_failed',
      `RAPPORT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (e.g. \`openssl rand -hex 32\`).`,
      [{ path: 'RAPPORT_SECRET', message: `shorter than ${MIN_SECRET_LENGTH} characters` }],
    );
  }
  configured = Buffer.from(secret, 'utf8');
}

/** The signing key: RAPPORT_SECRET, else the one generated when the database was created. */
export async function signingKey(db: Kysely<Database>): Promise<Buffer> {
  if (configured) return configured;
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', 'signing')
    .executeTakeFirst();
  if (!row) throw new Error('server_secrets has no signing secret: run the migrations.');
  return Buffer.from(row.value, 'utf8');
}

const cached = new WeakMap<Kysely<Database>, Promise<Buffer>>();

/** `signingKey` read once per database handle: a public page checks a token without a query. */
export function cachedSigningKey(db: Kysely<Database>): Promise<Buffer> {
  if (configured) return Promise.resolve(configured);
  let key = cached.get(db);
  if (!key) {
    key = signingKey(db);
    cached.set(db, key);
    key.catch(() => cached.delete(db));
  }
  return key;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');
}

export function signLink(key: Buffer, id: string, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
  const body = `${id}.${expiry}.${randomBytes(16).toString('base64url')}`;
  return `${body}.${mac(key, body)}`;
}

export type LinkCheck =
  | { ok: true; id: string; expiresAt: Date }
  | { ok: false; reason: 'forged' | 'expired' };

const SHAPE = /^([a-z]+_[0-9a-hjkmnp-tv-z]{26})\.([0-9a-z]{1,10})\.([\w-]{22})\.([\w-]{22})$/;

/** Checks a token's shape (its id must start with `prefix_`), MAC and expiry, without the database. */
export function verifyLink(key: Buffer, token: string, now: Date, prefix: string): LinkCheck {
  const match = SHAPE.exec(token);
  if (!match || !match[1]!.startsWith(`${prefix}_`)) return { ok: false, reason: 'forged' };
  const [, id, expiry, , given] = match;
  const expected = Buffer.from(mac(key, token.slice(0, token.lastIndexOf('.'))));
  const actual = Buffer.from(given!);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'forged' };
  }
  const expiresAt = new Date(Number.parseInt(expiry!, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, id: id!, expiresAt };
}
