/**
 * One set of value parsers for both engines, so that rows look the same on PGlite and on a
 * PostgreSQL server: bigint and numeric become numbers (money is integer minor units, far
 * below 2^53), dates stay 'YYYY-MM-DD' strings, timestamps become Date objects.
 */
export const INT8 = 20;
export const NUMERIC = 1700;
export const DATE = 1082;
export const TIMESTAMP = 1114;
export const TIMESTAMPTZ = 1184;

export function toNumber(value: string): number {
  return Number(value);
}

export function keepString(value: string): string {
  return value;
}

export function toDate(value: string): Date {
  return new Date(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}`);
}

export const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: toNumber,
  [NUMERIC]: toNumber,
  [DATE]: keepString,
};
