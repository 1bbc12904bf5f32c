import { exportKind, exportQuery, exportRecords, inWorkspace } from '@rapport/core';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { actorOf } from '../http/auth.ts';
import { platformRoute, READ, type Route } from '../http/route.ts';

export const exportsRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/exports/{kind}',
    tag: 'Exports',
    summary: 'Export every record of a kind as CSV (the import format: it round-trips) or JSON lines',
    access: READ,
    params: z.object({ kind: exportKind }),
    query: exportQuery,
    response: {
      status: 200,
      schema: null,
      contentType: 'text/csv',
      description: 'Streamed; JSON lines with format=jsonl.',
    },
    handler: ({ c, sys, principal, params, query }) => {
      c.header(
        'content-type',
        query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      );
      c.header('content-disposition', `attachment; filename="${params.kind}.${query.format}"`);
      // The export reads in one transaction while the answer streams out.
      return stream(c, async (out) => {
        await inWorkspace(
          sys.db,
          principal.workspaceId,
          actorOf(principal),
          (ctx) =>
            exportRecords(ctx, params.kind, query.format, (chunk) => out.write(chunk).then(() => undefined)),
          sys.clock,
        );
      });
    },
  }),
];
