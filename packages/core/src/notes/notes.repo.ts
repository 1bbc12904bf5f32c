import type { NotesTable } from '@rapport/db';
import type { Insertable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor } from '../shared/paging.ts';

export interface NoteRow {
  id: string;
  body: string;
  person_id: string | null;
  company_id: string | null;
  order_id: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
}

function withAuthor(ctx: Ctx) {
  return ctx.db
    .selectFrom('notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .select([
      'n.id',
      'n.body',
      'n.person_id',
      'n.company_id',
      'n.order_id',
      'n.author_id',
      'u.name as author_name',
      'n.created_at',
      'n.updated_at',
    ]);
}

export function findNotes(ctx: Ctx, ids: string[]): Promise<NoteRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withAuthor(ctx).where('n.id', 'in', ids).execute();
}

export async function insertNote(ctx: Ctx, row: Insertable<NotesTable>): Promise<void> {
  await ctx.db.insertInto('notes').values(row).execute();
}

export async function updateNote(ctx: Ctx, id: string, body: string): Promise<boolean> {
  const result = await ctx.db
    .updateTable('notes')
    .set({ body, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteNote(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('notes').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function listNotes(
  ctx: Ctx,
  filter: { personId?: string | undefined; companyId?: string | undefined; orderId?: string | undefined },
  limit: number,
  cursor: unknown[] | null,
  direction: 'asc' | 'desc' = 'desc',
): Promise<NoteRow[]> {
  let query = withAuthor(ctx);
  if (filter.personId) query = query.where('n.person_id', '=', filter.personId);
  if (filter.companyId) query = query.where('n.company_id', '=', filter.companyId);
  if (filter.orderId) query = query.where('n.order_id', '=', filter.orderId);
  if (cursor) query = query.where(afterCursor('n.created_at', direction, cursor, 'n.id'));
  return query
    .orderBy('n.created_at', direction)
    .orderBy('n.id', direction)
    .limit(limit + 1)
    .execute();
}

export async function moveNotes(ctx: Ctx, column: 'person_id' | 'company_id', fromId: string, toId: string) {
  await ctx.db
    .updateTable('notes')
    .set({ [column]: toId, updated_at: ctx.clock.now() })
    .where(column, '=', fromId)
    .execute();
}
