import type { SavedViewsTable } from '@rapport/db';
import type { Updateable } from 'kysely';
import { checkCompaniesQuery } from '../companies/companies.service.ts';
import { checkPeopleQuery } from '../people/people.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid, notFound, underPath } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { parseInput } from '../shared/validate.ts';
import * as repo from './views.repo.ts';
import {
  type SavedView,
  type SavedViewCreate,
  type SavedViewKind,
  type SavedViewsQuery,
  type SavedViewUpdate,
  savedViewCreate,
  savedViewsQuery,
  savedViewUpdate,
} from './views.schema.ts';

/** Saved views are few per user; a bound keeps the list answer small without paging. */
export const MAX_VIEWS_PER_LIST = 100;

function present(row: repo.SavedViewRow): SavedView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    filters: row.filters,
    visibility: row.visibility,
    position: row.position,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * A view's filters checked by its list's own query check (schema, sort, custom fields by their
 * definitions), so a view never holds what the list would refuse. Errors point into `filters`.
 */
async function checkFilters(
  ctx: Ctx,
  kind: SavedViewKind,
  filters: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  for (const key of ['cursor', 'limit']) {
    if (key in filters) throw invalid(`filters.${key}`, 'a view keeps filters, search and sort, not a page');
  }
  const checked = await (kind === 'people'
    ? checkPeopleQuery(ctx, filters)
    : checkCompaniesQuery(ctx, filters)
  ).catch((error: unknown) => Promise.reject(underPath('filters', error)));
  const { limit: _limit, cursor: _cursor, includeMerged, ...kept } = checked.query;
  const stored: Record<string, unknown> = includeMerged ? { ...kept, includeMerged } : kept;
  return Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined));
}

/** Views belong to a user; an API key may read (and, as an admin, change) the shared ones. */
function requireUser(ctx: Ctx): string {
  if (ctx.actor.userId) return ctx.actor.userId;
  throw new AppError(
    'forbidden',
    'Saved views belong to a signed-in user; an API key reads the shared ones.',
    [{ path: 'Authorization', message: 'sign in as a user to save a view' }],
  );
}

function checkSharing(ctx: Ctx, visibility: string | undefined) {
  if (visibility === 'shared' && ctx.actor.role === 'viewer') {
    throw new AppError(
      'forbidden',
      'A viewer keeps private views; sharing one needs the agent role or above.',
      [{ path: 'visibility', message: 'viewers may not share views' }],
    );
  }
}

/** A view the actor sees: shared, or their own; someone else's private view does not exist for them. */
async function visibleView(ctx: Ctx, id: string): Promise<repo.SavedViewRow> {
  const row = await repo.findView(ctx, id);
  if (!row || (row.visibility === 'private' && row.owner_id !== ctx.actor.userId)) {
    throw notFound('saved view', id);
  }
  return row;
}

/** Only the user who saved a view, or an admin, changes or deletes it. */
async function ownView(ctx: Ctx, id: string): Promise<repo.SavedViewRow> {
  const row = await visibleView(ctx, id);
  if (row.owner_id !== ctx.actor.userId && ctx.actor.role !== 'admin') {
    throw new AppError(
      'forbidden',
      `Only ${row.owner_name ?? 'its owner'} or an admin may change this view.`,
      [{ path: 'id', message: 'not your view' }],
    );
  }
  return row;
}

export async function listSavedViews(ctx: Ctx, input: SavedViewsQuery = {}): Promise<SavedView[]> {
  const query = parseInput(savedViewsQuery, input);
  return (await repo.listViews(ctx, ctx.actor.userId, query.kind)).map(present);
}

export async function getSavedView(ctx: Ctx, id: string): Promise<SavedView> {
  return present(await visibleView(ctx, id));
}

export async function createSavedView(ctx: Ctx, input: SavedViewCreate): Promise<SavedView> {
  const value = parseInput(savedViewCreate, input);
  const ownerId = requireUser(ctx);
  checkSharing(ctx, value.visibility);
  const filters = await checkFilters(ctx, value.kind, value.filters);
  const counts = await repo.viewCounts(ctx, ownerId, value.kind);
  if (counts.own >= MAX_VIEWS_PER_LIST) {
    throw invalid('kind', `you have ${MAX_VIEWS_PER_LIST} saved views of this list; delete one first`);
  }
  const id = newId('savedView');
  const now = ctx.clock.now();
  await repo.insertView(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    kind: value.kind,
    name: value.name,
    filters: JSON.stringify(filters),
    owner_id: ownerId,
    visibility: value.visibility,
    position: value.position ?? Math.min(counts.nextPosition, 10_000),
    created_at: now,
    updated_at: now,
  });
  return getSavedView(ctx, id);
}

export async function updateSavedView(ctx: Ctx, id: string, input: SavedViewUpdate): Promise<SavedView> {
  const patch = parseInput(savedViewUpdate, input);
  const current = await ownView(ctx, id);
  checkSharing(ctx, patch.visibility);
  const set: Updateable<SavedViewsTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.filters !== undefined)
    set.filters = JSON.stringify(await checkFilters(ctx, current.kind, patch.filters));
  if (patch.visibility !== undefined) set.visibility = patch.visibility;
  if (patch.position !== undefined) set.position = patch.position;
  if (Object.keys(set).length) await repo.updateView(ctx, id, set);
  return getSavedView(ctx, id);
}

export async function deleteSavedView(ctx: Ctx, id: string): Promise<void> {
  await ownView(ctx, id);
  await repo.deleteView(ctx, id);
}
