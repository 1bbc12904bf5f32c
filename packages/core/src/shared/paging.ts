import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { invalid } from './errors.ts';

/** Every list answers `{ data, nextCursor }`; pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const pageInput = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1 to 200 (default 50).'),
  cursor: z.string().max(500).optional().describe('The `nextCursor` of the previous page.'),
};

export type Direction = 'asc' | 'desc';

/** `name` or `-name` into a column key and a direction, checked against the allowed keys. */
export function parseSort<K extends string>(
  sort: string | undefined,
  allowed: Record<K, string>,
  fallback: K,
): { key: K; column: string; direction: Direction } {
  const raw = sort ?? fallback;
  const direction: Direction = raw.startsWith('-') ? 'desc' : 'asc';
  const key = raw.replace(/^-/, '') as K;
  const column = allowed[key];
  if (!column) {
    throw invalid(
      'sort',
      `cannot sort by "${key}"; use one of ${Object.keys(allowed).join(', ')} (prefix - for descending)`,
    );
  }
  return { key, column, direction };
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the error below
  }
  throw invalid(
    'cursor',
    'is not a cursor from this list; pass the nextCursor of the previous page unchanged',
  );
}

/**
 * Keyset pagination on (sort column, id): the condition that selects rows after the cursor,
 * written as a row comparison so that PostgreSQL walks the matching index.
 */
export function afterCursor(
  column: string,
  direction: Direction,
  cursor: unknown[],
  idColumn = 'id',
): RawBuilder<boolean> {
  const [value, id] = cursor;
  const op = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${op} (${value}, ${id})`;
}

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor of the next one. */
export function toPage<Row, Out>(
  rows: Row[],
  limit: number,
  sortValue: (row: Row) => unknown,
  id: (row: Row) => string,
  map: (row: Row) => Out,
): Page<Out> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  const value = last === undefined ? null : sortValue(last);
  return {
    data: kept.map(map),
    nextCursor:
      more && last ? encodeCursor([value instanceof Date ? value.toISOString() : value, id(last)]) : null,
  };
}
