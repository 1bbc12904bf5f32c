import { isUtf8 } from 'node:buffer';
import { CsvError, type Options, parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { AppError, invalid } from '../shared/errors.ts';

/**
 * Reading a CSV file for an import: RFC 4180 (quoted fields with delimiters, line breaks and
 * doubled quotes), UTF-8 with or without BOM, `,` `;` or tab detected from the header line.
 * Every record keeps the physical line where it starts, so errors point into the file the
 * user has open. A ragged record is rejected, never fatal; only a file that cannot be read
 * as a table (empty, no header, not UTF-8, a quote never closed) throws.
 */

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRow {
  /** 1-based physical line where the record starts; the header is line 1. */
  line: number;
  cells: string[];
}

/** One reason a row was rejected; `column` is the CSV header, or '' for the whole row. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

export interface RejectedRow extends CsvRow {
  errors: RowError[];
}

export interface CsvFile {
  delimiter: Delimiter;
  headers: string[];
  /** The records with as many cells as there are headers; blank lines are left out. */
  rows: CsvRow[];
  /** Records with another number of cells than the header, with their original cells. */
  rejected: RejectedRow[];
}

const BOM = [0xef, 0xbb, 0xbf];
const OPTIONS: Options = {
  relax_column_count: true,
  // A stray quote inside an unquoted field (`5" screen`) is kept as text, as spreadsheets do.
  relax_quotes: true,
  // Files pasted together mix line endings; accept all three everywhere.
  record_delimiter: ['\r\n', '\n', '\r'],
};

export function readCsv(input: string | Buffer): CsvFile {
  const buffer = toUtf8Buffer(input);
  if (isBlank(buffer)) {
    throw invalid('file', 'the file is empty; the first line must name the columns');
  }
  const delimiter = detectDelimiter(buffer);
  const records = parseRecords(buffer, delimiter);
  const header = records[0] ?? [];
  const headers = checkHeader(header);
  const rows: CsvRow[] = [];
  const rejected: RejectedRow[] = [];
  let line = 2 + lineBreaks(header);
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    const start = line;
    line += 1 + lineBreaks(cells);
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (cells.length === headers.length) {
      rows.push({ line: start, cells });
    } else {
      const message = `expected ${headers.length} columns, found ${cells.length}`;
      rejected.push({ line: start, cells, errors: [{ line: start, column: '', message }] });
    }
  }
  return { delimiter, headers, rows, rejected };
}

function toUtf8Buffer(input: string | Buffer): Buffer {
  if (typeof input === 'string') {
    return Buffer.from(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, 'utf8');
  }
  const body = BOM.every((byte, i) => input[i] === byte) ? input.subarray(BOM.length) : input;
  if (!isUtf8(body)) {
    const text = body.toString('utf8');
    const line = lineOf(text, text.indexOf('\uFFFD'));
    throw invalid(
      `line ${line}`,
      'the file is not UTF-8 text; save it as "CSV UTF-8" (it may be Latin-1 or Windows-1252)',
    );
  }
  return body;
}

function isBlank(buffer: Buffer): boolean {
  for (const byte of buffer) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

/** The delimiter that occurs most often outside quotes on the header line; `,` on a tie. */
export function detectDelimiter(buffer: Buffer): Delimiter {
  const counts = new Map<number, number>(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  for (const byte of buffer.subarray(0, 65_536)) {
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) break;
    else if (!quoted && counts.has(byte)) counts.set(byte, counts.get(byte)! + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) {
    if (counts.get(delimiter.charCodeAt(0))! > counts.get(best.charCodeAt(0))!) best = delimiter;
  }
  return best;
}

/**
 * Records of the file. Papa Parse does the usual case (one kind of line ending) about 2.5 times
 * faster than csv-parse, which matters for files of a million orders; files that mix line
 * endings, which Papa Parse cannot split reliably, go through csv-parse.
 */
function parseRecords(buffer: Buffer, delimiter: Delimiter): string[][] {
  const text = buffer.toString('utf8');
  const newline = uniformNewline(text);
  if (newline) {
    const result = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"', escapeChar: '"' });
    const open = result.errors.find((error) => error.code === 'MissingQuotes');
    if (!open) {
      const records = result.data;
      // A final line break leaves one empty record behind.
      const last = records.at(-1);
      if (last && last.length === 1 && last[0] === '') records.pop();
      return records;
    }
    const line = result.data.slice(0, open.row ?? 0).reduce((sum, cells) => sum + 1 + lineBreaks(cells), 1);
    throw unclosedQuote(line);
  }
  try {
    return parse(buffer, { ...OPTIONS, delimiter });
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // Only the complete records before the open quote, to find where that record starts.
      const complete = Number(error.records) || 0;
      const done = complete > 0 ? parse(buffer, { ...OPTIONS, delimiter, to: complete }) : [];
      throw unclosedQuote(done.reduce((sum, cells) => sum + 1 + lineBreaks(cells), 1));
    }
    throw error;
  }
}

function unclosedQuote(line: number) {
  return invalid(
    `line ${line}`,
    'a quoted field starts on this line and its closing quote is missing, so the rest of the file cannot be read',
  );
}

/** The file's line ending when it uses only one kind (CRLF, LF or CR), else null. */
function uniformNewline(text: string): '\r\n' | '\n' | '\r' | null {
  const crlf = text.indexOf('\r\n') !== -1;
  const lf = /(^|[^\r])\n/.test(text);
  const cr = /\r(?!\n)/.test(text);
  const kinds = Number(crlf) + Number(lf) + Number(cr);
  if (kinds > 1) return null;
  return crlf ? '\r\n' : cr ? '\r' : '\n';
}

function checkHeader(header: string[]): string[] {
  const headers = header.map((name) => name.trim());
  if (headers.every((name) => name === '')) {
    throw invalid('line 1', 'the first line must name the columns (the header), but it has no names');
  }
  const details = headers.flatMap((name, i) => {
    if (name === '') return [{ path: 'line 1', message: `column ${i + 1} has no name` }];
    const first = headers.indexOf(name);
    return first < i
      ? [{ path: 'line 1', message: `columns ${first + 1} and ${i + 1} are both named "${name}"` }]
      : [];
  });
  if (details.length > 0) {
    const summary = details.map((detail) => detail.message).join('; ');
    throw new AppError('validation_failed', `The header (line 1) is invalid: ${summary}.`, details);
  }
  return headers;
}

/** Line breaks inside the cells of one record (CRLF, LF or CR each count once). */
function lineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    count += cell.match(/\r\n?|\n/g)?.length ?? 0;
  }
  return count;
}

function lineOf(text: string, index: number): number {
  return (text.slice(0, Math.max(index, 0)).match(/\r\n?|\n/g)?.length ?? 0) + 1;
}
