import type { CustomFieldDefsTable } from '@rapport/db';
import { type Selectable, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { CustomFieldEntity } from './custom-fields.schema.ts';

export type CustomFieldRow = Selectable<CustomFieldDefsTable>;

export function listDefs(ctx: Ctx, entity?: CustomFieldEntity): Promise<CustomFieldRow[]> {
  let query = ctx.db.selectFrom('custom_field_defs').selectAll();
  if (entity) query = query.where('entity', '=', entity);
  return query.orderBy('entity').orderBy('position').orderBy('key').execute();
}

export function findDef(ctx: Ctx, id: string): Promise<CustomFieldRow | undefined> {
  return ctx.db.selectFrom('custom_field_defs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertDef(
  ctx: Ctx,
  row: Omit<CustomFieldRow, 'created_at' | 'updated_at'>,
): Promise<CustomFieldRow> {
  return ctx.db
    .insertInto('custom_field_defs')
    .values({ ...row, created_at: ctx.clock.now(), updated_at: ctx.clock.now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateDef(
  ctx: Ctx,
  id: string,
  patch: Partial<Pick<CustomFieldRow, 'label' | 'options' | 'required' | 'position'>>,
): Promise<CustomFieldRow | undefined> {
  return ctx.db
    .updateTable('custom_field_defs')
    .set({ ...patch, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the definition and the values stored under its key. */
export async function deleteDef(ctx: Ctx, def: CustomFieldRow): Promise<void> {
  const table = def.entity === 'person' ? 'people' : 'companies';
  await sql`update ${sql.table(table)} set custom = custom - ${def.key}::text where jsonb_exists(custom, ${def.key}::text)`.execute(
    ctx.db,
  );
  await ctx.db.deleteFrom('custom_field_defs').where('id', '=', def.id).execute();
}
