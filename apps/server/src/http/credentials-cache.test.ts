import { describe, expect, it } from 'vitest';
import { CredentialsCache } from './credentials-cache.ts';

describe('CredentialsCache', () => {
  it('answers from memory within the time to live, and looks up again after it', async () => {
    const cache = new CredentialsCache<string>(5000);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('k', load, 0)).toBe('v1');
    expect(await cache.get('k', load, 4999)).toBe('v1');
    expect(await cache.get('k', load, 5000)).toBe('v2');
  });

  it('does not keep a lookup that was running when the cache was cleared', async () => {
    const cache = new CredentialsCache<string>(5000);
    let release!: (value: string) => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)), 0);
    cache.clear(); // e.g. the source was disabled while the lookup read the row as it was
    release('enabled');
    expect(await slow).toBe('enabled'); // the request that asked gets its answer…
    expect(await cache.get('k', async () => 'disabled', 1)).toBe('disabled'); // …the next looks again
  });

  it('forgets one key, and never caches a failed lookup', async () => {
    const cache = new CredentialsCache<string>(5000);
    await cache.get('k', async () => 'old', 0);
    cache.forget('k');
    expect(await cache.get('k', async () => 'new', 1)).toBe('new');
    await expect(cache.get('bad', () => Promise.reject(new Error('unknown key')), 1)).rejects.toThrow();
    expect(await cache.get('bad', async () => 'found', 2)).toBe('found');
  });
});
