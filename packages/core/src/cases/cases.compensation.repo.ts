import type { CaseCompensationsTable } from '@rapport/db';
import type { Selectable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export type CompensationRow = Selectable<CaseCompensationsTable>;

export async function insertCompensation(ctx: Ctx, row: CompensationRow): Promise<void> {
  await ctx.db.insertInto('case_compensations').values(row).execute();
}

export function compensationsOfCase(ctx: Ctx, caseId: string): Promise<CompensationRow[]> {
  return ctx.db
    .selectFrom('case_compensations')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

/** By status, newest first, after the cursor (created_at, id). */
export function compensationsByStatus(
  ctx: Ctx,
  status: CompensationRow['status'],
  limit: number,
  cursor: unknown[] | null,
): Promise<CompensationRow[]> {
  let query = ctx.db.selectFrom('case_compensations').selectAll().where('status', '=', status);
  if (cursor) query = query.where(afterCursor('created_at', 'desc', cursor));
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function lockCompensation(ctx: Ctx, id: string): Promise<CompensationRow | undefined> {
  return ctx.db
    .selectFrom('case_compensations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCompensation(
  ctx: Ctx,
  id: string,
  set: Updateable<CaseCompensationsTable>,
): Promise<void> {
  await ctx.db.updateTable('case_compensations').set(set).where('id', '=', id).execute();
}
