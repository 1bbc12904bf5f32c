import { type Kysely, sql } from 'kysely';

/**
 * PGlite runs no autovacuum, so without this the planner never learns how big a table has
 * grown and keeps the plans it makes for empty tables (a full scan where an index lookup would
 * do). 5 s after start and then every `everyMs`, in embedded mode, the tables changed by more than 10 % (plus 500 rows)
 * since their last ANALYZE are analyzed, as autovacuum would on a server. It waits its turn for
 * the one connection like any query. `stop()` waits for a run in progress.
 */
export function startAnalyzer<DB>(kysely: Kysely<DB>, everyMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    const stale = await sql<{ relname: string }>`
      select relname from pg_stat_user_tables
      where n_mod_since_analyze > 500 + 0.1 * n_live_tup order by relname`.execute(kysely);
    for (const { relname } of stale.rows) {
      if (stopped) return;
      await sql`analyze ${sql.id(relname)}`.execute(kysely);
    }
  };
  const tick = () => {
    if (running || stopped) return;
    running = run()
      .catch((error: unknown) => console.error('embedded ANALYZE failed:', error))
      .finally(() => {
        running = null;
      });
  };
  // A first look soon after start (a fresh or freshly loaded database), then every `everyMs`.
  const first = setTimeout(tick, Math.min(5000, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
