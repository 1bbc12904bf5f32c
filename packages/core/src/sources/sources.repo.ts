import type { Database, SourcesTable } from '@rapport/db';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export type SourceRow = Selectable<SourcesTable>;

export function insertSource(ctx: Ctx, row: Insertable<SourcesTable>): Promise<SourceRow> {
  return ctx.db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listSources(ctx: Ctx): Promise<SourceRow[]> {
  return ctx.db.selectFrom('sources').selectAll().orderBy('created_at').orderBy('id').execute();
}

export function findSource(ctx: Ctx, id: string): Promise<SourceRow | undefined> {
  return ctx.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateSource(
  ctx: Ctx,
  id: string,
  set: Updateable<SourcesTable>,
): Promise<SourceRow | undefined> {
  return ctx.db
    .updateTable('sources')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSource(ctx: Ctx, id: string): Promise<boolean> {
  const result = await ctx.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** By write key, before any workspace is known (the unique index on write_key). */
export function findByWriteKey(db: Kysely<Database>, writeKey: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('write_key', '=', writeKey).executeTakeFirst();
}
