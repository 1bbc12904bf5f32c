import {
  exportKind,
  getImport,
  IMPORT_FORMATS,
  importErrorCsv,
  importPreview,
  importRun,
  listImports,
  previewImport,
  runImport,
} from '@rapport/core';
import { z } from 'zod';
import { READ, type Route, route, WRITE } from '../http/route.ts';
import { readUpload } from '../http/upload.ts';
import { idParam, listOf } from './schemas.ts';

const kindParam = z.object({ kind: exportKind });
const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .describe('Check and count everything, write nothing.'),
  mapping: z
    .string()
    .optional()
    .describe('JSON { "CSV header": "field" | null }; headers left out keep the suggestion.'),
  fileName: z.string().max(300).optional(),
  format: z
    .enum(IMPORT_FORMATS)
    .optional()
    .describe(
      'csv or jsonl (one JSON object per line); by default from the file name or its first character.',
    ),
});

export const importsRoutes: Route[] = [
  route({
    method: 'post',
    path: '/imports/{kind}/preview',
    tag: 'Imports',
    summary: 'Read a CSV or JSON-lines file: its columns, the suggested mapping to fields, the first rows',
    access: WRITE,
    params: kindParam,
    query: importQuery,
    upload: true,
    response: { status: 200, schema: importPreview },
    handler: async ({ ctx, params, query, c }) => {
      const upload = await readUpload(c);
      return previewImport(ctx, {
        kind: params.kind,
        file: upload.file,
        fileName: upload.fileName,
        mapping: upload.mapping,
        format: query.format,
      });
    },
  }),
  route({
    method: 'post',
    path: '/imports/{kind}',
    tag: 'Imports',
    summary:
      'Import people, companies, orders, interactions or reviews from CSV or JSON lines (dryRun=true to check first)',
    description:
      'Good rows are written, bad rows are reported with line, column and reason and kept in an error CSV ' +
      '(GET /imports/{id}/errors.csv) to fix and import again. Rows match existing records by id, external id or email/domain.',
    access: WRITE,
    params: kindParam,
    query: importQuery,
    upload: true,
    response: { status: 201, schema: importRun },
    handler: async ({ ctx, params, query, c }) => {
      const upload = await readUpload(c);
      const { errorCsv: _csv, ...run } = await runImport(ctx, {
        kind: params.kind,
        ...upload,
        format: query.format,
      });
      return run;
    },
  }),
  route({
    method: 'get',
    path: '/imports',
    tag: 'Imports',
    summary: 'Recent imports and dry runs, newest first',
    access: READ,
    response: { status: 200, schema: listOf(importRun, 'ImportList') },
    handler: async ({ ctx }) => ({ data: await listImports(ctx) }),
  }),
  route({
    method: 'get',
    path: '/imports/{id}',
    tag: 'Imports',
    summary: 'An import with its report',
    access: READ,
    params: idParam,
    response: { status: 200, schema: importRun },
    handler: ({ ctx, params }) => getImport(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/imports/{id}/errors.csv',
    tag: 'Imports',
    summary: 'The rejected rows of an import, with an error column, to fix and import again',
    access: READ,
    params: idParam,
    response: {
      status: 200,
      schema: null,
      contentType: 'text/csv',
      description: 'The error CSV (404 when no row was rejected).',
    },
    handler: async ({ ctx, params, c }) => {
      const csv = await importErrorCsv(ctx, params.id);
      if (csv === null) {
        return c.json(
          {
            error: {
              code: 'not_found',
              message: 'No row of this import was rejected.',
              details: [{ path: 'id', message: 'no error CSV' }],
            },
          },
          404,
        );
      }
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${params.id}-errors.csv"`,
      });
    },
  }),
];
