import { stringify } from 'csv-stringify/sync';
import type { Delimiter, RejectedRow, RowError } from './csv.ts';
import { ERROR_COLUMN, isErrorColumn } from './mapping.ts';

/**
 * What an import (or its dry run) tells the user, and the error CSV: the rejected rows as
 * they were, plus an `error` column, so they can be fixed and imported again as is.
 */

export interface ImportReport {
  kind: string;
  dryRun: boolean;
  /** Rows that are not blank. */
  totalRows: number;
  created: number;
  updated: number;
  rejected: number;
  errors: RowError[];
  /** The rejected rows to fix and re-import; null when none was rejected. */
  errorCsv: string | null;
}

export interface ErrorCsvOptions {
  /** The delimiter of the imported file, so the spreadsheet that made it opens the fix. */
  delimiter?: Delimiter;
  /** Start with a UTF-8 BOM so that Excel reads accents right; default true. */
  bom?: boolean;
}

/** `line 14, email: must be an email address`, or `line 14: …` for the whole row. */
export function formatRowError(error: RowError): string {
  return error.column
    ? `line ${error.line}, ${error.column}: ${error.message}`
    : `line ${error.line}: ${error.message}`;
}

/**
 * The header plus an `error` column, then each rejected row's original cells and its
 * reasons. A file that already has an `error` column (a fixed error CSV imported again)
 * keeps it, with the new reasons in place of the old. A ragged row keeps its cells as they
 * were, with the reasons after them: it still needs fixing by hand.
 */
export function errorCsv(
  headers: readonly string[],
  rejected: readonly RejectedRow[],
  options: ErrorCsvOptions = {},
): string {
  const existing = headers.findIndex(isErrorColumn);
  const header = existing === -1 ? [...headers, ERROR_COLUMN] : [...headers];
  const errorIndex = existing === -1 ? headers.length : existing;
  const records = [...rejected]
    .sort((a, b) => a.line - b.line)
    .map((row) => {
      const reason = row.errors.map(formatRowError).join('; ');
      if (row.cells.length !== headers.length) return [...row.cells, reason];
      const cells = [...row.cells];
      cells[errorIndex] = reason;
      return cells;
    });
  return stringify([header, ...records], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: '\r\n',
    bom: options.bom ?? true,
  });
}

export interface ReportInput {
  kind: string;
  dryRun: boolean;
  headers: readonly string[];
  totalRows: number;
  created: number;
  updated: number;
  rejected: readonly RejectedRow[];
  delimiter?: Delimiter;
}

/** The report of an import; `created`/`updated` are what was written, or would be on a dry run. */
export function importReport(input: ReportInput): ImportReport {
  const rejected = [...input.rejected].sort((a, b) => a.line - b.line);
  return {
    kind: input.kind,
    dryRun: input.dryRun,
    totalRows: input.totalRows,
    created: input.created,
    updated: input.updated,
    rejected: rejected.length,
    errors: rejected.flatMap((row) => row.errors),
    errorCsv:
      rejected.length > 0
        ? errorCsv(input.headers, rejected, input.delimiter ? { delimiter: input.delimiter } : {})
        : null,
  };
}
