import type { ImportsTable } from '@rapport/db';
import type { Insertable, Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type ImportRow = Selectable<ImportsTable>;

export async function insertRun(ctx: Ctx, row: Insertable<ImportsTable>): Promise<void> {
  await ctx.db.insertInto('imports').values(row).execute();
}

/** Everything of a run but its error CSV, which can be large and is fetched on its own. */
const RUN_COLUMNS = [
  'id',
  'workspace_id',
  'kind',
  'file_name',
  'dry_run',
  'total_rows',
  'created_count',
  'updated_count',
  'unchanged_count',
  'rejected_count',
  'errors',
  'mapping',
  'created_by',
  'created_at',
] as const;

export type RunRow = Omit<ImportRow, 'error_csv'> & { has_error_csv: boolean };

export function findRun(ctx: Ctx, id: string): Promise<RunRow | undefined> {
  return ctx.db
    .selectFrom('imports')
    .select(RUN_COLUMNS)
    .select((eb) => eb('error_csv', 'is not', null).as('has_error_csv'))
    .where('id', '=', id)
    .executeTakeFirst() as Promise<RunRow | undefined>;
}

export async function errorCsvOf(ctx: Ctx, id: string): Promise<string | null | undefined> {
  const row = await ctx.db.selectFrom('imports').select('error_csv').where('id', '=', id).executeTakeFirst();
  return row ? row.error_csv : undefined;
}

export function listRuns(ctx: Ctx, limit: number): Promise<RunRow[]> {
  return ctx.db
    .selectFrom('imports')
    .select(RUN_COLUMNS)
    .select((eb) => eb('error_csv', 'is not', null).as('has_error_csv'))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute() as Promise<RunRow[]>;
}
