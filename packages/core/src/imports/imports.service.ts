import { sql } from 'kysely';
import { loadDefinitions } from '../custom-fields/custom-fields.service.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { ImportOutcome } from '../shared/transfer.ts';
import type { RejectedRow } from './csv.ts';
import * as repo from './imports.repo.ts';
import {
  IMPORT_KINDS,
  type ImportFormat,
  type ImportKindName,
  type ImportPreview,
  type ImportRun,
} from './imports.schema.ts';
import { readTable } from './jsonl.ts';
import type { Kind } from './kinds/common.ts';
import { companiesKind } from './kinds/companies.kind.ts';
import { interactionsKind } from './kinds/interactions.kind.ts';
import { ordersKind } from './kinds/orders.kind.ts';
import { peopleKind } from './kinds/people.kind.ts';
import { reviewsKind } from './kinds/reviews.kind.ts';
import { applyMapping, type Mapping, parseMappingFile, suggestMapping } from './mapping.ts';
import { importReport } from './report.ts';
import { type ValidRow, validateRows } from './rows.ts';

const KINDS: Record<ImportKindName, Kind<unknown>> = {
  people: peopleKind as Kind<unknown>,
  companies: companiesKind as Kind<unknown>,
  orders: ordersKind as Kind<unknown>,
  interactions: interactionsKind as Kind<unknown>,
  reviews: reviewsKind as Kind<unknown>,
};

export interface ImportInput {
  kind: string;
  file: string | Buffer;
  fileName?: string | null;
  /** `{ "CSV header": "field" | null }` (object or JSON text); headers it leaves out keep the suggestion. */
  mapping?: unknown;
  dryRun?: boolean;
  /** csv or jsonl; by default from the file name (.jsonl, .ndjson) or a first `{`. */
  format?: ImportFormat | undefined;
}

function kindOf(name: string): Kind<unknown> {
  if (!(IMPORT_KINDS as readonly string[]).includes(name)) {
    throw new AppError(
      'validation_failed',
      `Cannot import "${name}"; import one of ${IMPORT_KINDS.join(', ')}.`,
      [{ path: 'kind', message: `one of ${IMPORT_KINDS.join(', ')}` }],
    );
  }
  return KINDS[name as ImportKindName];
}

async function prepare(ctx: Ctx, input: ImportInput) {
  const kind = kindOf(input.kind);
  const defs = await loadDefinitions(ctx, input.kind === 'companies' ? 'company' : 'person');
  const fields = kind.fields(input.kind === 'people' || input.kind === 'companies' ? defs : new Map());
  const file = readTable(input.file, input);
  const suggested = suggestMapping(file.headers, fields);
  const mapping =
    input.mapping === undefined || input.mapping === null || input.mapping === ''
      ? suggested
      : parseMappingFile(input.mapping, file.headers, fields, suggested);
  return { kind, defs, fields, file, mapping, columns: applyMapping(file.headers, mapping, fields) };
}

/** The file's columns, the suggested mapping and the first rows: step one of the import wizard. */
export async function previewImport(ctx: Ctx, input: Omit<ImportInput, 'dryRun'>): Promise<ImportPreview> {
  const kind = kindOf(input.kind);
  const defs = await loadDefinitions(ctx, input.kind === 'companies' ? 'company' : 'person');
  const fields = kind.fields(input.kind === 'people' || input.kind === 'companies' ? defs : new Map());
  const file = readTable(input.file, input);
  return {
    kind: input.kind as ImportKindName,
    format: file.format,
    delimiter: file.delimiter,
    headers: file.headers,
    fields: fields.map((f) => ({ key: f.key, label: f.label, required: f.required ?? false })),
    suggestedMapping: suggestMapping(file.headers, fields),
    sample: file.rows.slice(0, 10),
    totalRows: file.rows.length + file.rejected.length,
  };
}

/** Field key → CSV header, for errors found while writing. */
function headerFinder(mapping: Mapping) {
  const byField = new Map(
    Object.entries(mapping).flatMap(([header, key]) => (key ? [[key, header] as const] : [])),
  );
  return (field: string) => byField.get(field) ?? byField.get(field.split('.')[0] ?? '') ?? '';
}

/**
 * Writes the valid rows; a row the domain refuses while writing is taken out and the rest
 * written again from a savepoint, so a rejected row never leaves half of itself behind.
 */
