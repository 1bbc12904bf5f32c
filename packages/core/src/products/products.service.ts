import type { ProductsTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, type Page, parseSort, toPage } from '../shared/paging.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './products.repo.ts';
import {
  PRODUCT_SORTS,
  type Product,
  type ProductCreate,
  type ProductsQuery,
  type ProductUpdate,
  productCreate,
  productsQuery,
  productUpdate,
} from './products.schema.ts';

function present(row: repo.ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: row.category,
    priceMinor: row.price_minor,
    currency: row.currency,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function createProduct(ctx: Ctx, input: ProductCreate): Promise<Product> {
  const value = parseInput(productCreate, input);
  const now = ctx.clock.now();
  return present(
    await repo.insertProduct(ctx, {
      id: newId('product'),
      workspace_id: ctx.workspaceId,
      sku: value.sku,
      name: value.name,
      description: value.description ?? null,
      category: value.category ?? null,
      price_minor: value.priceMinor ?? null,
      currency: value.currency ?? null,
      active: value.active,
      created_at: now,
      updated_at: now,
    }),
  );
}

export async function updateProduct(ctx: Ctx, id: string, input: ProductUpdate): Promise<Product> {
  const patch = parseInput(productUpdate, input);
  const current = await repo.findProduct(ctx, id);
  if (!current) throw notFound('product', id);
  const set: Updateable<ProductsTable> = {};
  if (patch.sku !== undefined) set.sku = patch.sku;
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.category !== undefined) set.category = patch.category;
  if (patch.priceMinor !== undefined) set.price_minor = patch.priceMinor;
  if (patch.currency !== undefined) set.currency = patch.currency;
  if (patch.active !== undefined) set.active = patch.active;
  const price = set.price_minor !== undefined ? set.price_minor : current.price_minor;
  const code = set.currency !== undefined ? set.currency : current.currency;
  if ((price == null) !== (code == null)) throw invalid('currency', 'give a price and its currency together');
  if (Object.keys(set).length === 0) return present(current);
  const row = await repo.updateProduct(ctx, id, set);
  if (!row) throw notFound('product', id);
  return present(row);
}

export async function getProduct(ctx: Ctx, id: string): Promise<Product> {
  const row = await repo.findProduct(ctx, id);
  if (!row) throw notFound('product', id);
  return present(row);
}

export async function listProducts(ctx: Ctx, input: ProductsQuery): Promise<Page<Product>> {
  const query = parseInput(productsQuery, input);
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const sort = parseSort(query.sort, PRODUCT_SORTS, 'name');
  const rows = await repo.listProducts(ctx, query, sort, query.limit, cursor);
  const key = sort.column as keyof repo.ProductRow;
  return toPage(
    rows,
    query.limit,
    (row) => row[key],
    (row) => row.id,
    present,
  );
}

/** Products by SKU and by id, for order lines and imports. */
export async function productsBySku(ctx: Ctx, skus: string[]): Promise<Map<string, Product>> {
  return new Map(
    (await repo.findProductsBySku(ctx, [...new Set(skus)])).map((row) => [row.sku, present(row)]),
  );
}

export async function productsById(ctx: Ctx, ids: string[]): Promise<Map<string, Product>> {
  return new Map((await repo.findProductsById(ctx, [...new Set(ids)])).map((row) => [row.id, present(row)]));
}

/**
 * Makes sure a product exists for each SKU (as sold through a tracking SDK): new SKUs are added
 * with the name, category and price seen; the catalogue's existing products are left as they are.
 */
export async function ensureProducts(
  ctx: Ctx,
  items: {
    sku: string;
    name: string;
    category?: string | null;
    priceMinor?: number | null;
    currency?: string | null;
  }[],
): Promise<void> {
  const bySku = new Map(items.map((item) => [item.sku, item]));
  if (bySku.size === 0) return;
  const known = new Set((await repo.findProductsBySku(ctx, [...bySku.keys()])).map((row) => row.sku));
  await repo.insertMissing(
    ctx,
    [...bySku.values()]
      .filter((item) => !known.has(item.sku))
      .map((item) => {
        const priced = item.priceMinor != null && item.currency != null;
        return {
          id: newId('product'),
          sku: item.sku,
          name: item.name,
          category: item.category ?? null,
          price_minor: priced ? item.priceMinor! : null,
          currency: priced ? item.currency! : null,
        };
      }),
  );
}
