import { type Kysely, sql } from 'kysely';

/**
 * PGlite runs no autovacuum, so without this the planner never learns how big a table has
 * grown and keeps the plans it makes for empty tables (a full scan where an index lookup would
 * do). Every `everyMs`, in embedded mode, the tables changed by more than 10 % (plus 500 rows)
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
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = run()
      .catch((error: unknown) => console.error('embedded ANALYZE failed:', error))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
