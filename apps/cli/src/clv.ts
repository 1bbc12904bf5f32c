/**
 * `rapport clv fit`: a transactions CSV (customer_id,date,amount) → the three customer-value
 * models fitted on the calibration period, and how they predict the holdout period. Local work
 * with no database: it calls @rapport/models directly (core's `value` domain does the same for
 * stored orders).
 */
import { readFileSync } from 'node:fs';
import { AppError, type ErrorDetail, invalid } from '@rapport/core/errors';
import type { Transaction } from '@rapport/models';
import { parse } from 'csv-parse/sync';

const COLUMNS = ['customer_id', 'date', 'amount'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of YYYY-MM-DD or an ISO timestamp, or null when it is neither. */
export function dayOfDate(text: string): number | null {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms / DAY_MS : null;
  }
  if (!TIMESTAMP.test(text)) return null;
  // A timestamp without a zone is UTC (Rapport's times are UTC).
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The transactions of the file; every bad cell is reported with its line (up to 20 of them). */
export function readTransactions(path: string): Transaction[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw invalid('file', `cannot be read as CSV: ${(error as Error).message}`);
  }
  const header = (records[0]?.record ?? []).map((name) => name.toLowerCase());
  const missing = COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw invalid(
      'line 1',
      `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the file must start with customer_id,date,amount`,
    );
  }
  const [id, date, amount] = COLUMNS.map((name) => header.indexOf(name)) as [number, number, number];
  const out: Transaction[] = [];
  const details: ErrorDetail[] = [];
  for (const { record, info } of records.slice(1)) {
    const at = `line ${info.lines}`;
    const customerId = record[id] ?? '';
    const day = dayOfDate(record[date] ?? '');
    const value = (record[amount] ?? '').trim() === '' ? Number.NaN : Number(record[amount]);
    if (customerId === '') details.push({ path: `${at}, customer_id`, message: 'is empty' });
    if (day === null)
      details.push({
        path: `${at}, date`,
        message: `"${record[date] ?? ''}" is not a date (use YYYY-MM-DD or an ISO timestamp)`,
      });
    if (!Number.isFinite(value))
      details.push({
        path: `${at}, amount`,
        message: `"${record[amount] ?? ''}" is not a number (use 12.50)`,
      });
    else if (value < 0)
      details.push({
        path: `${at}, amount`,
        message: `${value} is negative; leave refunds and returns out of the file`,
      });
    if (details.length === 0) out.push({ customerId, day: day!, amount: value });
  }
  if (details.length > 0) {
    const first = details[0]!;
    throw new AppError(
      'validation_failed',
      `${details.length} problem${details.length > 1 ? 's' : ''} in ${path}; the first: ${first.path}: ${first.message}.`,
      details,
    );
  }
  if (out.length === 0) throw invalid('file', 'has no transactions under its header');
  return out;
}
