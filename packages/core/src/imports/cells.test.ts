import { describe, expect, it } from 'vitest';
import {
  type CellResult,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseInteger,
  parseList,
  parseMoney,
  parseText,
} from './cells.ts';

const value = <T>(result: CellResult<T>) => {
  if (!result.ok) throw new Error(`expected a value, got: ${result.reason}`);
  return result.value;
};
const reason = (result: CellResult<unknown>) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.reason;
};

describe('text, boolean and lists', () => {
  it('trims text, treats blank as null and limits the length', () => {
    expect(value(parseText('  Ada  '))).toBe('Ada');
    expect(value(parseText(' \t '))).toBeNull();
    expect(reason(parseText('abcdef', 5))).toBe('must be at most 5 characters');
  });

  it('reads true/false/yes/no/1/0 in any case', () => {
    for (const yes of ['true', 'TRUE', ' yes ', 'Yes', '1']) expect(value(parseBoolean(yes))).toBe(true);
    for (const no of ['false', 'No', '0']) expect(value(parseBoolean(no))).toBe(false);
    expect(value(parseBoolean(''))).toBeNull();
    expect(reason(parseBoolean('maybe'))).toBe('must be true or false (or yes/no, 1/0)');
  });

  it('splits lists on | and ;, dropping empty items', () => {
    expect(value(parseList('vip| b2b ;;coffee|'))).toEqual(['vip', 'b2b', 'coffee']);
    expect(value(parseList(' | '))).toBeNull();
  });
});

describe('numbers', () => {
  it('reads integers, with thousands separators when unambiguous', () => {
    expect(value(parseInteger('42'))).toBe(42);
    expect(value(parseInteger(' -7 '))).toBe(-7);
    expect(value(parseInteger('1,234,567'))).toBe(1234567);
    expect(value(parseInteger('1 234'))).toBe(1234);
    expect(value(parseInteger('12.00'))).toBe(12);
    expect(value(parseInteger('1.234', { decimalSeparator: ',' }))).toBe(1234);
    expect(value(parseInteger(''))).toBeNull();
    expect(reason(parseInteger('12.5'))).toBe('must be a whole number like 42');
    expect(reason(parseInteger('forty'))).toBe('must be a number like 42');
    expect(reason(parseInteger('99999999999999999'))).toBe('is too large');
    expect(reason(parseInteger('1,234'))).toMatch(/ambiguous/);
  });

  it('reads decimals in both notations', () => {
    expect(value(parseDecimal('12.5'))).toBe(12.5);
    expect(value(parseDecimal('12,5'))).toBe(12.5);
    expect(value(parseDecimal('1,234.56'))).toBe(1234.56);
    expect(value(parseDecimal('1.234,56'))).toBe(1234.56);
    expect(value(parseDecimal("1'234.5"))).toBe(1234.5);
    expect(value(parseDecimal('0,125'))).toBe(0.125);
    expect(value(parseDecimal('.5'))).toBe(0.5);
    expect(value(parseDecimal('-0'))).toBe(0);
    expect(value(parseDecimal('1.234', { decimalSeparator: '.' }))).toBe(1.234);
    expect(reason(parseDecimal('1.234'))).toBe(
      '"1.234" is ambiguous: write 1234 or 1.234 without a thousands separator',
    );
    expect(reason(parseDecimal('1,2,3.4'))).toBe(
      'must be a number like 1234.5; the thousands separators are misplaced',
    );
    expect(reason(parseDecimal('1.2.3,4.5'))).toBe(
      'must be a number like 1234.5; "." appears more than once',
    );
    expect(reason(parseDecimal('12abc'))).toBe('must be a number like 1234.5');
    expect(reason(parseDecimal('.'))).toBe('must be a number like 1234.5');
  });
});

