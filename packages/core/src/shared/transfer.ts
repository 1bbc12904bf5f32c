/**
 * What bulk imports hand to a domain and get back. A row carries its CSV line so that every
 * problem found while writing is reported where the user can fix it.
 */
export interface RowProblem {
  line: number;
  /** The field key (e.g. `email`, `companyDomain`); the import maps it back to the CSV header. */
  field: string;
  message: string;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  /** Rows that matched a record already holding the same data (e.g. an interaction re-imported). */
  unchanged: number;
  problems: RowProblem[];
}

export function emptyOutcome(): ImportOutcome {
  return { created: 0, updated: 0, unchanged: 0, problems: [] };
}

/** Lowercased, trimmed email, the key emails are matched by. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

/** Splits work into chunks so that statements stay within parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
