/**
 * Test helpers: the CLV reference data in ../shared/data (never copied into the repository; see
 * its cdnow/README.md and online_retail/README.md). Tests that need it skip when it is absent,
 * except on CI, where a missing fixture fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from './summarize.ts';

export const SHARED =
  process.env.RAPPORT_SHARED_DATA ?? join(import.meta.dirname, '../../../../../shared/data');

/** True when the tests that need `folder` should skip (and says so once). */
export function skipWithout(folder: string, file: string): boolean {
  const present = existsSync(join(SHARED, folder));
  const skip = !present && process.env.CI !== 'true';
  if (skip) console.warn(`${file}: SKIPPING the tests on ${folder}, no data at ${join(SHARED, folder)}`);
  return skip;
}

export const sharedText = (path: string) => readFileSync(join(SHARED, path), 'utf8');

/** Days since 1970-01-01 of a YYYYMMDD or YYYY-MM-DD date. */
export function dayOf(date: string): number {
  const digits = date.replaceAll('-', '');
  return (
    Date.UTC(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)) - 1, Number(digits.slice(6, 8))) /
    86_400_000
  );
}

/** CDNOW_sample.txt: `master_id sample_id YYYYMMDD cds dollars`, whitespace-separated, no header. */
export function cdnowSample(): Transaction[] {
  return sharedText('cdnow/CDNOW_sample.txt')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: sampleId!, day: dayOf(date!), amount: Number(dollars) };
    });
}

/** A CSV file with a header, as an array of records keyed by column name (no quoted fields). */
export function simpleCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = sharedText(path).split(/\r?\n/);
  const names = header!.split(',');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
    });
}

export const CDNOW_CALIBRATION_END = dayOf('1997-09-30');
export const CDNOW_HOLDOUT_END = dayOf('1998-06-30');

const NON_PRODUCT = new Set([
  'POST',
  'D',
  'M',
  'DOT',
  'BANK CHARGES',
  'C2',
  'CRUK',
  'AMAZONFEE',
  'PADS',
  'S',
  'B',
]);

/** Online Retail lines after the README's usual cleaning, as transactions (amount = quantity × price). */
export function onlineRetail(): Transaction[] {
  const out: Transaction[] = [];
  const lines = sharedText('online_retail/transactions.csv').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const [invoice, stock, quantity, date, price, customer] = lines[i]!.split(',');
    if (!customer || invoice!.startsWith('C') || NON_PRODUCT.has(stock!)) continue;
    const q = Number(quantity);
    const p = Number(price);
    if (!(q > 0 && p > 0)) continue;
    out.push({ customerId: customer, day: dayOf(date!.slice(0, 10)), amount: q * p });
  }
  return out;
}
