import { bulkOf } from '../shared/bulk.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { type BulkResult, type ListCount, NOT_FILTERS } from '../shared/selection.ts';
import { requireMember } from '../users/users.service.ts';
import type { SavedView } from '../views/views.schema.ts';
import { getSavedView } from '../views/views.service.ts';
import { emitEvents, listensTo } from '../webhooks/webhooks.service.ts';
import { peopleByIds } from './people.present.ts';
import * as repo from './people.repo.ts';
import { type PeopleBulk, type PeopleFilterInput, peopleBulk, peopleFilter } from './people.schema.ts';
import { checkPeopleQuery } from './people.service.ts';

export type { PeopleFilter } from './people.repo.ts';

const people = (ctx: Ctx) =>
  bulkOf<repo.PeopleFilter, PeopleFilterInput>({
    table: 'people',
    entity: 'person',
    plural: 'people',
    matching: (filter) => repo.matchingPeople(ctx, filter),
    filterSchema: peopleFilter,
    bulkSchema: peopleBulk,
    checkFilter: async (input) => {
      const { query, custom } = await checkPeopleQuery(ctx, input);
      return { ...query, custom, includeMerged: false };
    },
    requireMember: (userId, path) => requireMember(ctx, userId, path),
    onChanged: {
      wanted: () => listensTo(ctx, 'person.updated'),
      emit: (ids) => emitEvents(ctx, 'person.updated', ids, (chunk) => peopleByIds(ctx, chunk)),
    },
  });

/**
 * Adds or removes tags or sets the owner of the ticked people or of all people a filter matches,
 * in one statement; merged people are skipped. Answers how many matched and how many changed;
 * each changed person is a `person.updated` webhook event.
 */
export function bulkPeople(ctx: Ctx, input: PeopleBulk): Promise<BulkResult> {
  return people(ctx).bulk(ctx, input);
}

/** How many people a list's filters match: exact up to 100,000, estimated above. */
export function countPeople(ctx: Ctx, input: PeopleFilterInput): Promise<ListCount> {
  return people(ctx).count(ctx, input);
}

/** A selection (`{ ids }` or `{ filter }`) checked, as a filter of live people (exports). */
export function peopleSelection(
  ctx: Ctx,
  input: { ids?: string[] | undefined; filter?: unknown },
): Promise<repo.PeopleFilter> {
  return people(ctx).selection(ctx, input, (ids) => ({ ids }));
}

/**
 * A saved view of the people list as a segment: the view and the filter of the live people it
 * matches now. `path` names the parameter in errors (an unknown view, a view of companies).
 */
export async function segmentOf(
  ctx: Ctx,
  viewId: string,
  path = 'viewId',
): Promise<{ view: SavedView; selection: repo.PeopleFilter }> {
  const view = await getSavedView(ctx, viewId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found'
      ? notFound('saved view', viewId, path)
      : error;
  });
  if (view.kind !== 'people') throw invalid(path, 'is a view of companies; choose a view of people');
  const filters = Object.fromEntries(Object.entries(view.filters).filter(([key]) => !(key in NOT_FILTERS)));
  return { view, selection: await peopleSelection(ctx, { filter: filters }) };
}

/** The ids of the live people of a segment, up to `limit`, and whether there were more. */
export async function peopleOfView(
  ctx: Ctx,
  viewId: string,
  limit: number,
): Promise<{ ids: string[]; name: string; truncated: boolean }> {
  const { view, selection } = await segmentOf(ctx, viewId);
  const rows = await repo
    .matchingPeople(ctx, selection)
    .select('id')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return {
    ids: rows.slice(0, limit).map((row) => row.id as string),
    name: view.name,
    truncated: rows.length > limit,
  };
}
