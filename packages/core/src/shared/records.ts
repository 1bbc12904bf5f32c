import { sql } from 'kysely';
import type { Ctx } from './context.ts';

/**
 * For merges: the rows of `tables` that point at the merged person or company (`column`) point at
 * the survivor instead. The tables are the caller's own (a domain moves what it owns).
 */
export async function moveCustomerOf(
  ctx: Ctx,
  tables: readonly string[],
  column: 'person_id' | 'company_id',
  fromId: string,
  toId: string,
): Promise<void> {
  for (const table of tables)
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${toId} where ${sql.ref(column)} = ${fromId}`.execute(
      ctx.db,
    );
}

/**
 * Takes a transaction-scoped advisory lock named for `work` in the context's workspace: a second
 * transaction doing the same work there (another worker on the same PostgreSQL) waits, then sees
 * what the first one committed.
 */
export async function lockWorkspaceWork(ctx: Ctx, work: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`rapport.${work}:${ctx.workspaceId}`}))`.execute(ctx.db);
}
