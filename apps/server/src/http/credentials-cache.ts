/**
 * A short-lived cache of resolved credentials (API keys and sessions), so that a busy client
 * does not cost a database lookup per request. Entries live `ttlMs` (5 s): a key revoked or a
 * session ended in another API process stops working within that time; in this process at
 * once (`forget`). Errors are never cached: a bad credential is looked up every time.
 */
export class CredentialsCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs = 5000,
    private readonly max = 10_000,
  ) {}

  async get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
