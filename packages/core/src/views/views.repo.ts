import type { SavedViewsTable } from '@rapport/db';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { SavedViewKind } from './views.schema.ts';

export interface SavedViewRow {
  id: string;
  kind: SavedViewKind;
  name: string;
  filters: Record<string, unknown>;
  owner_id: string;
  owner_name: string | null;
  visibility: 'private' | 'shared';
  position: number;
  created_at: Date;
  updated_at: Date;
}

function withOwner(ctx: Ctx) {
  return ctx.db
    .selectFrom('saved_views as v')
    .leftJoin('users as u', 'u.id', 'v.owner_id')
    .select([
      'v.id',
      'v.kind',
      'v.name',
      'v.filters',
      'v.owner_id',
      'u.name as owner_name',
      'v.visibility',
      'v.position',
      'v.created_at',
      'v.updated_at',
    ]);
}

export function findView(ctx: Ctx, id: string): Promise<SavedViewRow | undefined> {
  return withOwner(ctx).where('v.id', '=', id).executeTakeFirst();
}

/** The views of a list that `userId` sees: the shared ones and their own, in order. */
export function listViews(
  ctx: Ctx,
  userId: string | null,
  kind: SavedViewKind | undefined,
): Promise<SavedViewRow[]> {
  let query = withOwner(ctx).where((eb) =>
    userId
      ? eb.or([eb('v.visibility', '=', 'shared'), eb('v.owner_id', '=', userId)])
      : eb('v.visibility', '=', 'shared'),
  );
  if (kind) query = query.where('v.kind', '=', kind);
  return query.orderBy('v.kind').orderBy('v.position').orderBy('v.id').execute();
}

/** How many views of a list one user has saved, and the position after the list's last view. */
export async function viewCounts(
  ctx: Ctx,
  userId: string,
  kind: SavedViewKind,
): Promise<{ own: number; nextPosition: number }> {
  const row = await ctx.db
    .selectFrom('saved_views')
    .select([
      sql<number>`count(*) filter (where owner_id = ${userId})::int`.as('own'),
      sql<number>`coalesce(max(position) + 1, 0)::int`.as('next_position'),
    ])
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return { own: row.own, nextPosition: row.next_position };
}

export async function insertView(ctx: Ctx, row: Insertable<SavedViewsTable>): Promise<void> {
  await ctx.db.insertInto('saved_views').values(row).execute();
}

export async function updateView(ctx: Ctx, id: string, set: Updateable<SavedViewsTable>): Promise<void> {
  await ctx.db
    .updateTable('saved_views')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .execute();
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.deleteFrom('saved_views').where('id', '=', id).execute();
}
