import { describe, expect, it } from 'vitest';
import {
  formatHandleList,
  normaliseHandle,
  normaliseNetwork,
  parseHandleList,
  socialHandles,
} from './handles.ts';

describe('social handles', () => {
  it('finds the bare handle in @handles and profile URLs of the common networks', () => {
    const cases: [string, string][] = [
      ['@Ada_L', 'ada_l'],
      ['ada_l', 'ada_l'],
      ['https://x.com/Ada_L', 'ada_l'],
      ['http://twitter.com/ada_l/status/123?s=20', 'ada_l'],
      ['mobile.twitter.com/ada_l', 'ada_l'],
      ['https://www.instagram.com/ada.brews/', 'ada.brews'],
      ['https://de.linkedin.com/in/Ada-Lovelace-123/', 'ada-lovelace-123'],
      ['linkedin.com/company/acme-roasters', 'acme-roasters'],
      ['https://www.reddit.com/user/Coffee_Fan/', 'coffee_fan'],
      ['u/coffee_fan', 'coffee_fan'],
      ['https://www.tiktok.com/@beanlover', 'beanlover'],
      ['https://bsky.app/profile/ada.bsky.social', 'ada.bsky.social'],
      ['https://mastodon.social/@ada', 'ada'],
      ['@ada@mastodon.social', 'ada@mastodon.social'],
      ['  ', ''],
    ];
    for (const [raw, handle] of cases) expect(normaliseHandle(raw), raw).toBe(handle);
  });

  it('names networks in lower case, twitter as x', () => {
    expect(['Twitter', 'X', 'x.com', 'Instagram', 'App Store'].map(normaliseNetwork)).toEqual([
      'x',
      'x',
      'x',
      'instagram',
      'app-store',
    ]);
  });

  it('checks a map of handles and reads and writes the CSV form', () => {
    expect(socialHandles.parse({ Twitter: '@Ada_L', instagram: 'https://instagram.com/ada.brews' })).toEqual({
      x: 'ada_l',
      instagram: 'ada.brews',
    });
    const bad = socialHandles.safeParse({ x: '@', 'no way!': 'ada' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['x', 'no way!']);
    const parsed = parseHandleList(['x:ada_l', 'https://www.instagram.com/ada.brews', 'linkedin=ada-l']);
    expect(socialHandles.parse(parsed)).toEqual({ x: 'ada_l', instagram: 'ada.brews', linkedin: 'ada-l' });
    expect(formatHandleList({ x: 'ada_l', instagram: 'ada.brews' })).toBe('x:ada_l|instagram:ada.brews');
  });
});
