import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or an API key: 32 random bytes, URL-safe. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256: a database leak does not leak working credentials. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
