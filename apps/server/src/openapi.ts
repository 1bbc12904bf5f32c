import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { STATUS } from './http/errors.ts';
import type { Route } from './http/route.ts';

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(STATUS) as [string, ...string[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

const UPLOAD_CONTENT = {
  'text/csv': { schema: { type: 'string', description: 'The CSV file (RFC 4180, UTF-8, , ; or tab).' } },
  'application/x-ndjson': {
    schema: {
      type: 'string',
      description: 'JSON lines: one object per line, its keys the CSV header’s fields.',
    },
  },
  'multipart/form-data': {
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        mapping: { type: 'string', description: 'JSON: { "CSV header": "field" | null }' },
        dryRun: { type: 'string', enum: ['true', 'false'] },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: Route[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api/v1${route.path}`;
    const { status, schema, description, contentType } = route.response;
    const success =
      status === 204
        ? { description: description ?? 'Done; no content.' }
        : {
            description: description ?? 'OK',
            content: { [contentType ?? 'application/json']: schema ? { schema } : {} },
          };
    const errors: Record<string, unknown> = {
      '400': errorResponse('Invalid input: each wrong field is named in details[].path.'),
    };
    if (route.access !== 'public') {
      errors['401'] = errorResponse('Not signed in, or the API key is not valid.');
      errors['403'] = errorResponse('Your role may not do this.');
    }
    if (route.path.includes('{')) errors['404'] = errorResponse('No such record in this workspace.');
    if (route.method !== 'get')
      errors['409'] = errorResponse('Conflicts with existing data (e.g. a duplicate email).');
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: `${route.method}${route.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch) => (ch ? ch.toUpperCase() : ''))}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(route.access) ? { 'x-rapport-roles': route.access } : {}),
      requestParams: {
        ...(route.params ? { path: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
      },
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
      ...(route.upload ? { requestBody: { required: true, content: UPLOAD_CONTENT } } : {}),
      responses: { [String(status)]: success, ...errors },
    };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version,
        description:
          'The relationship CRM. Authenticate with a session cookie (POST /api/v1/auth/login) or an API key ' +
          '(Authorization: Bearer rk_…). Lists answer { data, nextCursor }; errors answer ' +
          '{ error: { code, message, details: [{ path, message }] } }. POST accepts an Idempotency-Key header.',
      },
      servers: [{ url: '/' }],
      security: [{ apiKey: [] }, { session: [] }],
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key (rk_…) from POST /api/v1/api-keys.',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      paths: paths as never,
    },
    { reused: 'ref' },
  );
}
