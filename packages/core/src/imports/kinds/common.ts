import { z } from 'zod';
import { type CustomFieldRow, validateCustom } from '../../custom-fields/custom-fields.service.ts';
import type { Ctx } from '../../shared/context.ts';
import type { AppError } from '../../shared/errors.ts';
import { email as emailSchema } from '../../shared/fields.ts';
import type { ImportOutcome, RowProblem } from '../../shared/transfer.ts';
import { cell } from '../cell-schemas.ts';
import type { FieldSpec } from '../mapping.ts';
import type { ValidRow } from '../rows.ts';

/** A kind of record that can be imported from CSV and exported to CSV. */
export interface Kind<Row> {
  name: 'people' | 'companies' | 'orders' | 'interactions' | 'reviews';
  fields(defs: Map<string, CustomFieldRow>): FieldSpec[];
  schema(defs: Map<string, CustomFieldRow>): z.ZodType<Row>;
  /** Writes the valid rows; problems name the row's line and the field key. */
  apply(ctx: Ctx, rows: ValidRow<Row>[], defs: Map<string, CustomFieldRow>): Promise<ImportOutcome>;
}

export const text = (max = 2000) => cell.text(max);

/** One of a closed list, case-insensitively ("Customer" = customer); spaces become _. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return cell.text(100).transform((value, ctx): T[number] | null | undefined => {
    if (value === null || value === undefined) return value;
    const normal = value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if ((values as readonly string[]).includes(normal)) return normal as T[number];
    ctx.addIssue({ code: 'custom', message: `must be one of: ${values.join(', ')}`, input: value });
    return z.NEVER;
  });
}

export const emailCell = cell.text(320).transform((value, ctx): string | null | undefined => {
  if (value === null || value === undefined) return value;
  const result = emailSchema.safeParse(value);
  if (result.success) return result.data;
  ctx.addIssue({ code: 'custom', message: 'must be an email address like ada@example.com', input: value });
  return z.NEVER;
});

export const emailList = cell.list().transform((values, ctx): string[] | null | undefined => {
  if (!values) return values;
  const out: string[] = [];
  for (const value of values) {
    const result = emailSchema.safeParse(value);
    if (result.success) out.push(result.data);
    else ctx.addIssue({ code: 'custom', message: `"${value}" is not an email address`, input: value });
  }
  return out;
});

export const lowerList = cell.list().transform((values) => values?.map((v) => v.toLowerCase()));

/** Custom field columns: `custom.<key>` for each definition of the entity. */
export function customFields(defs: Map<string, CustomFieldRow>): FieldSpec[] {
  return [...defs.values()].map((def) => ({
    key: `custom.${def.key}`,
    label: def.label,
    synonyms: [def.key],
  }));
}

export const customValues = z.record(z.string(), z.string()).optional();

export function problem(line: number, field: string, message: string): RowProblem {
  return { line, field, message };
}

/** snake_case header of a field key for exports: firstName → first_name, custom.x stays. */
export function headerOf(key: string): string {
  return key.startsWith('custom.') ? key : key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

/**
 * The owner (by email) and the custom values of a row, checked: `null` and a problem when the
 * owner is not a member or a custom value does not fit its definition.
 */
export function ownerAndCustom(
  line: number,
  row: { ownerEmail?: string | null; custom?: Record<string, string> | undefined },
  owners: Map<string, string>,
  defs: Map<string, CustomFieldRow>,
  entity: 'person' | 'company',
  problems: RowProblem[],
): { ownerId: string | null; custom: Record<string, unknown> | undefined } | null {
  const ownerId = row.ownerEmail ? owners.get(row.ownerEmail) : undefined;
  if (row.ownerEmail && !ownerId) {
    problems.push(problem(line, 'ownerEmail', `${row.ownerEmail} is not a user of this workspace`));
    return null;
  }
  if (!row.custom) return { ownerId: ownerId ?? null, custom: undefined };
  try {
    const given = Object.fromEntries(Object.entries(row.custom).filter(([, v]) => v.trim() !== ''));
    return { ownerId: ownerId ?? null, custom: validateCustom(defs, entity, given, 'patch') };
  } catch (error) {
    for (const d of (error as AppError).details) problems.push(problem(line, d.path, d.message));
    return null;
  }
}
