import type { z } from 'zod';
import type { CsvFile, CsvRow, RejectedRow, RowError } from './csv.ts';
import type { ColumnMap, FieldSpec } from './mapping.ts';

/**
 * Turning mapped CSV rows into typed records. A kind describes what it imports: its fields
 * (for the mapping) and a zod schema over the row object, which holds the raw text of the
 * mapped cells by field key (`custom.industry` nests as `{ custom: { industry } }`). The
 * schema converts and checks (see `cell` in cell-schemas.ts); every issue it reports lands
 * on the CSV column of its field, so the user sees `line 14, E-mail: must be an email …`.
 */

export interface ImportKind<S extends z.ZodType = z.ZodType> {
  /** `people`, `companies`, `orders`, `interactions`: named in reports. */
  name: string;
  fields: FieldSpec[];
  schema: S;
}

export interface ValidRow<T> {
  line: number;
  value: T;
  /** The original cells, for the error CSV if writing the record fails later. */
  cells: string[];
}

export interface ValidatedRows<T> {
  /** Rows that are not blank: valid plus rejected. */
  totalRows: number;
  valid: ValidRow<T>[];
  /** Ragged rows from the file and rows the schema refused, in line order. */
  rejected: RejectedRow[];
}

type RowObject = { [key: string]: string | RowObject };

/** The row object of one row: the raw text of each mapped cell under its field key. */
export function mapRow(cells: readonly string[], columns: ColumnMap): RowObject {
  return rowMapper(columns)(cells);
}

function rowMapper(columns: ColumnMap): (cells: readonly string[]) => RowObject {
  const entries = Object.entries(columns).map(([key, index]) => ({ index, path: key.split('.') }));
  const flat = entries.every((entry) => entry.path.length === 1);
  if (flat) {
    return (cells) => {
      const row: RowObject = {};
      for (const { index, path } of entries) row[path[0]!] = cells[index] ?? '';
      return row;
    };
  }
  return (cells) => {
    const row: RowObject = {};
    for (const { index, path } of entries) {
      let target = row;
      for (const part of path.slice(0, -1)) {
        const next = target[part];
        if (typeof next === 'object') {
          target = next;
        } else {
          const nested: RowObject = {};
          target[part] = nested;
          target = nested;
        }
      }
      target[path.at(-1)!] = cells[index] ?? '';
    }
    return row;
  };
}

export function validateRows<S extends z.ZodType>(
  file: Pick<CsvFile, 'headers' | 'rows' | 'rejected'>,
  columns: ColumnMap,
  kind: Pick<ImportKind<S>, 'schema'>,
): ValidatedRows<z.output<S>> {
  const columnOf = columnFinder(file.headers, columns);
  const toObject = rowMapper(columns);
  const valid: ValidRow<z.output<S>>[] = [];
  const refused: RejectedRow[] = [];
  for (const row of file.rows) {
    if (isBlank(row)) continue;
    const result = kind.schema.safeParse(toObject(row.cells));
    if (result.success) {
      valid.push({ line: row.line, value: result.data, cells: row.cells });
    } else {
      const errors = rowErrors(row.line, result.error, columnOf);
      refused.push({ line: row.line, cells: row.cells, errors });
    }
  }
  const rejected = mergeByLine(file.rejected, refused);
  return { totalRows: valid.length + rejected.length, valid, rejected };
}

function isBlank(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** Zod issues as row errors; an issue for one key of a strict object names that key's column. */
function rowErrors(line: number, error: z.ZodError, columnOf: (path: PropertyKey[]) => string): RowError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ line, column: columnOf([...issue.path, key]), message: 'unknown field' }))
      : [{ line, column: columnOf(issue.path), message: issue.message }],
  );
}

/** The CSV header of the longest mapped field key that the issue path starts with; '' if none. */
function columnFinder(headers: readonly string[], columns: ColumnMap): (path: PropertyKey[]) => string {
  const byKey = new Map(Object.entries(columns).map(([key, index]) => [key, headers[index] ?? '']));
  return (path) => {
    const parts = path.map(String);
    for (let length = parts.length; length > 0; length--) {
      const header = byKey.get(parts.slice(0, length).join('.'));
      if (header !== undefined) return header;
    }
    return '';
  };
}

function mergeByLine(a: RejectedRow[], b: RejectedRow[]): RejectedRow[] {
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => x.line - y.line);
}
