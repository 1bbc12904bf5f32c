import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { email } from '../shared/fields.ts';
import { cell } from './cell-schemas.ts';
import { readCsv } from './csv.ts';
import { applyMapping, suggestMapping } from './mapping.ts';
import { errorCsv, formatRowError, importReport } from './report.ts';
import { type ImportKind, validateRows } from './rows.ts';

const kind = {
  name: 'people',
  fields: [
    { key: 'email', label: 'Email', required: true },
    { key: 'firstName', label: 'First name' },
    { key: 'note', label: 'Note' },
  ],
  schema: z.object({
    email: cell.required(cell.text()).pipe(email),
    firstName: cell.text(20),
    note: cell.text(),
  }),
} satisfies ImportKind;

function importFile(text: string | Buffer) {
  const file = readCsv(text);
  const columns = applyMapping(file.headers, suggestMapping(file.headers, kind.fields), kind.fields);
  return { file, result: validateRows(file, columns, kind) };
}

const source = [
  'Email,First name,Note',
  'ada@example.com,Ada,"likes ""tea"", and cake"',
  'grace@,Grace,"two',
  'lines, with a comma"',
  'bad,"Zoë; ""the"" one",=1+1',
  'x@example.com,X,too,many',
  '',
].join('\n');

describe('formatRowError', () => {
  it('names the line and the column, or only the line', () => {
    expect(formatRowError({ line: 14, column: 'email', message: 'must be an email address' })).toBe(
      'line 14, email: must be an email address',
    );
    expect(formatRowError({ line: 3, column: '', message: 'expected 5 columns, found 7' })).toBe(
      'line 3: expected 5 columns, found 7',
    );
  });
});

describe('errorCsv', () => {
  it('writes the header plus error, then the original cells and the reasons, and reads back the same', () => {
    const { file, result } = importFile(source);
    const csv = errorCsv(file.headers, result.rejected);
    expect(csv.startsWith('\uFEFFEmail,First name,Note,error\r\n')).toBe(true);
    const back = readCsv(csv);
    expect(back.headers).toEqual(['Email', 'First name', 'Note', 'error']);
    expect(back.rows.map((row) => row.cells)).toEqual([
      [
        'grace@',
        'Grace',
        'two\nlines, with a comma',
        'line 3, Email: must be an email address like ada@example.com',
      ],
      ['bad', 'Zoë; "the" one', '=1+1', 'line 5, Email: must be an email address like ada@example.com'],
    ]);
    expect(back.rejected.map((row) => row.cells)).toEqual([
      ['x@example.com', 'X', 'too', 'many', 'line 6: expected 3 columns, found 4'],
    ]);
    expect(back.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('keeps the delimiter of the imported file and can leave out the BOM', () => {
    const { file, result } = importFile(source.replaceAll(',', ';'));
    const csv = errorCsv(file.headers, result.rejected, { delimiter: ';', bom: false });
    expect(csv.split('\r\n')[0]).toBe('Email;First name;Note;error');
    expect(readCsv(csv).delimiter).toBe(';');
  });

  it('imports a fixed error CSV as is: the error column is ignored, and replaced if it fails again', () => {
    const { file, result } = importFile(source);
    const fixed = errorCsv(file.headers, result.rejected).replace('grace@,', 'grace@example.com,');
    const second = importFile(fixed);
    expect(suggestMapping(second.file.headers, kind.fields).error).toBeNull();
    expect(second.result.valid.map((row) => row.value.email)).toEqual(['grace@example.com']);
    expect(second.result.rejected.map((row) => row.line)).toEqual([4, 5]);
    const third = readCsv(errorCsv(second.file.headers, second.result.rejected));
    expect(third.headers).toEqual(['Email', 'First name', 'Note', 'error']);
    expect(third.rows[0]?.cells).toEqual([
      'bad',
      'Zoë; "the" one',
      '=1+1',
      'line 4, Email: must be an email address like ada@example.com',
    ]);
  });

  it('joins several reasons of one row', () => {
    const csv = errorCsv(
      ['a', 'b'],
      [
        {
          line: 9,
          cells: ['1', '2'],
          errors: [
            { line: 9, column: 'a', message: 'is required' },
            { line: 9, column: '', message: 'is odd' },
          ],
        },
      ],
      { bom: false },
    );
    expect(csv).toBe('a,b,error\r\n1,2,"line 9, a: is required; line 9: is odd"\r\n');
  });
});

describe('importReport', () => {
  it('counts rows and collects the errors in line order, with the error CSV', () => {
    const { file, result } = importFile(source);
    const report = importReport({
      kind: 'people',
      dryRun: true,
      headers: file.headers,
      totalRows: result.totalRows,
      created: result.valid.length,
      updated: 0,
      rejected: result.rejected,
    });
    expect(report).toMatchObject({
      kind: 'people',
      dryRun: true,
      totalRows: 4,
      created: 1,
      updated: 0,
      rejected: 3,
    });
    expect(report.errors.map((error) => [error.line, error.column])).toEqual([
      [3, 'Email'],
      [5, 'Email'],
      [6, ''],
    ]);
    expect(report.errorCsv).toBe(errorCsv(file.headers, result.rejected));
  });

  it('has no error CSV when nothing was rejected', () => {
    const { file, result } = importFile('Email\nada@example.com\n');
    const report = importReport({
      kind: 'people',
      dryRun: false,
      headers: file.headers,
      totalRows: result.totalRows,
      created: 0,
      updated: 1,
      rejected: result.rejected,
    });
    expect(report).toEqual({
      kind: 'people',
      dryRun: false,
      totalRows: 1,
      created: 0,
      updated: 1,
      rejected: 0,
      errors: [],
      errorCsv: null,
    });
  });
});
