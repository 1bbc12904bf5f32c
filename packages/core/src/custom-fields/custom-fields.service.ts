import type { Ctx } from '../shared/context.ts';
import type { CustomMatch } from '../shared/custom-match.ts';
import { AppError, conflict, invalid, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import * as repo from './custom-fields.repo.ts';
import {
  type CustomField,
  type CustomFieldCreate,
  type CustomFieldEntity,
  type CustomFieldUpdate,
  customFieldCreate,
} from './custom-fields.schema.ts';
import { checkValue } from './custom-fields.values.ts';

export { checkValue };

function present(row: repo.CustomFieldRow): CustomField {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
    position: row.position,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listCustomFields(ctx: Ctx, entity?: CustomFieldEntity): Promise<CustomField[]> {
  return (await repo.listDefs(ctx, entity)).map(present);
}

export async function createCustomField(ctx: Ctx, input: CustomFieldCreate): Promise<CustomField> {
  const value = customFieldCreate.parse(input);
  const existing = await repo.listDefs(ctx, value.entity);
  if (existing.some((def) => def.key === value.key)) {
    throw conflict('key', `a ${value.entity} custom field "${value.key}" already exists`);
  }
  return present(
    await repo.insertDef(ctx, { id: newId('customField'), workspace_id: ctx.workspaceId, ...value }),
  );
}

export async function updateCustomField(
  ctx: Ctx,
  id: string,
  patch: CustomFieldUpdate,
): Promise<CustomField> {
  const def = await repo.findDef(ctx, id);
  if (!def) throw notFound('custom field', id);
  if (patch.options) {
    const selects = def.type === 'select' || def.type === 'multi_select';
    if (!selects && patch.options.length)
      throw invalid('options', 'only select and multi_select fields take options');
    if (selects && patch.options.length === 0)
      throw invalid('options', `a ${def.type} field needs at least one option`);
  }
  const row = await repo.updateDef(ctx, id, patch);
  if (!row) throw notFound('custom field', id);
  return present(row);
}

export async function deleteCustomField(ctx: Ctx, id: string): Promise<void> {
  const def = await repo.findDef(ctx, id);
  if (!def) throw notFound('custom field', id);
  await repo.deleteDef(ctx, def);
}

/** The definitions of one entity by key, to validate many records against (one query). */
export async function loadDefinitions(
  ctx: Ctx,
  entity: CustomFieldEntity,
): Promise<Map<string, repo.CustomFieldRow>> {
  return new Map((await repo.listDefs(ctx, entity)).map((def) => [def.key, def]));
}

/**
 * Checks `custom` values against the workspace's definitions and returns the cleaned values.
 * On create, required fields must be present; on update (`patch`), `null` removes a value.
 * Paths in errors are `custom.<key>` (prefixed by `base`, e.g. a CSV column).
 */
export function validateCustom(
  defs: Map<string, repo.CustomFieldRow>,
  entity: CustomFieldEntity,
  values: Record<string, unknown>,
  mode: 'create' | 'patch',
): Record<string, unknown> {
  const errors: { path: string; message: string }[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const def = defs.get(key);
    const path = `custom.${key}`;
    if (!def) {
      errors.push({
        path,
        message: `no ${entity} custom field "${key}" is defined (define it under custom fields first)`,
      });
      continue;
    }
    if (raw === null || raw === undefined) {
      if (def.required) errors.push({ path, message: 'is required' });
      else if (mode === 'patch') out[key] = null;
      continue;
    }
    const checked = checkValue(def, raw);
    if ('error' in checked) errors.push({ path, message: checked.error });
    else out[key] = checked.value;
  }
  if (mode === 'create') {
    for (const def of defs.values()) {
      if (def.required && !(def.key in values))
        errors.push({ path: `custom.${def.key}`, message: 'is required' });
    }
  }
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      `Invalid custom field value: ${errors[0]!.path}: ${errors[0]!.message}.`,
      errors,
    );
  }
  return out;
}

/** A custom-values patch applied to the current values: keys merge, `null` removes a key. */
export function patchCustom(
  defs: Map<string, repo.CustomFieldRow>,
  entity: CustomFieldEntity,
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const changes = validateCustom(defs, entity, patch, 'patch');
  const merged: Record<string, unknown> = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === null) delete merged[key];
  return merged;
}

/**
 * `custom.<key>=value` list filters, typed by their definitions so that `custom.employees=50`
 * matches the number 50, `custom.vip=yes` the boolean true, `custom.regions=emea|apac` a
 * multi-select containing both, and `custom.nickname=annie` the text "Annie" (case ignored).
 */
export function customFilter(
  defs: Map<string, repo.CustomFieldRow>,
  entity: CustomFieldEntity,
  raw: Record<string, string>,
): CustomMatch {
  const match: CustomMatch = { contains: {}, text: {} };
  for (const [key, text] of Object.entries(raw)) {
    const def = defs.get(key);
    if (!def) throw invalid(`custom.${key}`, `no ${entity} custom field "${key}" is defined`);
    const checked = checkValue(def, text);
    if ('error' in checked) throw invalid(`custom.${key}`, checked.error);
    if (def.type === 'text') match.text[key] = checked.value as string;
    else match.contains[key] = checked.value;
  }
  return match;
}
export type { CustomFieldRow } from './custom-fields.repo.ts';
