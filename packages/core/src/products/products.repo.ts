import type { ProductsTable } from '@rapport/db';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { afterCursor, type Direction } from '../shared/paging.ts';

export type ProductRow = Selectable<ProductsTable>;

export function findProduct(ctx: Ctx, id: string): Promise<ProductRow | undefined> {
  return ctx.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProductsBySku(ctx: Ctx, skus: string[]): Promise<ProductRow[]> {
  if (skus.length === 0) return Promise.resolve([]);
  return ctx.db.selectFrom('products').selectAll().where('sku', 'in', skus).execute();
}

export function findProductsById(ctx: Ctx, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return ctx.db.selectFrom('products').selectAll().where('id', 'in', ids).execute();
}

export function insertProduct(ctx: Ctx, row: Insertable<ProductsTable>): Promise<ProductRow> {
  return ctx.db.insertInto('products').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateProduct(
  ctx: Ctx,
  id: string,
  set: Updateable<ProductsTable>,
): Promise<ProductRow | undefined> {
  return ctx.db
    .updateTable('products')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function listProducts(
  ctx: Ctx,
  filter: { q?: string | undefined; category?: string | undefined; active?: boolean | undefined },
  sort: { column: string; direction: Direction },
  limit: number,
  cursor: unknown[] | null,
): Promise<ProductRow[]> {
  let query = ctx.db.selectFrom('products').selectAll();
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('sku', 'ilike', like)]));
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (cursor) query = query.where(afterCursor(sort.column, sort.direction, cursor));
  return query
    .orderBy(sql.ref(sort.column), sort.direction)
    .orderBy('id', sort.direction)
    .limit(limit + 1)
    .execute();
}

/** Adds the products whose SKU is new; a SKU already in the catalogue keeps its product as it is. */
export async function insertMissing(
  ctx: Ctx,
  rows: {
    sku: string;
    name: string;
    category: string | null;
    price_minor: number | null;
    currency: string | null;
    id: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('products')
    .values(rows.map((row) => ({ ...row, workspace_id: ctx.workspaceId, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.columns(['workspace_id', 'sku']).doNothing())
    .execute();
}
