import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

function copyStatement(table: string, columns: readonly string[], source: string) {
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

export async function copyIntoPostgres(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  csv: string,
) {
  const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from([csv]), stream);
}

/**
 * PGlite reads COPY data from its virtual /dev/blob file, which needs the file-reading
 * privilege that the application role rightly lacks; the copy runs as the embedded owner for
 * that one statement (into a temp table of this transaction) and the role is restored.
 */
export async function copyIntoPglite(pglite: PGlite, table: string, columns: readonly string[], csv: string) {
  await pglite.query('reset role');
  try {
    await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
  } finally {
    await pglite.query('set local role rapport_app');
  }
}
