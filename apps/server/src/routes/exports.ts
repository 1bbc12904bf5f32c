import {
  type ExportFormat,
  type ExportScope,
  exportKind,
  exportQuery,
  exportRecords,
  exportScope,
  exportSelection,
  inWorkspace,
  type SystemCtx,
} from '@rapport/core';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { actorOf, type Principal } from '../http/auth.ts';
import { platformRoute, READ, type Route } from '../http/route.ts';

const response = {
  status: 200,
  schema: null,
  contentType: 'text/csv',
  description: 'Streamed; JSON lines with format=jsonl.',
} as const;

/** Streams an export; it reads in one transaction while the answer streams out. */
function streamExport(
  c: Context,
  sys: SystemCtx,
  principal: Principal,
  kind: string,
  format: ExportFormat,
  scope?: ExportScope,
) {
  c.header(
    'content-type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
  );
  c.header('content-disposition', `attachment; filename="${kind}.${format}"`);
  return stream(c, async (out) => {
    await inWorkspace(
      sys.db,
      principal.workspaceId,
      actorOf(principal),
      (ctx) => exportRecords(ctx, kind, format, (chunk) => out.write(chunk).then(() => undefined), scope),
      sys.clock,
    );
  });
}

export const exportsRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/exports/{kind}',
    tag: 'Exports',
    summary: 'Export every record of a kind as CSV (the import format: it round-trips) or JSON lines',
    access: READ,
    params: z.object({ kind: exportKind }),
    query: exportQuery,
    response,
    handler: ({ c, sys, principal, params, query }) =>
      streamExport(c, sys, principal, params.kind, query.format),
  }),
  platformRoute({
    method: 'post',
    path: '/exports/{kind}',
    tag: 'Exports',
    summary: 'Export a selection of people or companies: the ticked ids or all that a filter matches',
    description: 'The same CSV (it round-trips through import) or JSON lines as the export of every record.',
    access: READ,
    params: z.object({ kind: exportKind }),
    query: exportQuery,
    body: exportSelection,
    response,
    handler: async ({ c, sys, principal, params, query, body }) => {
      // The selection is checked before the answer starts, so a bad id is a 400, not a cut stream.
      const scope = await inWorkspace(
        sys.db,
        principal.workspaceId,
        actorOf(principal),
        (ctx) => exportScope(ctx, params.kind, body),
        sys.clock,
      );
      return streamExport(c, sys, principal, params.kind, query.format, scope);
    },
  }),
];