describe('money', () => {
  it('turns EUR amounts into cents in both notations', () => {
    expect(value(parseMoney('12.50', 'EUR'))).toBe(1250);
    expect(value(parseMoney('12,5', 'EUR'))).toBe(1250);
    expect(value(parseMoney('12', 'eur'))).toBe(1200);
    expect(value(parseMoney('1,234.50', 'EUR'))).toBe(123450);
    expect(value(parseMoney('1.234,50', 'EUR'))).toBe(123450);
    expect(value(parseMoney('1 234,50', 'EUR'))).toBe(123450);
    expect(value(parseMoney('1,234', 'EUR', { decimalSeparator: '.' }))).toBe(123400);
    expect(value(parseMoney('1.234,5', 'EUR', { decimalSeparator: ',' }))).toBe(123450);
    expect(reason(parseMoney('1,234', 'EUR', { decimalSeparator: ',' }))).toBe(
      'has more than 2 decimals for EUR',
    );
    expect(value(parseMoney('12.500', 'EUR', { decimalSeparator: '.' }))).toBe(1250);
    expect(value(parseMoney('-5.99', 'EUR'))).toBe(-599);
    expect(value(parseMoney('0.1', 'EUR'))).toBe(10);
    expect(value(parseMoney(' ', 'EUR'))).toBeNull();
  });

  it('accepts the code or symbol of the same currency around the amount', () => {
    expect(value(parseMoney('€12.50', 'EUR'))).toBe(1250);
    expect(value(parseMoney('12,50 €', 'EUR'))).toBe(1250);
    expect(value(parseMoney('EUR 12.50', 'EUR'))).toBe(1250);
    expect(value(parseMoney('-$5', 'USD'))).toBe(-500);
    expect(reason(parseMoney('12.50 USD', 'EUR'))).toBe('must be an amount in EUR like 1234.55');
  });

  it('knows JPY has no decimals and BHD has three', () => {
    expect(value(parseMoney('1200', 'JPY'))).toBe(1200);
    expect(value(parseMoney('1,200', 'JPY', { decimalSeparator: '.' }))).toBe(1200);
    expect(value(parseMoney('¥1200', 'JPY'))).toBe(1200);
    expect(reason(parseMoney('12.5', 'JPY'))).toBe('must be a whole amount: JPY has no decimals');
    expect(value(parseMoney('1.250', 'BHD', { decimalSeparator: '.' }))).toBe(1250);
    expect(value(parseMoney('12.5', 'BHD'))).toBe(12500);
    expect(value(parseMoney('0,001', 'BHD'))).toBe(1);
    expect(reason(parseMoney('1.2345', 'BHD'))).toBe('has more than 3 decimals for BHD');
  });

  it('rejects ambiguous and garbage amounts with a reason', () => {
    expect(reason(parseMoney('1,234', 'EUR'))).toMatch(/^"1,234" is ambiguous: write 1234 or 1\.234/);
    expect(reason(parseMoney('12.345', 'EUR', { decimalSeparator: '.' }))).toBe(
      'has more than 2 decimals for EUR',
    );
    expect(reason(parseMoney('twelve', 'EUR'))).toBe('must be an amount in EUR like 1234.55');
    expect(reason(parseMoney('1.234,5.6', 'EUR'))).toMatch(/^must be an amount in EUR/);
    expect(reason(parseMoney('1.234,50', 'EUR', { decimalSeparator: '.' }))).toBe(
      'must be an amount in EUR like 1234.55; a thousands separator follows the decimal "."',
    );
    expect(reason(parseMoney('-', 'EUR'))).toBe('must be an amount in EUR like 1234.55');
    expect(reason(parseMoney('99999999999999999', 'EUR'))).toBe('is too large');
    expect(reason(parseMoney('12', 'XYZ1'))).toBe('cannot be read: "XYZ1" is not an ISO 4217 currency code');
  });
});

describe('dates', () => {
  it('reads YYYY-MM-DD and rejects impossible days', () => {
    expect(value(parseDate(' 2024-02-29 '))).toBe('2024-02-29');
    expect(value(parseDate(''))).toBeNull();
    expect(reason(parseDate('2024-02-30'))).toBe('2024-02-30 is not a real date');
    expect(reason(parseDate('2023-02-29'))).toBe('2023-02-29 is not a real date');
    expect(reason(parseDate('2024-13-01'))).toBe('2024-13-01 is not a real date');
    expect(reason(parseDate('01/05/2024'))).toBe('must be a date as YYYY-MM-DD');
  });

  it('reads date-times with Z or an offset into UTC, and a date alone as midnight UTC', () => {
    expect(value(parseDateTime('2024-05-01T09:30:00Z'))).toBe('2024-05-01T09:30:00.000Z');
    expect(value(parseDateTime('2024-05-01 09:30:00+02:00'))).toBe('2024-05-01T07:30:00.000Z');
    expect(value(parseDateTime('2024-05-01T09:30-0530'))).toBe('2024-05-01T15:00:00.000Z');
    expect(value(parseDateTime('2024-05-01T00:30:00.25+01'))).toBe('2024-04-30T23:30:00.250Z');
    expect(value(parseDateTime('2024-05-01'))).toBe('2024-05-01T00:00:00.000Z');
    expect(value(parseDateTime(''))).toBeNull();
  });

  it('rejects date-times without a zone, impossible times and garbage', () => {
    expect(reason(parseDateTime('2024-05-01T09:30:00'))).toBe(
      'needs a time zone: end it with Z (UTC) or an offset like +02:00',
    );
    expect(reason(parseDateTime('2024-02-30T09:30:00Z'))).toBe('2024-02-30 is not a real date');
    expect(reason(parseDateTime('2024-05-01T24:00:00Z'))).toBe('24:00:00 is not a real time');
    expect(reason(parseDateTime('2024-05-01T10:00:00+15:00'))).toBe('+15:00 is not a real time zone offset');
    expect(reason(parseDateTime('yesterday'))).toBe(
      'must be a date-time like 2024-05-01T09:30:00Z or a date like 2024-05-01',
    );
  });
});
