import { CURRENCIES, minorDigits } from '../shared/fields.ts';

/**
 * Cell text to typed values, each failure with a reason a person can act on. An empty or
 * whitespace-only cell is `null` for every type: "no value", never an error here (whether a
 * value is required is the row schema's business).
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };
export type CellParser<T> = (raw: string) => CellResult<T | null>;
export type DecimalSeparator = '.' | ',';

export interface NumberOptions {
  /** Resolves "1,234" and "1.234"; without it they are rejected as ambiguous. */
  decimalSeparator?: DecimalSeparator;
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (reason: string): CellResult<never> => ({ ok: false, reason });

export function parseText(raw: string, max = 2000): CellResult<string | null> {
  const value = raw.trim();
  if (value === '') return ok(null);
  return value.length > max ? fail(`must be at most ${max} characters`) : ok(value);
}

export function parseBoolean(raw: string): CellResult<boolean | null> {
  const value = raw.trim().toLowerCase();
  if (value === '') return ok(null);
  if (value === 'true' || value === 'yes' || value === '1') return ok(true);
  if (value === 'false' || value === 'no' || value === '0') return ok(false);
  return fail('must be true or false (or yes/no, 1/0)');
}

/** Tags and other lists: items separated by `|` or `;`, trimmed, empty items dropped. */
export function parseList(raw: string): CellResult<string[] | null> {
  const items = raw
    .split(/[|;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return ok(items.length > 0 ? items : null);
}

interface Digits {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** The common case, read without guessing: "1234", "-12.5" (not "1.234": that is ambiguous). */
const PLAIN = /^([+-]?)(\d+)(?:\.(\d{1,2}|\d{4,}))?$/;

/**
 * A decimal number as written in a spreadsheet: `1234.5`, `1,234.50`, `1.234,50`,
 * `1 234,50`, `1'234.50`, with an optional sign. Digits stay text so money never meets a float.
 */
function readDigits(raw: string, options: NumberOptions, example: string): CellResult<Digits> {
  const plain = options.decimalSeparator === ',' ? null : PLAIN.exec(raw.trim());
  if (plain) {
    return ok({
      negative: plain[1] === '-',
      whole: plain[2]!.replace(/^0+(?=\d)/, ''),
      fraction: plain[3] ?? '',
    });
  }
  const signed = /^([+-]?)\s*(.*)$/s.exec(raw.trim())!;
  // Spaces and apostrophes group thousands only between digits: "1 234,50", "1'234.50".
  const text = signed[2]!.replace(/(?<=\d)[\s\u00a0\u202f'\u2019](?=\d)/g, 'G');
  if (!/^[\d.,G]+$/.test(text) || !/\d/.test(text)) return fail(`must be a number like ${example}`);
  const decimal = options.decimalSeparator ?? guessDecimal(text);
  if (decimal === null) {
    const [whole, fraction] = text.replaceAll('G', '').split(/[.,]/);
    return fail(
      `"${raw.trim()}" is ambiguous: write ${whole}${fraction} or ${whole}.${fraction} without a thousands separator`,
    );
  }
  const [grouped, fraction = '', ...more] = text.replaceAll(decimal === '.' ? ',' : '.', 'G').split(decimal);
  if (more.length > 0) return fail(`must be a number like ${example}; "${decimal}" appears more than once`);
  if (!/^\d*$/.test(fraction)) {
    return fail(`must be a number like ${example}; a thousands separator follows the decimal "${decimal}"`);
  }
  if (grouped!.includes('G') && !/^\d{1,3}(?:G\d{3})+$/.test(grouped!)) {
    return fail(`must be a number like ${example}; the thousands separators are misplaced`);
  }
  const whole = grouped!.replaceAll('G', '');
  if (whole === '' && fraction === '') return fail(`must be a number like ${example}`);
  return ok({ negative: signed[1] === '-', whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction });
}

/** The decimal separator the text must be using, or null when both readings are possible. */
function guessDecimal(text: string): DecimalSeparator | null {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot === -1 && comma === -1) return '.';
  if (dot !== -1 && comma !== -1) return dot > comma ? '.' : ',';
  const separator = dot !== -1 ? '.' : ',';
  const other = separator === '.' ? ',' : '.';
  const [whole, fraction, ...more] = text.split(separator) as [string, string, ...string[]];
  if (more.length > 0) return other;
  const couldBeGrouping = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  return couldBeGrouping ? null : separator;
}

export function parseDecimal(raw: string, options: NumberOptions = {}): CellResult<number | null> {
  if (raw.trim() === '') return ok(null);
  const read = readDigits(raw, options, '1234.5');
  if (!read.ok) return read;
  const { negative, whole, fraction } = read.value;
  const value = Number(`${negative ? '-' : ''}${whole}.${fraction || '0'}`);
  return Number.isFinite(value) ? ok(value === 0 ? 0 : value) : fail('is too large');
}

export function parseInteger(raw: string, options: NumberOptions = {}): CellResult<number | null> {
  if (raw.trim() === '') return ok(null);
  const read = readDigits(raw, options, '42');
  if (!read.ok) return read;
  const { negative, whole, fraction } = read.value;
  if (/[1-9]/.test(fraction)) return fail('must be a whole number like 42');
  const value = Number(`${negative ? '-' : ''}${whole}`);
  return Number.isSafeInteger(value) ? ok(value === 0 ? 0 : value) : fail('is too large');
}

/**
 * An amount in integer minor units of `currency`: "12.50" EUR is 1250, "1200" JPY is 1200,
 * "1.250" BHD is 1250. More decimals than the currency has (other than zeros) is an error.
 * The currency's code or symbol may stand before or after the amount ("€12.50", "12.50 EUR").
 */
export function parseMoney(
  raw: string,
  currency: string,
  options: NumberOptions = {},
): CellResult<number | null> {
  const code = currency.trim().toUpperCase();
  if (!CURRENCIES.has(code)) return fail(`cannot be read: "${currency}" is not an ISO 4217 currency code`);
  const { digits, example } = currencyFormat(code);
  if (raw.trim() === '') return ok(null);
  const signed = /^([+-]?)\s*(.*)$/s.exec(raw.trim())!;
  const amount = stripCurrency(signed[2]!, code);
  const read = readDigits(`${signed[1]}${amount}`, options, example);
  if (!read.ok) return fail(read.reason.replace('must be a number', `must be an amount in ${code}`));
  const { negative, whole, fraction } = read.value;
  if (/[1-9]/.test(fraction.slice(digits))) {
    return fail(
      digits === 0
        ? `must be a whole amount: ${code} has no decimals`
        : `has more than ${digits} decimals for ${code}`,
    );
  }
  const value = Number(`${negative ? '-' : ''}${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  return Number.isSafeInteger(value) ? ok(value === 0 ? 0 : value) : fail('is too large');
}

/** The amount without a leading or trailing code or symbol of its currency. */
function stripCurrency(text: string, code: string): string {
  if (/^[\d.,]/.test(text) && /\d$/.test(text)) return text;
  const upper = text.toUpperCase();
  for (const symbol of [code, ...currencySymbols(code)]) {
    if (upper.startsWith(symbol)) return text.slice(symbol.length).trim();
    if (upper.endsWith(symbol)) return text.slice(0, -symbol.length).trim();
  }
  return text;
}

/** minorDigits builds an Intl formatter; a million rows must not. */
const formatCache = new Map<string, { digits: number; example: string }>();
function currencyFormat(code: string): { digits: number; example: string } {
  let format = formatCache.get(code);
  if (!format) {
    const digits = minorDigits(code);
    format = { digits, example: digits === 0 ? '1200' : `1234.${'5'.repeat(digits)}` };
    formatCache.set(code, format);
  }
  return format;
}

const symbolCache = new Map<string, string[]>();
function currencySymbols(code: string): string[] {
  let symbols = symbolCache.get(code);
  if (!symbols) {
    const found = (['symbol', 'narrowSymbol'] as const).map(
      (currencyDisplay) =>
        new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay })
          .formatToParts(1)
          .find((part) => part.type === 'currency')?.value ?? code,
    );
    symbols = [...new Set(found.map((symbol) => symbol.toUpperCase()))].filter((symbol) => symbol !== code);
    symbolCache.set(code, symbols);
  }
  return symbols;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** `YYYY-MM-DD`, a day that exists. */
export function parseDate(raw: string): CellResult<string | null> {
  const value = raw.trim();
  if (value === '') return ok(null);
  const match = DATE.exec(value);
  if (!match) return fail('must be a date as YYYY-MM-DD');
  if (!realDay(Number(match[1]), Number(match[2]), Number(match[3])))
    return fail(`${value} is not a real date`);
  return ok(value);
}

/**
 * An ISO date-time with `Z` or an offset (`T` or a space before the time), or a date alone
 * meaning midnight UTC. The value is the instant in UTC: `2024-05-01T07:30:00.000Z`.
 */
/** `2024-05-01T09:30:00Z` or `2024-05-01T09:30:00.123Z`: already what we store, only checked. */
const CANONICAL_UTC = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.\d{3})?Z$/;

export function parseDateTime(raw: string): CellResult<string | null> {
  const value = raw.trim();
  if (value === '') return ok(null);
  // Machine-written files (exports, shops) use canonical UTC: keep the text, skip the Date.
  const canonical = CANONICAL_UTC.exec(value);
  if (canonical && realDay(Number(canonical[1]), Number(canonical[2]), Number(canonical[3]))) {
    return ok(value.length === 20 ? `${value.slice(0, 19)}.000Z` : value);
  }
  const match = DATE_TIME.exec(value);
  if (!match) return fail('must be a date-time like 2024-05-01T09:30:00Z or a date like 2024-05-01');
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  if (!realDay(Number(y), Number(mo), Number(d))) return fail(`${y}-${mo}-${d} is not a real date`);
  if (h === undefined) return ok(new Date(`${y}-${mo}-${d}T00:00:00Z`).toISOString());
  if (zone === undefined) return fail('needs a time zone: end it with Z (UTC) or an offset like +02:00');
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
    return fail(`${h}:${mi}${s ? `:${s}` : ''} is not a real time`);
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const [oh, om = '0'] = [zone.slice(1, 3), zone.slice(3).replace(':', '')];
    if (Number(oh) > 14 || Number(om) > 59) return fail(`${zone} is not a real time zone offset`);
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(oh) * 60 + Number(om || 0));
  }
  const ms = Math.floor(Number(`0${frac ?? ''}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  return ok(new Date(utc - offset * 60_000).toISOString());
}
