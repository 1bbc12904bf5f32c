import type { Tx } from '@rapport/db';
import { sql } from 'kysely';
import { DEMO_TABLES, type DemoRows, type DemoTable } from './demo.rows.ts';

/** One value as a CSV field for COPY: unquoted empty is NULL, everything else is quoted. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value))
    text = `{${value.map((item) => `"${String(item).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

const CHUNK = 20_000;

/**
 * Writes rows in bulk: COPY into a temporary table shaped like the target, then one
 * INSERT ... SELECT, which row-level security checks row by row and the audit trigger sees as
 * one statement. (COPY straight into a table with row-level security is refused.)
 * Measured on PGlite with the full demo (about 140,000 rows): 8.5 s of CPU this way against
 * 11.0 s for multi-row INSERT ... VALUES in chunks of 1,000, so COPY it is.
 */
export async function copyRows(tx: Tx, workspaceId: string, table: DemoTable, rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length)
      throw new Error(`demo: rows of ${table} differ in their columns`);
  }
  const temp = `demo_${table}`;
  await sql`create temp table ${sql.id(temp)} (like ${sql.id(table)} including defaults) on commit drop`.execute(
    tx.db,
  );
  const all = ['workspace_id', ...columns];
  const ws = field(workspaceId);
  for (let i = 0; i < rows.length; i += CHUNK) {
    let csv = '';
    for (const row of rows.slice(i, i + CHUNK) as Record<string, unknown>[]) {
      csv += ws;
      for (const column of columns) csv += `,${field(row[column])}`;
      csv += '\n';
    }
    await tx.copyCsv(temp, all, csv);
  }
  const list = sql.join(all.map((column) => sql.id(column)));
  await sql`insert into ${sql.id(table)} (${list}) select ${list} from ${sql.id(temp)}`.execute(tx.db);
}

/** Writes every table of a generated workspace, parents before children. */
export async function writeAll(tx: Tx, workspaceId: string, rows: DemoRows) {
  for (const table of DEMO_TABLES) await copyRows(tx, workspaceId, table, rows[table]);
}
