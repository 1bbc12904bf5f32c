import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cell } from './cell-schemas.ts';

const row = z.object({
  id: cell.required(cell.text(10)),
  quantity: cell.integer(),
  price: cell.money('EUR', { decimalSeparator: ',' }),
  active: cell.boolean(),
  since: cell.date(),
  tags: cell.list(),
});

describe('cell schemas', () => {
  it('leaves an unmapped column undefined, reads an empty cell as null and converts the rest', () => {
    expect(row.parse({ id: 'A1' })).toEqual({ id: 'A1' });
    expect(
      row.parse({ id: ' A1 ', quantity: '', price: '1.234,5', active: 'no', since: '2024-05-01' }),
    ).toEqual({
      id: 'A1',
      quantity: null,
      price: 123450,
      active: false,
      since: '2024-05-01',
    });
  });

  it('reports each failing cell with the parser reason, and required fields once', () => {
    const result = row.safeParse({ id: ' ', quantity: '1.5', price: 'abc', tags: 'a|b' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['id', 'is required'],
      ['quantity', 'must be a whole number like 42'],
      ['price', 'must be an amount in EUR like 1234.55'],
    ]);
    expect(row.safeParse({}).error?.issues.map((issue) => issue.message)).toEqual(['is required']);
    expect(row.safeParse({ id: 'x'.repeat(11) }).error?.issues.map((issue) => issue.message)).toEqual([
      'must be at most 10 characters',
    ]);
  });

  it('accepts any parser through cell.of', () => {
    const upper = cell.of((raw) =>
      raw.trim() ? { ok: true, value: raw.trim().toUpperCase() } : { ok: true, value: null },
    );
    expect(upper.parse(' de ')).toBe('DE');
    expect(cell.dateTime().parse('2024-05-01T09:30:00+02:00')).toBe('2024-05-01T07:30:00.000Z');
    expect(cell.decimal().parse('2,5')).toBe(2.5);
  });
});