async function write(
  ctx: Ctx,
  kind: Kind<unknown>,
  rows: ValidRow<unknown>[],
  defs: Awaited<ReturnType<typeof loadDefinitions>>,
  headerOf: (field: string) => string,
): Promise<{ outcome: ImportOutcome; refused: RejectedRow[] }> {
  const refused: RejectedRow[] = [];
  let candidates = rows;
  for (;;) {
    await sql`savepoint rapport_import_attempt`.execute(ctx.db);
    const outcome = await kind.apply(ctx, candidates, defs);
    if (outcome.problems.length === 0 || candidates.length === 0) {
      await sql`release savepoint rapport_import_attempt`.execute(ctx.db);
      return { outcome, refused };
    }
    await sql`rollback to savepoint rapport_import_attempt`.execute(ctx.db);
    const byLine = new Map<number, RejectedRow>();
    const cellsOf = new Map(candidates.map((row) => [row.line, row.cells]));
    for (const problem of outcome.problems) {
      const rejected = byLine.get(problem.line) ?? {
        line: problem.line,
        cells: cellsOf.get(problem.line) ?? [],
        errors: [],
      };
      rejected.errors.push({ line: problem.line, column: headerOf(problem.field), message: problem.message });
      byLine.set(problem.line, rejected);
    }
    refused.push(...byLine.values());
    candidates = candidates.filter((row) => !byLine.has(row.line));
  }
}

/**
 * Imports a CSV or JSON-lines file: every good row is written, every bad row is reported with its line,
 * column and reason and goes to an error CSV that can be fixed and imported again. A dry run
 * does all of it, writing included, and rolls the writes back.
 */
export async function runImport(
  ctx: Ctx,
  input: ImportInput,
): Promise<ImportRun & { errorCsv: string | null }> {
  const dryRun = input.dryRun ?? false;
  const { kind, defs, file, mapping, columns } = await prepare(ctx, input);
  const validated = validateRows(file, columns, { schema: kind.schema(defs) });
  if (dryRun) await sql`savepoint rapport_import_dry_run`.execute(ctx.db);
  const { outcome, refused } = await write(ctx, kind, validated.valid, defs, headerFinder(mapping));
  if (dryRun) await sql`rollback to savepoint rapport_import_dry_run`.execute(ctx.db);
  const report = importReport({
    kind: kind.name,
    dryRun,
    headers: file.headers,
    totalRows: validated.totalRows,
    created: outcome.created,
    updated: outcome.updated,
    rejected: [...validated.rejected, ...refused],
    delimiter: file.delimiter,
  });
  const id = newId('import');
  const now = ctx.clock.now();
  await repo.insertRun(ctx, {
    id,
    workspace_id: ctx.workspaceId,
    kind: kind.name,
    file_name: input.fileName ?? null,
    dry_run: dryRun,
    total_rows: report.totalRows,
    created_count: report.created,
    updated_count: report.updated,
    unchanged_count: outcome.unchanged,
    rejected_count: report.rejected,
    errors: JSON.stringify(report.errors.slice(0, 10_000)),
    mapping: JSON.stringify(mapping),
    error_csv: report.errorCsv,
    created_by: ctx.actor.id,
    created_at: now,
  });
  return {
    id,
    kind: kind.name,
    fileName: input.fileName ?? null,
    dryRun,
    totalRows: report.totalRows,
    created: report.created,
    updated: report.updated,
    unchanged: outcome.unchanged,
    rejected: report.rejected,
    errors: report.errors,
    mapping,
    hasErrorCsv: report.errorCsv !== null,
    errorCsv: report.errorCsv,
    createdBy: ctx.actor.id,
    createdAt: now.toISOString(),
  };
}

function present(row: repo.RunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    dryRun: row.dry_run,
    totalRows: row.total_rows,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    rejected: row.rejected_count,
    errors: row.errors as ImportRun['errors'],
    mapping: row.mapping,
    hasErrorCsv: Boolean(row.has_error_csv),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportRun> {
  const row = await repo.findRun(ctx, id);
  if (!row) throw notFound('import', id);
  return present(row);
}

export async function listImports(ctx: Ctx, limit = 50): Promise<ImportRun[]> {
  return (await repo.listRuns(ctx, limit)).map(present);
}

/** The rejected rows of an import as a CSV to fix and import again (null when none was rejected). */
export async function importErrorCsv(ctx: Ctx, id: string): Promise<string | null> {
  const csv = await repo.errorCsvOf(ctx, id);
  if (csv === undefined) throw notFound('import', id);
  return csv;
}
