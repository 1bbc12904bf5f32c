import { apiKey, apiKeyCreate, apiKeyCreated, createApiKey, listApiKeys, revokeApiKey } from '@rapport/core';
import { keyCache } from '../http/auth.ts';
import { ADMIN, type Route, route } from '../http/route.ts';
import { idParam, listOf } from './schemas.ts';

export const apiKeysRoutes: Route[] = [
  route({
    method: 'get',
    path: '/api-keys',
    tag: 'API keys',
    summary: 'The API keys of this workspace (never their secrets)',
    access: ADMIN,
    response: { status: 200, schema: listOf(apiKey, 'ApiKeyList') },
    handler: async ({ ctx }) => ({ data: await listApiKeys(ctx) }),
  }),
  route({
    method: 'post',
    path: '/api-keys',
    tag: 'API keys',
    summary: 'Create an API key; its secret is shown once, in this answer',
    access: ADMIN,
    body: apiKeyCreate,
    response: { status: 201, schema: apiKeyCreated },
    handler: ({ ctx, body }) => createApiKey(ctx, body),
  }),
  route({
    method: 'delete',
    path: '/api-keys/{id}',
    tag: 'API keys',
    summary: 'Revoke an API key',
    access: ADMIN,
    params: idParam,
    response: { status: 200, schema: apiKey },
    handler: ({ ctx, params }) => revokeApiKey(ctx, params.id),
    afterCommit: () => keyCache.clear(), // the cache is keyed by secret, not id: forget every key at once
  }),
];
