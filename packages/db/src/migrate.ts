import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from './tables.ts';

export const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Forward-only migrations: each pending `migrations/*.sql` file, in name order, in one transaction. */
export async function migrate(kysely: Kysely<Database>): Promise<MigrationResult> {
  const files = readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7261123)`.execute(trx);
    await sql`create table if not exists rapport_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
      trx,
    );
    const done = await sql<{ name: string }>`select name from rapport_migrations`.execute(trx);
    const seen = new Set(done.rows.map((row) => row.name));
    const applied: string[] = [];
    for (const name of files) {
      if (seen.has(name)) continue;
      await sql.raw(readFileSync(`${migrationsDir}${name}`, 'utf8')).execute(trx);
      await sql`insert into rapport_migrations (name) values (${name})`.execute(trx);
      applied.push(name);
    }
    return { applied, alreadyApplied: seen.size };
  });
}
