import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currency, domain, email } from '../shared/fields.ts';
import { cell } from './cell-schemas.ts';
import { parseMoney } from './cells.ts';
import { readCsv } from './csv.ts';
import { applyMapping, suggestMapping } from './mapping.ts';
import { type ImportKind, mapRow, validateRows } from './rows.ts';

const personKind = {
  name: 'people',
  fields: [
    { key: 'email', label: 'Email', synonyms: ['E-mail', 'Mail'] },
    { key: 'firstName', label: 'First name', synonyms: ['Vorname'] },
    { key: 'companyDomain', label: 'Company domain', synonyms: ['Website'] },
    { key: 'tags', label: 'Tags' },
    { key: 'custom.vip', label: 'VIP' },
  ],
  schema: z
    .object({
      email: cell.text().pipe(email.nullish()),
      firstName: cell.text(5),
      companyDomain: cell.text().pipe(domain.nullish()),
      tags: cell.list(),
      custom: z.object({ vip: cell.boolean() }).optional(),
    })
    .refine((row) => row.email || row.firstName, {
      message: 'a person needs a first name or an email',
      path: ['firstName'],
    }),
} satisfies ImportKind;

const orderKind = {
  name: 'orders',
  fields: [
    { key: 'externalId', label: 'Order ID', required: true },
    { key: 'total', label: 'Total', synonyms: ['Amount'], required: true },
    { key: 'currency', label: 'Currency', required: true },
    { key: 'orderedAt', label: 'Ordered at', synonyms: ['Date'] },
  ],
  schema: z
    .object({
      externalId: cell.required(cell.text(50)),
      total: z.string(),
      currency: cell.required(cell.text()).pipe(currency),
      orderedAt: cell.dateTime(),
    })
    .transform((row, ctx) => {
      const total = parseMoney(row.total, row.currency);
      if (total.ok && total.value !== null) return { ...row, total: total.value };
      ctx.addIssue({ code: 'custom', path: ['total'], message: total.ok ? 'is required' : total.reason });
      return z.NEVER;
    }),
} satisfies ImportKind;

function run<K extends ImportKind>(kind: K, text: string) {
  const file = readCsv(text);
  const columns = applyMapping(file.headers, suggestMapping(file.headers, kind.fields), kind.fields);
  return validateRows(file, columns, kind);
}

describe('mapRow', () => {
  it('puts each mapped cell under its key and nests dotted keys', () => {
    const row = mapRow(['a@x.com', 'ignored', 'yes', 'Berlin'], {
      email: 0,
      'custom.vip': 2,
      'address.city': 3,
    });
    expect(row).toEqual({ email: 'a@x.com', custom: { vip: 'yes' }, address: { city: 'Berlin' } });
  });
});

describe('validateRows', () => {
  it('returns typed values with their lines and original cells', () => {
    const result = run(
      personKind,
      'E-mail;Vorname;Website;Tags;VIP;Notes\n ADA@example.com ;Ada;https://www.acme.com/;vip|b2b;yes;x\n',
    );
    expect(result).toEqual({
      totalRows: 1,
      rejected: [],
      valid: [
        {
          line: 2,
          value: {
            email: 'ada@example.com',
            firstName: 'Ada',
            companyDomain: 'acme.com',
            tags: ['vip', 'b2b'],
            custom: { vip: true },
          },
          cells: [' ADA@example.com ', 'Ada', 'https://www.acme.com/', 'vip|b2b', 'yes', 'x'],
        },
      ],
    });
  });

  it('reports every error of a row under the CSV header of its field', () => {
    const result = run(personKind, 'Mail,Vorname,Website,VIP\nnot-an-email,Bartholomew,acme,maybe\n');
    expect(result.valid).toEqual([]);
    expect(result.rejected).toEqual([
      {
        line: 2,
        cells: ['not-an-email', 'Bartholomew', 'acme', 'maybe'],
        errors: [
          { line: 2, column: 'Mail', message: 'must be an email address like ada@example.com' },
          { line: 2, column: 'Vorname', message: 'must be at most 5 characters' },
          { line: 2, column: 'Website', message: 'must be a domain like acme.com' },
          { line: 2, column: 'VIP', message: 'must be true or false (or yes/no, 1/0)' },
        ],
      },
    ]);
  });

  it('gives column "" to an issue whose field has no column', () => {
    const result = run(personKind, 'Mail,Tags\n,vip\n');
    expect(result.rejected[0]?.errors).toEqual([
      { line: 2, column: '', message: 'a person needs a first name or an email' },
    ]);
  });

  it('skips blank rows, keeps ragged rows from the file and orders rejections by line', () => {
    const text = [
      'Order ID,Amount,Currency,Date',
      'A-1,"1,234.50",EUR,2024-05-01T10:00:00+02:00',
      ',,,',
      'A-2,12.5,JPY,2024-05-01',
      'A-3,1,EUR,2024-05-01,extra',
      ',10,EUR,2024-02-30',
      'A-5,"1.234,5",EUR,',
      '',
    ].join('\r\n');
    const result = run(orderKind, text);
    expect(result.totalRows).toBe(5);
    expect(result.valid.map((row) => [row.line, row.value])).toEqual([
      [2, { externalId: 'A-1', total: 123450, currency: 'EUR', orderedAt: '2024-05-01T08:00:00.000Z' }],
      [7, { externalId: 'A-5', total: 123450, currency: 'EUR', orderedAt: null }],
    ]);
    expect(result.rejected.flatMap((row) => row.errors)).toEqual([
      { line: 4, column: 'Amount', message: 'must be a whole amount: JPY has no decimals' },
      { line: 5, column: '', message: 'expected 4 columns, found 5' },
      { line: 6, column: 'Order ID', message: 'is required' },
      { line: 6, column: 'Date', message: '2024-02-30 is not a real date' },
    ]);
  });

  it('maps issue paths inside a field (list items, nested keys) to that field', () => {
    const kind = {
      name: 'tags',
      fields: [{ key: 'tags', label: 'Tags' }],
      schema: z.object({ tags: cell.list().pipe(z.array(z.string().max(3)).nullish()) }),
    } satisfies ImportKind;
    expect(run(kind, 'Tags\nok|toolong\n').rejected[0]?.errors).toEqual([
      { line: 2, column: 'Tags', message: 'Too big: expected string to have <=3 characters' },
    ]);
  });
});
