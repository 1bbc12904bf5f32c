/**
 * A short-lived cache of resolved credentials (API keys, sessions, write keys), so that a busy
 * client does not cost a database lookup per request. Entries live `ttlMs` (5 s): a key revoked
 * or a session ended in another API process stops working within that time; in this process at
 * once (`forget`, `clear`, called once the change is committed: see `afterCommit` on routes).
 * A lookup still running when the cache is cleared is not kept: it may have read the row as it
 * was before the change. Errors are never cached: a bad credential is looked up every time.
 */
export class CredentialsCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  /** Bumped by every forget/clear; a lookup that started under an older one is answered, not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 5000,
    private readonly max = 10_000,
  ) {}

  async get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const started = this.generation;
    const value = await load();
    if (started !== this.generation) return value;
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
