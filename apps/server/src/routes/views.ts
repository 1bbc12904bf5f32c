import {
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  savedView,
  savedViewCreate,
  savedViewsQuery,
  savedViewUpdate,
  updateSavedView,
} from '@rapport/core';
import { READ, type Route, route } from '../http/route.ts';
import { idParam, listOf } from './schemas.ts';

// Every role keeps views (a viewer private ones only); the service says who may change which.
export const viewsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/views',
    tag: 'Saved views',
    summary: 'The saved views of the people or companies list: your own and the shared ones, in order',
    access: READ,
    query: savedViewsQuery,
    response: { status: 200, schema: listOf(savedView, 'SavedViewList') },
    handler: async ({ ctx, query }) => ({ data: await listSavedViews(ctx, query) }),
  }),
  route({
    method: 'post',
    path: '/views',
    tag: 'Saved views',
    summary: 'Save a view of a list (private, or shared with the workspace)',
    description:
      'A signed-in user saves it; `filters` are checked as the list checks its query. Viewers keep private views only.',
    access: READ,
    body: savedViewCreate,
    response: { status: 201, schema: savedView },
    handler: ({ ctx, body }) => createSavedView(ctx, body),
  }),
  route({
    method: 'get',
    path: '/views/{id}',
    tag: 'Saved views',
    summary: 'Get a saved view (shared, or your own)',
    access: READ,
    params: idParam,
    response: { status: 200, schema: savedView },
    handler: ({ ctx, params }) => getSavedView(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/views/{id}',
    tag: 'Saved views',
    summary: 'Rename a view, change its filters, share or unshare it (its owner or an admin)',
    access: READ,
    params: idParam,
    body: savedViewUpdate,
    response: { status: 200, schema: savedView },
    handler: ({ ctx, params, body }) => updateSavedView(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/views/{id}',
    tag: 'Saved views',
    summary: 'Delete a saved view (its owner or an admin)',
    access: READ,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteSavedView(ctx, params.id),
  }),
];
