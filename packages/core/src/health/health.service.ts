import { sql } from 'kysely';
import type { SystemCtx } from '../shared/context.ts';

/** Whether the database answers, and which kind it is. */
export async function databaseHealth(
  sys: SystemCtx,
): Promise<{ ok: boolean; database: 'pglite' | 'postgres' }> {
  try {
    await sql`select 1`.execute(sys.db.kysely);
    return { ok: true, database: sys.db.kind };
  } catch {
    return { ok: false, database: sys.db.kind };
  }
}
