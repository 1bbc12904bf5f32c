import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { detectDelimiter, readCsv } from './csv.ts';

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('readCsv', () => {
  it('reads a plain comma file with line numbers from 2', () => {
    const file = readCsv('email,name\nada@example.com,Ada\ngrace@example.com,Grace\n');
    expect(file).toEqual({
      delimiter: ',',
      headers: ['email', 'name'],
      rows: [
        { line: 2, cells: ['ada@example.com', 'Ada'] },
        { line: 3, cells: ['grace@example.com', 'Grace'] },
      ],
      rejected: [],
    });
  });

  it('strips a UTF-8 BOM from a buffer and from a string', () => {
    const text = 'Email;Name\nada@example.com;Zoë\n';
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const input of [withBom, `\uFEFF${text}`]) {
      const file = readCsv(input);
      expect(file.headers).toEqual(['Email', 'Name']);
      expect(file.rows[0]?.cells).toEqual(['ada@example.com', 'Zoë']);
    }
  });

  it('detects ; and tab delimiters, ignoring the ones inside quotes', () => {
    expect(readCsv('a;b;c\n1;2,5;3\n').delimiter).toBe(';');
    expect(readCsv('a;b;c\n1;2,5;3\n').rows[0]?.cells).toEqual(['1', '2,5', '3']);
    expect(readCsv('a\tb\n1\t2\n').rows[0]?.cells).toEqual(['1', '2']);
    expect(readCsv('"x,y,z";b\n1;2\n').delimiter).toBe(';');
    expect(detectDelimiter(Buffer.from('single\n1\n'))).toBe(',');
    expect(detectDelimiter(Buffer.from('a,b;c\n'))).toBe(',');
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const file = readCsv('name,note,city\n"Lovelace, Ada","said ""hi""\nthen left",London\n');
    expect(file.rows).toEqual([{ line: 2, cells: ['Lovelace, Ada', 'said "hi"\nthen left', 'London'] }]);
  });

  it('counts physical lines after multi-line records, with LF, CRLF and CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['id,note', '1,"a', 'b', 'c"', '2,x', '3,"', '"', '4,y', ''].join(eol);
      const file = readCsv(text);
      expect(file.rows.map((row) => [row.line, row.cells[0]])).toEqual([
        [2, '1'],
        [5, '2'],
        [6, '3'],
        [8, '4'],
      ]);
      expect(file.rows[0]?.cells[1]).toBe(`a${eol}b${eol}c`);
    }
  });

  it('accepts mixed line endings in one file', () => {
    const file = readCsv('a,b\r\n1,2\n3,4\r5,6\r\n');
    expect(file.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
      [4, '5', '6'],
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const file = readCsv('a,b\n\n1,2\n   \n\n3,4\n\n\n');
    expect(file.rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
    expect(file.rejected).toEqual([]);
  });

  it('reads the last record without a final line break', () => {
    expect(readCsv('a,b\n1,2').rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('rejects ragged rows with their line and original cells, and keeps the others', () => {
    const file = readCsv('a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5,6,7\n"x\ny",2\n9,9,9,9,9\n');
    expect(file.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(file.rejected).toEqual([
      {
        line: 3,
        cells: ['1', '2', '3', '4', '5', '6', '7'],
        errors: [{ line: 3, column: '', message: 'expected 5 columns, found 7' }],
      },
      {
        line: 4,
        cells: ['x\ny', '2'],
        errors: [{ line: 4, column: '', message: 'expected 5 columns, found 2' }],
      },
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(readCsv('product,size\nTV,55" screen\n').rows[0]?.cells).toEqual(['TV', '55" screen']);
  });

  it('trims header names and keeps a header-only file as no rows', () => {
    expect(readCsv(' Email , Name \n')).toMatchObject({ headers: ['Email', 'Name'], rows: [] });
  });

  it('refuses an empty or whitespace-only file', () => {
    for (const input of ['', '  \n\r\n\t', Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])]) {
      const error = failure(() => readCsv(input));
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([
        { path: 'file', message: 'the file is empty; the first line must name the columns' },
      ]);
    }
  });

  it('refuses a file whose first line is not a header', () => {
    const error = failure(() => readCsv('\nemail,name\nada@example.com,Ada\n'));
    expect(error.details[0]?.path).toBe('line 1');
    expect(error.message).toMatch(/must name the columns/);
  });

  it('refuses duplicate and empty header names, naming the columns', () => {
    const error = failure(() => readCsv('email,name,email,,x\n1,2,3,4,5\n'));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      { path: 'line 1', message: 'columns 1 and 3 are both named "email"' },
      { path: 'line 1', message: 'column 4 has no name' },
    ]);
    expect(failure(() => readCsv('Email, Email \n')).details.map((d) => d.message)).toEqual([
      'columns 1 and 2 are both named "Email"',
    ]);
  });

  it('names the line where a quote is never closed', () => {
    const error = failure(() => readCsv('a,b\n1,2\n\n3,"open\n4,5\n6,7\n'));
    expect(error.details).toEqual([
      {
        path: 'line 4',
        message:
          'a quoted field starts on this line and its closing quote is missing, so the rest of the file cannot be read',
      },
    ]);
    expect(failure(() => readCsv('"a,b\n1,2\n')).details[0]?.path).toBe('line 1');
  });

  it('refuses a file that is not UTF-8 and names the first bad line', () => {
    const latin1 = Buffer.from('name,city\nAda,London\nZoë,Zürich\n', 'latin1');
    const error = failure(() => readCsv(latin1));
    expect(error.details[0]?.path).toBe('line 3');
    expect(error.message).toMatch(/not UTF-8/);
  });
});
