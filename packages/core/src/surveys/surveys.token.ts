import { signLink, verifyLink } from '../shared/signed-links.ts';

/**
 * The personal link of an invitation is `/s/<token>`, a signed link (shared/signed-links.ts) of
 * the invitation id. A genuine token is then looked up by its SHA-256 and must match exactly, so
 * a leaked secret alone still opens no invitation.
 */

export { cachedSigningKey, setSigningSecret, signingKey } from '../shared/signed-links.ts';

export function signToken(key: Buffer, invitationId: string, expiresAt: Date): string {
  return signLink(key, invitationId, expiresAt);
}

export type TokenCheck =
  | { ok: true; invitationId: string; expiresAt: Date }
  | { ok: false; reason: 'forged' | 'expired' };

/** Checks a token's shape, MAC and expiry, without the database. */
export function verifyToken(key: Buffer, token: string, now: Date): TokenCheck {
  const check = verifyLink(key, token, now, 'inv');
  return check.ok ? { ok: true, invitationId: check.id, expiresAt: check.expiresAt } : check;
}
