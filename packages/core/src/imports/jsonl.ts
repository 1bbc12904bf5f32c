import { isUtf8 } from 'node:buffer';
import { invalid } from '../shared/errors.ts';
import { type CsvFile, type CsvRow, type RejectedRow, readCsv } from './csv.ts';
import type { ImportFormat } from './imports.schema.ts';

/**
 * Reading a JSON-lines file for an import: one JSON object per line, with the same fields as the
 * CSV header of its kind (`{"source": "google", "rating": 4, "text": "…"}`). The objects become a
 * table, so mapping, validation, reports and error CSVs work as for CSV: the columns are the keys
 * in the order they first appear, nested objects give dotted columns (`{"custom": {"tier": "gold"}}`
 * is `custom.tier`), arrays are joined with `|` as CSV lists are, null is an empty cell. A line
 * that is not a JSON object is rejected with its line number; blank lines are skipped.
 */

type Flat = Map<string, string>;

function flatten(value: Record<string, unknown>, prefix: string, into: Flat): void {
  for (const [key, item] of Object.entries(value)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      flatten(item as Record<string, unknown>, column, into);
    } else into.set(column, cellOf(item));
  }
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellOf).join('|');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function readJsonl(input: string | Buffer): CsvFile {
  const buffer = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (!isUtf8(buffer)) throw invalid('file', 'the file is not UTF-8 text');
  const lines = buffer
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  const headers: string[] = [];
  const index = new Map<string, number>();
  const objects: { line: number; flat: Flat }[] = [];
  const bad: { line: number; message: string }[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      bad.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      bad.push({ line, message: 'each line must be one JSON object, like {"text": "…"}' });
      return;
    }
    const flat: Flat = new Map();
    flatten(value as Record<string, unknown>, '', flat);
    for (const key of flat.keys()) {
      if (!index.has(key)) {
        index.set(key, headers.length);
        headers.push(key);
      }
    }
    objects.push({ line, flat });
  });
  if (objects.length === 0 && bad.length === 0) {
    throw invalid('file', 'the file is empty; write one JSON object per line');
  }
  if (headers.length === 0) headers.push('text');
  const rows: CsvRow[] = objects.map(({ line, flat }) => ({
    line,
    cells: headers.map((header) => flat.get(header) ?? ''),
  }));
  const rejected: RejectedRow[] = bad.map(({ line, message }) => ({
    line,
    cells: headers.map(() => ''),
    errors: [{ line, column: '', message }],
  }));
  return { delimiter: ',', headers, rows, rejected };
}

/**
 * The table of an import file: JSON lines when asked, when the name ends in .jsonl or .ndjson, or
 * when the file starts with `{`; CSV otherwise.
 */
export function readTable(
  input: string | Buffer,
  options: { format?: ImportFormat | undefined; fileName?: string | null | undefined } = {},
): CsvFile & { format: ImportFormat } {
  const format = options.format ?? (looksLikeJsonl(input, options.fileName) ? 'jsonl' : 'csv');
  return { ...(format === 'jsonl' ? readJsonl(input) : readCsv(input)), format };
}

function looksLikeJsonl(input: string | Buffer, fileName: string | null | undefined): boolean {
  if (fileName && /\.(jsonl|ndjson)$/i.test(fileName)) return true;
  if (fileName && /\.(csv|tsv|txt)$/i.test(fileName)) return false;
  const head = (typeof input === 'string' ? input.slice(0, 64) : input.subarray(0, 64).toString('utf8'))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{');
}
