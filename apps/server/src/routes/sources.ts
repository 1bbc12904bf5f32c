import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  source,
  sourceCreate,
  sourceUpdate,
  updateSource,
} from '@rapport/core';
import { ADMIN, type Route, route } from '../http/route.ts';
import { writeKeyCache } from '../tracking/tracking.ts';
import { idParam, listOf } from './schemas.ts';

const TAG = 'Sources';

export const sourcesRoutes: Route[] = [
  route({
    method: 'get',
    path: '/sources',
    tag: TAG,
    summary: 'The tracking sources of this workspace, with their write keys and latest activity',
    access: ADMIN,
    response: { status: 200, schema: listOf(source, 'SourceList') },
    handler: async ({ ctx }) => ({ data: await listSources(ctx) }),
  }),
  route({
    method: 'post',
    path: '/sources',
    tag: TAG,
    summary: 'Create a source: its write key lets a Segment SDK send to /v1/*',
    access: ADMIN,
    body: sourceCreate,
    response: { status: 201, schema: source },
    handler: ({ ctx, body }) => createSource(ctx, body),
  }),
  route({
    method: 'get',
    path: '/sources/{id}',
    tag: TAG,
    summary: 'A source',
    access: ADMIN,
    params: idParam,
    response: { status: 200, schema: source },
    handler: ({ ctx, params }) => getSource(ctx, params.id),
  }),
  route({
    method: 'patch',
    path: '/sources/{id}',
    tag: TAG,
    summary: 'Rename, disable or enable a source, set its interaction events, or rotate its write key',
    access: ADMIN,
    params: idParam,
    body: sourceUpdate,
    response: { status: 200, schema: source },
    handler: ({ ctx, params, body }) => updateSource(ctx, params.id, body),
    afterCommit: () => writeKeyCache.clear(), // keyed by write key, not id: a disabled or rotated key stops at once here
  }),
  route({
    method: 'delete',
    path: '/sources/{id}',
    tag: TAG,
    summary: 'Delete a source and the events it sent (the people, companies and orders it made stay)',
    access: ADMIN,
    params: idParam,
    response: { status: 204, schema: null },
    handler: ({ ctx, params }) => deleteSource(ctx, params.id),
    afterCommit: () => writeKeyCache.clear(),
  }),
];
