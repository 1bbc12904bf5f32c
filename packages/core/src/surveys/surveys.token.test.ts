import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { cachedSigningKey, setSigningSecret, signToken, verifyToken } from './surveys.token.ts';

const key = Buffer.from('a test secret that is long enough to sign with');
const other = Buffer.from('another secret, equally long enough to sign with');
const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-03-31T12:00:00Z');

/** The token with one character of part `index` (0 id, 1 expiry, 2 random, 3 MAC) changed. */
function alter(token: string, index: number): string {
  const parts = token.split('.');
  const part = parts[index]!;
  const last = part.at(-1)!;
  parts[index] = part.slice(0, -1) + (last === 'a' ? 'b' : 'a');
  return parts.join('.');
}

describe('survey link tokens', () => {
  afterEach(() => setSigningSecret(undefined));

  it('carry the invitation and expiry, signed; a genuine token verifies until it expires', () => {
    const id = newId('surveyInvitation');
    const token = signToken(key, id, later);
    expect(token).toMatch(/^inv_[0-9a-z]{26}\.[0-9a-z]+\.[\w-]{22}\.[\w-]{22}$/);
    expect(verifyToken(key, token, now)).toEqual({ ok: true, invitationId: id, expiresAt: later });
    expect(verifyToken(key, token, later)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(key, token, new Date(later.getTime() + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('are random: two links for the same invitation and expiry differ (128 bits each)', () => {
    const id = newId('surveyInvitation');
    const a = signToken(key, id, later);
    const b = signToken(key, id, later);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2]!, 'base64url')).toHaveLength(16);
  });

  it('refuse any altered part, another secret, and made-up or malformed tokens', () => {
    const token = signToken(key, newId('surveyInvitation'), later);
    for (const index of [0, 1, 2, 3]) {
      expect(verifyToken(key, alter(token, index), now), `part ${index}`).toEqual({
        ok: false,
        reason: 'forged',
      });
    }
    expect(verifyToken(other, token, now)).toEqual({ ok: false, reason: 'forged' });
    // An expired link re-dated by hand is a forgery, not a valid link.
    const old = signToken(key, newId('surveyInvitation'), new Date('2026-01-01T00:00:00Z'));
    const parts = old.split('.');
    parts[1] = Math.floor(later.getTime() / 1000).toString(36);
    expect(verifyToken(key, parts.join('.'), now)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of ['', 'abc', `${token}.x`, token.replaceAll('.', '-'), 'inv_x.1.2.3', `${token} `]) {
      expect(verifyToken(key, junk, now)).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('take RAPPORT_SECRET when set (32 characters at least) instead of the database’s', async () => {
    expect(() => setSigningSecret('short')).toThrow(AppError);
    setSigningSecret('x'.repeat(32));
    const db = {} as never; // not asked: the configured secret wins
    expect((await cachedSigningKey(db)).toString()).toBe('x'.repeat(32));
  });
});
