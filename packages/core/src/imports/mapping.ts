import { z } from 'zod';
import { AppError, type ErrorDetail } from '../shared/errors.ts';

/**
 * Which CSV column feeds which field of the record being imported. A kind (people,
 * companies, orders, …) lists its fields with the names people give those columns; custom
 * fields are fields with the key `custom.<key>`.
 */

export interface FieldSpec {
  /** The key in the row object: `email`, `companyDomain`, `custom.industry`. */
  key: string;
  label: string;
  /** Other column names for this field, in any case, accents or punctuation: "E-mail", "Vorname". */
  synonyms?: string[];
  /** The file must have a column mapped to this field. */
  required?: boolean;
}

/** CSV header → field key, or null to ignore the column. */
export type Mapping = Record<string, string | null>;
/** Field key → index of its column in the CSV row. */
export type ColumnMap = Record<string, number>;

/** The column that error CSVs add; never suggested as a field, so a fixed file imports as is. */
export const ERROR_COLUMN = 'error';

/** Whether a header is the error column of an error CSV ("error", "Error", " ERROR "). */
export function isErrorColumn(header: string): boolean {
  return words(header).join('') === ERROR_COLUMN;
}

/** Lowercase words without accents or punctuation; camelCase is split: "firstName" → first, name. */
function words(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * How well a header names a field: 3 for the same name, 2 when the header ends with one of
 * the field's names ("Work Email"), 1 when it contains one ("Email of contact"); longer
 * names win ties. 0 for no match.
 */
function score(header: string[], field: FieldSpec): number {
  let best = 0;
  for (const name of [field.key, field.label, ...(field.synonyms ?? [])]) {
    const tokens = words(name);
    if (tokens.length === 0) continue;
    const length = tokens.join('').length / 1000;
    if (tokens.join('') === header.join('')) best = Math.max(best, 3 + length);
    else if (tokens.join(' ') === header.slice(-tokens.length).join(' ')) best = Math.max(best, 2 + length);
    else if (tokens.every((token) => header.includes(token))) best = Math.max(best, 1 + length);
  }
  return best;
}

/**
 * A suggested mapping for every header: each field goes to the header that names it best,
 * at most once; headers that name nothing (and the `error` column) are ignored.
 */
export function suggestMapping(headers: readonly string[], fields: readonly FieldSpec[]): Mapping {
  const candidates: { header: number; field: number; score: number }[] = [];
  headers.forEach((header, h) => {
    if (isErrorColumn(header)) return;
    const tokens = words(header);
    fields.forEach((field, f) => {
      const value = score(tokens, field);
      if (value > 0) candidates.push({ header: h, field: f, score: value });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.header - b.header || a.field - b.field);
  const mapping: Mapping = Object.fromEntries(headers.map((header) => [header, null]));
  const taken = new Set<number>();
  const done = new Set<number>();
  for (const { header, field } of candidates) {
    if (taken.has(field) || done.has(header)) continue;
    mapping[headers[header]!] = fields[field]!.key;
    taken.add(field);
    done.add(header);
  }
  return mapping;
}

const mappingFile = z.record(z.string(), z.string().nullable(), {
  error: 'must be an object of "CSV header": "field key" (or null to ignore the column)',
});

/**
 * A user's mapping (`{ "CSV header": "fieldKey" | null }`, as JSON text or parsed) checked
 * against the file's headers and the kind's fields. Headers it leaves out keep their value
 * in `base` (e.g. the suggestions), or are ignored.
 */
export function parseMappingFile(
  json: unknown,
  headers: readonly string[],
  fields: readonly FieldSpec[],
  base: Mapping = {},
): Mapping {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('invalid_json', `The mapping is not valid JSON: ${reason}`, [
        { path: 'mapping', message: `not valid JSON: ${reason}` },
      ]);
    }
  }
  const parsed = mappingFile.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: ['mapping', ...issue.path.map((part) => JSON.stringify(String(part)))].join('.'),
      message: issue.message,
    }));
    throw new AppError('validation_failed', `The mapping is invalid: ${details[0]?.message}.`, details);
  }
  const mapping: Mapping = Object.fromEntries(
    headers.map((header) => [
      header,
      parsed.data[header] !== undefined ? parsed.data[header] : (base[header] ?? null),
    ]),
  );
  const unknown = Object.keys(parsed.data).filter((header) => !headers.includes(header));
  const details = [
    ...unknown.map((header) => ({
      path: `mapping.${JSON.stringify(header)}`,
      message: `the file has no column "${header}"; its columns are: ${headers.join(', ')}`,
    })),
    ...checkMapping(headers, mapping, fields),
  ];
  if (details.length > 0) throw mappingError(details);
  return mapping;
}

/**
 * The column index of every mapped field. Throws if the mapping names a field the kind does
 * not have, maps two columns to one field, or leaves a required field without a column.
 */
export function applyMapping(
  headers: readonly string[],
  mapping: Mapping,
  fields: readonly FieldSpec[],
): ColumnMap {
  const details = [
    ...Object.keys(mapping)
      .filter((header) => !headers.includes(header))
      .map((header) => ({
        path: `mapping.${JSON.stringify(header)}`,
        message: `the file has no column "${header}"`,
      })),
    ...checkMapping(headers, mapping, fields),
  ];
  if (details.length > 0) throw mappingError(details);
  const columns: ColumnMap = {};
  headers.forEach((header, index) => {
    const key = mapping[header];
    if (key) columns[key] = index;
  });
  return columns;
}

function checkMapping(
  headers: readonly string[],
  mapping: Mapping,
  fields: readonly FieldSpec[],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const known = new Map(fields.map((field) => [field.key, field]));
  const mappedBy = new Map<string, string>();
  for (const header of headers) {
    const key = mapping[header];
    if (!key) continue;
    const path = `mapping.${JSON.stringify(header)}`;
    if (!known.has(key)) {
      const keys = fields.map((field) => field.key).join(', ');
      details.push({ path, message: `unknown field "${key}"; the fields are: ${keys}` });
    } else if (mappedBy.has(key)) {
      details.push({ path, message: `columns "${mappedBy.get(key)}" and "${header}" both map to ${key}` });
    } else mappedBy.set(key, header);
  }
  for (const field of fields) {
    if (field.required && !mappedBy.has(field.key)) {
      details.push({
        path: 'mapping',
        message: `no column is mapped to ${field.label} (${field.key}), which is required`,
      });
    }
  }
  return details;
}

function mappingError(details: ErrorDetail[]): AppError {
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new AppError(
    'validation_failed',
    `The column mapping is invalid: ${details[0]!.message}${more}.`,
    details,
  );
}
