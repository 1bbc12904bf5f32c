import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startAnalyzer } from './analyze.ts';
import { createDb } from './client.ts';

describe('the embedded analyzer', () => {
  it('analyzes the tables that changed a lot, so plans follow the data', async () => {
    const db = await createDb({ memory: true });
    try {
      await sql`create table grown (id int primary key, v text)`.execute(db.kysely);
      await sql`insert into grown select g, 'v' || g from generate_series(1, 5000) g`.execute(db.kysely);
      const analyzer = startAnalyzer(db.kysely, 50);
      const analyzed = async () =>
        (
          await sql<{
            at: Date | null;
          }>`select last_analyze as at from pg_stat_user_tables where relname = 'grown'`.execute(db.kysely)
        ).rows[0]?.at ?? null;
      await expect.poll(analyzed, { timeout: 10_000, interval: 100 }).not.toBeNull();
      await analyzer.stop();
      const estimate = await sql<{
        n: number;
      }>`select reltuples::int as n from pg_class where relname = 'grown'`.execute(db.kysely);
      expect(estimate.rows[0]?.n).toBe(5000);
    } finally {
      await db.close();
    }
  });
});
