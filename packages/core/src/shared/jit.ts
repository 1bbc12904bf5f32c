import { sql } from 'kysely';
import type { Ctx } from './context.ts';

/**
 * Runs `fn` with PostgreSQL's JIT compilation off in the transaction, then puts the setting back.
 * For statements whose estimated cost crosses the JIT thresholds although compiling saves nothing:
 * index probes, or bulk copies between tables with simple expressions (compiling with inlining and
 * optimisation costs up to a second a statement; docs/benchmarks.md).
 */
export async function withoutJit<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  const before = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(ctx.db);
  await sql`select set_config('jit', 'off', true)`.execute(ctx.db);
  const result = await fn();
  await sql`select set_config('jit', ${before.rows[0]!.jit}, true)`.execute(ctx.db);
  return result;
}
