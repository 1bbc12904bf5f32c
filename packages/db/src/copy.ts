import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

function copyStatement(table: string, columns: readonly string[], source: string) {
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** CSV text, or chunks of it made while PostgreSQL reads the previous ones. */
export type CsvSource = string | Iterable<string>;

export async function copyIntoPostgres(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  csv: CsvSource,
) {
  const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv), stream);
}

/**
 * PGlite reads COPY data from its virtual /dev/blob file, which needs the file-reading
 * privilege that the application role rightly lacks; the copy runs as the embedded owner for
 * that one statement (into a temp table of this transaction) and the role is restored.
 */
export async function copyIntoPglite(
  pglite: PGlite,
  table: string,
  columns: readonly string[],
  csv: CsvSource,
) {
  const blob = new Blob(typeof csv === 'string' ? [csv] : [...csv]);
  await pglite.query('reset role');
  try {
    await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
  } finally {
    await pglite.query('set local role rapport_app');
  }
}
